# The man pages and the installed examples name the paths of the install they belong to:
# @CMAKE_INSTALL_FULL_BINDIR@ and friends are filled in by configure_file, once into the build
# dir at configure time (for the tests and `man -l`), and again at install time with the prefix
# really installed to, so a .deb (prefix /usr) says /usr/bin and `cmake --install` to
# /usr/local says /usr/local/bin. Pages are gzipped as Debian wants (-n: no name or time stamp,
# so the package is reproducible). Also runs in script mode, from the install step.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later

# tend_configure_docs(<prefix> <out_dir>): writes <out_dir>/man/<page>, <out_dir>/man/<page>.gz and
# <out_dir>/examples/<file>. Needs TEND_SOURCE_DIR and the relative TEND_INSTALL_{BINDIR,DATADIR,
# DOCDIR,MANDIR} (GNUInstallDirs' values).
function(tend_configure_docs prefix out_dir)
  foreach(dir BINDIR DATADIR DOCDIR MANDIR)
    if(IS_ABSOLUTE "${TEND_INSTALL_${dir}}")
      set(CMAKE_INSTALL_FULL_${dir} "${TEND_INSTALL_${dir}}")
    else()
      set(CMAKE_INSTALL_FULL_${dir} "${prefix}/${TEND_INSTALL_${dir}}")
    endif()
  endforeach()
  file(GLOB pages "${TEND_SOURCE_DIR}/man/*.[157]")
  foreach(page ${pages})
    get_filename_component(name "${page}" NAME)
    configure_file("${page}" "${out_dir}/man/${name}" @ONLY)
    execute_process(COMMAND gzip -9n -c "${out_dir}/man/${name}" OUTPUT_FILE "${out_dir}/man/${name}.gz"
                    RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "gzip ${out_dir}/man/${name} failed")
    endif()
  endforeach()
  file(GLOB examples "${TEND_SOURCE_DIR}/examples/*")
  foreach(example ${examples} "${TEND_SOURCE_DIR}/data/config.example.toml")
    get_filename_component(name "${example}" NAME)
    configure_file("${example}" "${out_dir}/examples/${name}" @ONLY)
  endforeach()
endfunction()

# tend_install_docs(<out_dir>): installs what tend_configure_docs wrote, for the install step.
function(tend_install_docs out_dir)
  foreach(section 1 5 7)
    file(GLOB pages "${out_dir}/man/*.${section}.gz")
    file(INSTALL ${pages} DESTINATION "${CMAKE_INSTALL_PREFIX}/${TEND_INSTALL_MANDIR}/man${section}")
  endforeach()
  file(GLOB examples "${out_dir}/examples/*")
  file(INSTALL ${examples} DESTINATION "${CMAKE_INSTALL_PREFIX}/${TEND_INSTALL_DOCDIR}/examples")
endfunction()
