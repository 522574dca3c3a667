# CPack: `cpack -G DEB` in the build dir makes tend_<version>_<arch>.deb, installing under /usr.
# Its Depends come from dpkg-shlibdeps on the installed executables (dpkg-dev), so they name
# the Debian runtime packages of whatever the tools really link (libfmt9, libtomlplusplus3,
# libstdc++6, ...); tzdata is added by hand, since time zones are read from files, not linked.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
set(CPACK_PACKAGE_NAME tend)
set(CPACK_PACKAGE_VENDOR "tend")
# The identity the project commits with (git log --format='%an <%ae>'), as in packaging/copyright.
# (A new name for the cache variable: build dirs still hold the old placeholder under the old one.)
set(TEND_DEB_MAINTAINER "Seed 3fddc673 maintainers <maintainers@users.noreply.h-seed-3fddc673.example>"
    CACHE STRING "The Maintainer field of the .deb: a name and an e-mail address")
set(CPACK_PACKAGE_CONTACT "${TEND_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "small command-line tools for rebuilding closeness")
# Lines kept short: dpkg shows the description as written, one control-file line per line.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "Five tools that keep private, plain-text records in your home directory:\n"
       "checkin (quick mood check-ins), breathe (paced breathing), prompt\n"
       "(conversation and reflection prompts), boundary-log (boundaries and how\n"
       "they are held) and report (weekly and monthly summaries).")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY tend)
set(CPACK_STRIP_FILES ON)
# Installed with DESTDIR, so the install step sees its real prefix (/usr) and the man pages and
# examples it configures (cmake/docs.cmake) name /usr/bin, not the build's /usr/local.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_PACKAGE_NAME tend)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
# sensible-utils: sensible-editor, the editor tend opens when neither VISUAL nor EDITOR is set.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata, sensible-utils")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

find_program(TEND_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(TEND_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  # Without dpkg-dev, the Debian 12 packages of what the tools link; keep in step with
  # `readelf -d build/bin/* | grep NEEDED` and `dpkg -S` on each library.
  message(STATUS "dpkg-shlibdeps not found: the .deb lists Debian 12's runtime packages by hand")
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS
         ", libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1 (>= 3.3.1), libfmt9 (>= 9.1.0), libtomlplusplus3 (>= 3.3.0)")
endif()

include(CPack)
