# tend_unicode_width(<target>): compiles the table of terminal column widths into <target>,
# generated at build time by cmake/gen_width.py into the build dir, from Debian's unicode-data
# (/usr/share/unicode) when it is installed, else from Python's unicodedata.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
set(TEND_UNICODE_DIR /usr/share/unicode CACHE PATH "The Unicode Character Database (Debian: unicode-data)")
find_package(Python3 REQUIRED COMPONENTS Interpreter)

function(tend_unicode_width target)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/unicode_width_table.cpp)
  set(inputs)
  foreach(file EastAsianWidth.txt extracted/DerivedGeneralCategory.txt emoji/emoji-data.txt)
    if(EXISTS ${TEND_UNICODE_DIR}/${file})
      list(APPEND inputs ${TEND_UNICODE_DIR}/${file})
    endif()
  endforeach()
  if(NOT inputs)
    message(STATUS "No Unicode data in ${TEND_UNICODE_DIR} (apt-get install unicode-data): widths from Python's unicodedata")
  endif()
  add_custom_command(
    OUTPUT ${out}
    COMMAND Python3::Interpreter ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/gen_width.py ${TEND_UNICODE_DIR} ${out}
    DEPENDS ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/gen_width.py ${inputs}
    COMMENT "Generating the table of terminal column widths")
  target_sources(${target} PRIVATE ${out})
endfunction()
