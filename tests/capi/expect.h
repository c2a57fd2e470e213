#ifndef PIXABOTS_TESTS_EXPECT_H
#define PIXABOTS_TESTS_EXPECT_H
/* EXPECT for the C test programs: a failed condition is printed with the
   library's last error and counted, and the program goes on. The includer
   defines EXPECT_LAST_ERROR() (pxb_last_error() or pxb_remote_last_error())
   first; it includes no pixabots header, so the frozen-header caller can use it. */
#include <stdio.h>

static int failures = 0;

#define EXPECT(cond)                                                                                           \
  do {                                                                                                         \
    if (!(cond)) {                                                                                             \
      fprintf(stderr, "%s:%d: failed: %s (last error: %s)\n", __FILE__, __LINE__, #cond, EXPECT_LAST_ERROR()); \
      ++failures;                                                                                              \
    }                                                                                                          \
  } while (0)

#endif
