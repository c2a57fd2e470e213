# `cmake --install` puts the libraries, headers, CLI, a CMake package
# (find_package(pixabots CONFIG): pixabots::pixabots, pixabots::pixabots_static,
# and with remote generation pixabots::pixabots_remote(_static)), pkg-config
# modules (pixabots, pixabots-remote) and the licences under the prefix.
# Every rule names its component, one per Debian package (cmake/Package.cmake):
# runtime (libpixabots.so.1), development (headers, libpixabots.so, .a, CMake
# and pkg-config files), remote and remote-development (the same for
# libpixabots_remote), tool (src/cli: pixabots, its pixabots-remote helper, man
# pages and completions); `cmake --install --component NAME` installs one.
include(CMakePackageConfigHelpers)

set(PIXABOTS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/pixabots)

install(TARGETS pixabots_shared pixabots_static
  EXPORT pixabotsTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
# The public API is the C ABI and the C++ layer over it; the core headers
# (include/pixabots/core) are the library's insides and are not installed.
install(FILES include/pixabots/pixabots.h include/pixabots/pixabots.hpp
  ${PROJECT_BINARY_DIR}/include/pixabots/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/pixabots COMPONENT development)

install(EXPORT pixabotsTargets NAMESPACE pixabots:: DESTINATION ${PIXABOTS_CMAKE_DIR} COMPONENT development)
configure_package_config_file(cmake/pixabotsConfig.cmake.in
  ${PROJECT_BINARY_DIR}/pixabotsConfig.cmake INSTALL_DESTINATION ${PIXABOTS_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/pixabotsConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/pixabotsConfig.cmake ${PROJECT_BINARY_DIR}/pixabotsConfigVersion.cmake
  DESTINATION ${PIXABOTS_CMAKE_DIR} COMPONENT development)

# The .pc file finds the prefix relative to itself, so the install can move.
file(RELATIVE_PATH PIXABOTS_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file(cmake/pixabots.pc.in ${PROJECT_BINARY_DIR}/pixabots.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/pixabots.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT development)

# libpixabots_remote, when built: its own export set (pixabots::pixabots_remote,
# pixabots::pixabots_remote_static), headers and pixabots-remote.pc.
if(TARGET pixabots_remote_shared)
  install(TARGETS pixabots_remote_shared pixabots_remote_static
    EXPORT pixabotsRemoteTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT remote NAMELINK_COMPONENT remote-development
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT remote-development
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT remote)
  install(FILES include/pixabots/remote.h include/pixabots/remote.hpp
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/pixabots COMPONENT remote-development)
  install(EXPORT pixabotsRemoteTargets NAMESPACE pixabots:: DESTINATION ${PIXABOTS_CMAKE_DIR}
    COMPONENT remote-development)
  configure_file(cmake/pixabots-remote.pc.in ${PROJECT_BINARY_DIR}/pixabots-remote.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/pixabots-remote.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
    COMPONENT remote-development)
endif()

# The licences: the code's (MIT) and the art's (CC0-1.0, compiled into the
# library). Their own component, which no Debian package takes: each package
# carries both texts in its /usr/share/doc/<package>/copyright instead.
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT license)
install(FILES sprites/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME LICENSE.sprites COMPONENT license)
