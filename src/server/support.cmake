# The server's support modules (response cache, rate limiter, render gate,
# metrics, ETags): plain C++ with no HTTP dependency, so they are unit-tested
# on their own. Absolute paths, so any directory can include this file; the
# compiling target needs ${PROJECT_SOURCE_DIR}/src on its include path (for
# "server/response_cache.hpp" and the others) and Threads::Threads.
set(PIXABOTS_SERVER_SUPPORT_SOURCES response_cache.cpp rate_limiter.cpp render_gate.cpp metrics.cpp etag.cpp)
list(TRANSFORM PIXABOTS_SERVER_SUPPORT_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)
