# Debian packages, one per install component (cmake/Install.cmake, src/cli),
# made by CPack's DEB generator from a Release build tree with
# packaging/make-debs.sh (docs/packaging.md). Library packages are named after
# the soname, as Debian's are.
set(pixabots_deb_revision 1)  # the -1 of 1.0.0-1: raised to repackage the same release
set(pixabots_deb_version ${PROJECT_VERSION}-${pixabots_deb_revision})
set(pixabots_deb_maintainer "pixabots maintainers <maintainers@users.noreply.b-seed-27d4cd5e.example>")
set(pixabots_deb_dir ${PROJECT_SOURCE_DIR}/packaging/debian)
set(pixabots_deb_out ${PROJECT_BINARY_DIR}/packaging/debian)
set(pixabots_deb_runtime libpixabots${PROJECT_VERSION_MAJOR})
set(pixabots_deb_remote libpixabots-remote${PROJECT_VERSION_MAJOR})

# The packages' one timestamp: the dates of their files and of the changelog
# entry. SOURCE_DATE_EPOCH when set, else the date of the checked-out commit,
# so one commit packages to the same bytes (cpack gets it from
# cpack-options.cmake, below).
if(DEFINED ENV{SOURCE_DATE_EPOCH})
  set(pixabots_deb_epoch $ENV{SOURCE_DATE_EPOCH})
  string(TIMESTAMP pixabots_deb_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
else()
  execute_process(COMMAND git -C ${PROJECT_SOURCE_DIR} log -1 --format=%ct
    OUTPUT_VARIABLE pixabots_deb_epoch OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT pixabots_deb_epoch MATCHES "^[0-9]+$")
    string(TIMESTAMP pixabots_deb_epoch "%s" UTC)
  endif()
  set(ENV{SOURCE_DATE_EPOCH} ${pixabots_deb_epoch})  # what string(TIMESTAMP) reads
  string(TIMESTAMP pixabots_deb_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
  unset(ENV{SOURCE_DATE_EPOCH})
endif()
# Built for the host's suite, whose libraries they link.
set(pixabots_deb_suite)
if(EXISTS /etc/os-release)
  file(STRINGS /etc/os-release pixabots_deb_suite REGEX "^VERSION_CODENAME=.")
  string(REPLACE "VERSION_CODENAME=" "" pixabots_deb_suite "${pixabots_deb_suite}")
endif()
if(NOT pixabots_deb_suite)
  set(pixabots_deb_suite unstable)
endif()

# Every package's /usr/share/doc/<package>: copyright (machine-readable, the
# code's and the art's licences), changelog.Debian.gz, and CHANGELOG.md as the
# upstream changelog.gz, compressed as lintian asks (-9, and -n: no name or
# date inside). Installed only by a component's own install (CPack's):
# `cmake --install` puts the plain LICENSE files into a prefix instead.
# The Expat (MIT) text is LICENSE's, without its title, as a DEP-5 paragraph.
file(READ ${PROJECT_SOURCE_DIR}/LICENSE pixabots_deb_expat)
string(REGEX REPLACE "^MIT License\n\n(.*)\n$" "\\1" pixabots_deb_expat "${pixabots_deb_expat}")
string(REPLACE "\n\n" "\n.\n" pixabots_deb_expat "${pixabots_deb_expat}")
string(REPLACE "\n" "\n " pixabots_deb_expat " ${pixabots_deb_expat}")
if(NOT pixabots_deb_expat MATCHES "^ Copyright")
  message(FATAL_ERROR "LICENSE no longer starts with \"MIT License\" and a blank line: see cmake/Package.cmake")
endif()
configure_file(${pixabots_deb_dir}/copyright.in ${pixabots_deb_out}/copyright @ONLY)
configure_file(${pixabots_deb_dir}/changelog.in ${pixabots_deb_out}/changelog.Debian @ONLY)
execute_process(COMMAND gzip -9nc ${pixabots_deb_out}/changelog.Debian
  OUTPUT_FILE ${pixabots_deb_out}/changelog.Debian.gz COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/CHANGELOG.md
  OUTPUT_FILE ${pixabots_deb_out}/changelog.gz COMMAND_ERROR_IS_FATAL ANY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/CHANGELOG.md)

set(CPACK_COMPONENTS_ALL)
set(pixabots_deb_packages)
# pixabots_deb(COMPONENT PACKAGE SECTION DESCRIPTION [DEPENDS ...] [CONTROL
# file...] [OVERRIDES kind...]): COMPONENT becomes the .deb PACKAGE. DEPENDS
# are added to what dpkg-shlibdeps finds; CONTROL files go into its control
# archive (maintainer scripts, conffiles, triggers).
function(pixabots_deb component package section description)
  cmake_parse_arguments(PARSE_ARGV 4 arg "" "" "DEPENDS;CONTROL;OVERRIDES")
  string(TOUPPER ${component} key)
  list(JOIN arg_DEPENDS ", " depends)
  set(CPACK_DEBIAN_${key}_PACKAGE_NAME ${package} PARENT_SCOPE)
  set(CPACK_DEBIAN_${key}_PACKAGE_SECTION ${section} PARENT_SCOPE)
  set(CPACK_DEBIAN_${key}_DESCRIPTION "${description}" PARENT_SCOPE)
  set(CPACK_DEBIAN_${key}_PACKAGE_DEPENDS "${depends}" PARENT_SCOPE)
  set(CPACK_DEBIAN_${key}_PACKAGE_CONTROL_EXTRA "${arg_CONTROL}" PARENT_SCOPE)
  set(CPACK_COMPONENTS_ALL ${CPACK_COMPONENTS_ALL} ${component} PARENT_SCOPE)
  set(pixabots_deb_packages ${pixabots_deb_packages} ${package} PARENT_SCOPE)  # for tests/package
  install(FILES ${pixabots_deb_out}/copyright ${pixabots_deb_out}/changelog.Debian.gz ${pixabots_deb_out}/changelog.gz
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package} COMPONENT ${component} EXCLUDE_FROM_ALL)
  # Lintian's overrides, each under its reason, travel in the package: those
  # of every package (overrides/all), then those of its kind.
  set(overrides ${pixabots_deb_out}/overrides/${package})
  file(READ ${pixabots_deb_dir}/overrides/all text)
  file(WRITE ${overrides} "${text}")
  foreach(kind IN LISTS arg_OVERRIDES)
    file(READ ${pixabots_deb_dir}/overrides/${kind} text)
    file(APPEND ${overrides} "${text}")
  endforeach()
  install(FILES ${overrides} DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides
    COMPONENT ${component} EXCLUDE_FROM_ALL)
endfunction()

# Descriptions: the summary line, then the text, whose lines CPack indents
# (an empty line is a paragraph break).
string(CONCAT pixabots_deb_about "Pixabots are 32 x 32 pixel-art avatars, one per ID or seed, rendered\n"
  "exactly as the public Pixabots service renders them: PNG, GIF, WebP, APNG,\n"
  "SVG, sprite sheets and Open Graph cards, from the built-in art or a pack.\n\n")
# A library package's ldconfig trigger (CPack also runs ldconfig from postinst
# and postrm: overrides/library says why that stays).
pixabots_deb(runtime ${pixabots_deb_runtime} libs
  "pixel-art avatar renderer (shared library)\n${pixabots_deb_about}This package holds the shared library with its C ABI (pixabots.h)."
  CONTROL ${pixabots_deb_dir}/triggers OVERRIDES library)
pixabots_deb(development libpixabots-dev libdevel
  "pixel-art avatar renderer (development files)\n${pixabots_deb_about}This package holds the C and C++ headers, the static library, and the\nCMake (find_package(pixabots)) and pkg-config (pixabots) files."
  DEPENDS "${pixabots_deb_runtime} (= ${pixabots_deb_version})" libpng-dev zlib1g-dev)
if(TARGET pixabots_remote_shared)
  pixabots_deb(remote ${pixabots_deb_remote} libs
    "remote generation for pixabots (shared library)\n${pixabots_deb_about}This package holds libpixabots_remote, the client of the remote image\ngeneration providers (pixabots/remote.h), over libcurl. The renderer\nlibrary does not need it."
    CONTROL ${pixabots_deb_dir}/triggers OVERRIDES library)
  pixabots_deb(remote-development libpixabots-remote-dev libdevel
    "remote generation for pixabots (development files)\n${pixabots_deb_about}This package holds libpixabots_remote's headers, static library, CMake\ntargets (pixabots::pixabots_remote) and pkg-config file (pixabots-remote)."
    DEPENDS "${pixabots_deb_remote} (= ${pixabots_deb_version})" "libpixabots-dev (= ${pixabots_deb_version})"
      "libcurl4-openssl-dev | libcurl-dev")
endif()

# The tool: the CLI and its helper (src/cli installs them, with the man pages
# and completions), and `pixabots serve` as a system service: the unit, its
# user (sysusers.d) and its settings (/etc/default/pixabots, a conffile). The
# unit is installed disabled; the maintainer scripts create the user and do
# systemd's bookkeeping (docs/packaging.md "The service").
if(TARGET pixabots_cli)
  set(pixabots_deb_control ${pixabots_deb_dir}/pixabots)
  pixabots_deb(tool pixabots graphics
    "pixel-art avatar renderer (command-line tool and HTTP server)\n${pixabots_deb_about}This package holds the pixabots command (render, batch, sheets, OG cards,\npacks, remote generation, an MCP server) and pixabots serve, the\nPixabots HTTP API, with a systemd unit (pixabots.service, disabled until\nenabled) that runs it sandboxed as the pixabots system user."
    # procps: /bin/kill, the unit's ExecReload (as openssh-server depends on it).
    DEPENDS "systemd | systemd-standalone-sysusers | systemd-sysusers" procps
    CONTROL ${pixabots_deb_control}/conffiles ${pixabots_deb_control}/postinst ${pixabots_deb_control}/prerm ${pixabots_deb_control}/postrm)
  install(FILES ${pixabots_deb_dir}/pixabots.service DESTINATION lib/systemd/system COMPONENT tool EXCLUDE_FROM_ALL)
  install(FILES ${pixabots_deb_dir}/pixabots.sysusers DESTINATION lib/sysusers.d RENAME pixabots.conf
    COMPONENT tool EXCLUDE_FROM_ALL)
  install(FILES ${pixabots_deb_dir}/pixabots.default DESTINATION /etc/default RENAME pixabots
    COMPONENT tool EXCLUDE_FROM_ALL)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)  # the unit and docs/packaging.md name /usr/bin/pixabots
