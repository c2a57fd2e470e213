#ifndef PIXABOTS_VERSION_H
#define PIXABOTS_VERSION_H
/* Frozen copy of the version.h CMake generated for release 1.0.0 (see
   tests/abi/old_caller.c): the version of these headers.
   pxb_version() tells the version of the library actually loaded. */

#define PIXABOTS_VERSION_MAJOR 1
#define PIXABOTS_VERSION_MINOR 0
#define PIXABOTS_VERSION_PATCH 0
#define PIXABOTS_VERSION_STRING "1.0.0"
/* major * 10000 + minor * 100 + patch, comparable with pxb_version_number(). */
#define PIXABOTS_VERSION_NUMBER \
  (PIXABOTS_VERSION_MAJOR * 10000 + PIXABOTS_VERSION_MINOR * 100 + PIXABOTS_VERSION_PATCH)

#endif
