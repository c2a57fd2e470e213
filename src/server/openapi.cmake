# The server's OpenAPI document, compiled in. Include this file from the
# CMakeLists.txt whose target compiles ${PIXABOTS_SERVER_OPENAPI_SOURCES}: the
# generating rule belongs to that directory. The including target needs
# ${PROJECT_SOURCE_DIR}/src on its include path (for "server/openapi.hpp").
set(PIXABOTS_SERVER_OPENAPI_JSON ${CMAKE_CURRENT_LIST_DIR}/openapi.json)
set(PIXABOTS_SERVER_OPENAPI_SOURCES ${CMAKE_CURRENT_BINARY_DIR}/openapi_document.cpp)
add_custom_command(
  OUTPUT ${PIXABOTS_SERVER_OPENAPI_SOURCES}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${PIXABOTS_SERVER_OPENAPI_JSON}
          -DOUTPUT=${PIXABOTS_SERVER_OPENAPI_SOURCES}
          -P ${CMAKE_CURRENT_LIST_DIR}/embed_openapi.cmake
  DEPENDS ${PIXABOTS_SERVER_OPENAPI_JSON} ${CMAKE_CURRENT_LIST_DIR}/embed_openapi.cmake
  COMMENT "Embedding the server's OpenAPI document"
  VERBATIM)
