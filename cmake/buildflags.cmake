# The compiler and linker flags Debian builds packages with: dpkg-buildflags, every hardening
# feature on (-D_FORTIFY_SOURCE, -fstack-protector-strong, -z relro, -z now), when it is there.
# Left out of sanitizer, fuzzing and Debug builds: _FORTIFY_SOURCE needs optimisation, and the
# sanitizers bring their own checks.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
option(TEND_DPKG_BUILDFLAGS "Build with the flags dpkg-buildflags gives, hardening=+all (when it is installed)" ON)
find_program(TEND_DPKG_BUILDFLAGS_PROGRAM dpkg-buildflags)
if(TEND_DPKG_BUILDFLAGS AND TEND_DPKG_BUILDFLAGS_PROGRAM AND NOT TEND_SANITIZE AND NOT TEND_FUZZ
   AND NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
  foreach(kind CPPFLAGS CXXFLAGS LDFLAGS)
    execute_process(
      COMMAND ${CMAKE_COMMAND} -E env "DEB_BUILD_MAINT_OPTIONS=hardening=+all" ${TEND_DPKG_BUILDFLAGS_PROGRAM}
              --get ${kind}
      OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "dpkg-buildflags --get ${kind} failed; configure with -DTEND_DPKG_BUILDFLAGS=OFF")
    endif()
    separate_arguments(flags UNIX_COMMAND "${flags}")
    set(tend_dpkg_${kind} ${flags})
  endforeach()
  # -g and -O2 come from the build type already.
  list(REMOVE_ITEM tend_dpkg_CXXFLAGS -g -O2)
  add_compile_options(${tend_dpkg_CPPFLAGS} ${tend_dpkg_CXXFLAGS})
  add_link_options(${tend_dpkg_LDFLAGS})
  message(STATUS "dpkg-buildflags: ${tend_dpkg_CPPFLAGS};${tend_dpkg_CXXFLAGS};${tend_dpkg_LDFLAGS}")
endif()