set(CPACK_PACKAGE_NAME pixabots)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${pixabots_deb_maintainer}")
set(CPACK_DEBIAN_PACKAGE_RELEASE ${pixabots_deb_revision})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # <package>_<version>-<revision>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SOURCE pixabots)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# Depends from the ELF files' NEEDED entries, as Debian's packages get them,
# and a shlibs file for each library package, so that other packages built
# here get theirs.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Symbols are of no use in a package without debug information.
set(CPACK_STRIP_FILES ON)
# Read by cpack: the epoch above unless cpack's environment names one. Each
# package's Description starts with its own summary line, which the DEB
# generator would put under the project's.
set(CPACK_PROJECT_CONFIG_FILE ${pixabots_deb_out}/cpack-options.cmake)
file(WRITE ${pixabots_deb_out}/cpack-options.cmake
  "if(NOT DEFINED ENV{SOURCE_DATE_EPOCH})\n  set(ENV{SOURCE_DATE_EPOCH} ${pixabots_deb_epoch})\nendif()\n"
  "unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)\n")
# The library directory is baked into the CMake and pkg-config files when
# CMake configures; Debian's is the multiarch one, which GNUInstallDirs picks
# for the /usr prefix only. A build configured otherwise makes no packages.
if(CMAKE_LIBRARY_ARCHITECTURE AND NOT CMAKE_INSTALL_LIBDIR STREQUAL "lib/${CMAKE_LIBRARY_ARCHITECTURE}")
  file(APPEND ${pixabots_deb_out}/cpack-options.cmake
    "message(FATAL_ERROR \"${PROJECT_BINARY_DIR} installs libraries into ${CMAKE_INSTALL_LIBDIR}; Debian packages "
    "want lib/${CMAKE_LIBRARY_ARCHITECTURE}: configure it with -DCMAKE_INSTALL_PREFIX=/usr (docs/packaging.md)\")\n")
endif()
include(CPack)
