# `cmake --install` puts the libraries, headers, CLI, a CMake package
# (find_package(pixabots CONFIG): pixabots::pixabots, pixabots::pixabots_static,
# and with remote generation pixabots::pixabots_remote(_static)) and pkg-config
# modules (pixabots, pixabots-remote) under the prefix.
include(CMakePackageConfigHelpers)

set(PIXABOTS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/pixabots)

install(TARGETS pixabots_shared pixabots_static
  EXPORT pixabotsTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The public API is the C ABI and the C++ layer over it; the core headers
# (include/pixabots/core) are the library's insides and are not installed.
install(FILES include/pixabots/pixabots.h include/pixabots/pixabots.hpp
  ${PROJECT_BINARY_DIR}/include/pixabots/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/pixabots)

install(EXPORT pixabotsTargets NAMESPACE pixabots:: DESTINATION ${PIXABOTS_CMAKE_DIR})
configure_package_config_file(cmake/pixabotsConfig.cmake.in
  ${PROJECT_BINARY_DIR}/pixabotsConfig.cmake INSTALL_DESTINATION ${PIXABOTS_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/pixabotsConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/pixabotsConfig.cmake ${PROJECT_BINARY_DIR}/pixabotsConfigVersion.cmake
  DESTINATION ${PIXABOTS_CMAKE_DIR})

# The .pc file finds the prefix relative to itself, so the install can move.
file(RELATIVE_PATH PIXABOTS_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file(cmake/pixabots.pc.in ${PROJECT_BINARY_DIR}/pixabots.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/pixabots.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# libpixabots_remote, when built: its own export set (pixabots::pixabots_remote,
# pixabots::pixabots_remote_static), headers and pixabots-remote.pc.
if(TARGET pixabots_remote_shared)
  install(TARGETS pixabots_remote_shared pixabots_remote_static
    EXPORT pixabotsRemoteTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES include/pixabots/remote.h include/pixabots/remote.hpp
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/pixabots)
  install(EXPORT pixabotsRemoteTargets NAMESPACE pixabots:: DESTINATION ${PIXABOTS_CMAKE_DIR})
  configure_file(cmake/pixabots-remote.pc.in ${PROJECT_BINARY_DIR}/pixabots-remote.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/pixabots-remote.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()
