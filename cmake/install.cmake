# What `cmake --install` and the .deb put beside the executables: man pages, docs and examples,
# the licence and changelog, and the shell completions.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
include(${CMAKE_CURRENT_LIST_DIR}/docs.cmake)

set(TEND_SOURCE_DIR ${PROJECT_SOURCE_DIR})
foreach(dir BINDIR DATADIR DOCDIR MANDIR)
  set(TEND_INSTALL_${dir} ${CMAKE_INSTALL_${dir}})
endforeach()

# The pages for this build's prefix, in the build dir: what the tests read.
file(GLOB tend_doc_sources ${PROJECT_SOURCE_DIR}/man/*.[157] ${PROJECT_SOURCE_DIR}/examples/*
     ${PROJECT_SOURCE_DIR}/data/config.example.toml)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${tend_doc_sources})
tend_configure_docs("${CMAKE_INSTALL_PREFIX}" "${PROJECT_BINARY_DIR}/docs")

# Again at install time, for the prefix installed to (cpack's /usr, or --prefix).
install(CODE "
  set(TEND_SOURCE_DIR [[${PROJECT_SOURCE_DIR}]])
  set(TEND_INSTALL_BINDIR [[${CMAKE_INSTALL_BINDIR}]])
  set(TEND_INSTALL_DATADIR [[${CMAKE_INSTALL_DATADIR}]])
  set(TEND_INSTALL_DOCDIR [[${CMAKE_INSTALL_DOCDIR}]])
  set(TEND_INSTALL_MANDIR [[${CMAKE_INSTALL_MANDIR}]])
  include([[${CMAKE_CURRENT_LIST_DIR}/docs.cmake]])
  tend_configure_docs(\"\${CMAKE_INSTALL_PREFIX}\" [[${PROJECT_BINARY_DIR}/docs-install]])
  tend_install_docs([[${PROJECT_BINARY_DIR}/docs-install]])
")

# Debian's /usr/share/doc/tend: the machine-readable copyright file and the changelog, gzipped.
set(tend_changelog_gz ${PROJECT_BINARY_DIR}/docs/changelog.gz)
add_custom_command(OUTPUT ${tend_changelog_gz}
                   COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/CHANGELOG > ${tend_changelog_gz}
                   DEPENDS ${PROJECT_SOURCE_DIR}/CHANGELOG
                   COMMENT "Compressing the changelog")
add_custom_target(tend_changelog ALL DEPENDS ${tend_changelog_gz})
install(FILES packaging/copyright ${tend_changelog_gz} DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Shell completions where Debian's bash-completion, zsh and fish look for them. The one bash
# file completes all five tools: installed once, under the first tool's name, and linked to
# under the others' (bash-completion loads completions/<command>).
list(GET tend_tools 0 tend_bash_main)
file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/completions/bash)
install(FILES completions/bash/tend.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME ${tend_bash_main})
foreach(tool ${tend_tools})
  if(NOT tool STREQUAL tend_bash_main)
    file(CREATE_LINK ${tend_bash_main} ${PROJECT_BINARY_DIR}/completions/bash/${tool} SYMBOLIC)
    install(FILES ${PROJECT_BINARY_DIR}/completions/bash/${tool}
            DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
  endif()
  install(FILES completions/fish/${tool}.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
endforeach()
# zsh's: one file per tool, _<tool>, except _tend_prompt (see its comment).
file(GLOB zsh_functions ${PROJECT_SOURCE_DIR}/completions/zsh/_*)
install(FILES ${zsh_functions} DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
# The helpers all five fish completions share, one autoloaded function per file.
file(GLOB fish_functions ${PROJECT_SOURCE_DIR}/completions/fish/functions/*.fish)
install(FILES ${fish_functions} DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_functions.d)
