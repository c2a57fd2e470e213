#include "args.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: pixabots_sdl [--frames N] [--capture FILE.bmp] [--ids ID,ID,...] [--tick T] [--size PX]\n"
    "keys: r re-roll, h hue, + and - speed, Esc quit\n";

static int fail(const char* what, const char* value) {
  fprintf(stderr, "pixabots_sdl: %s: '%s'\n%s", what, value, usage);
  return 1;
}

/* A whole decimal number within [low, high]. */
static int parse_int(const char* text, long low, long high, int* out) {
  char* end = NULL;
  long value;
  errno = 0;
  value = strtol(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || value < low || value > high) return 1;
  *out = (int)value;
  return 0;
}

/* Comma-separated 4-character IDs. */
static int parse_ids(const char* text, demo_args* out) {
  const char* start = text;
  out->id_count = 0;
  for (;;) {
    const char* comma = strchr(start, ',');
    size_t length = comma ? (size_t)(comma - start) : strlen(start);
    if (length != PXB_ID_BUFFER_SIZE - 1 || out->id_count == ARGS_MAX_IDS) return 1;
    memcpy(out->ids[out->id_count], start, length);
    out->ids[out->id_count][length] = '\0';
    ++out->id_count;
    if (!comma) return 0;
    start = comma + 1;
  }
}

int args_parse(int argc, char** argv, demo_args* out) {
  int i;
  memset(out, 0, sizeof *out);
  out->tick = ARGS_CLOCK;
  out->size = 128;
  for (i = 1; i < argc; ++i) {
    const char* name = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
      fputs(usage, stdout);
      exit(0);
    }
    if (!value) return fail("missing value after", name);
    ++i;
    if (strcmp(name, "--frames") == 0) {
      if (parse_int(value, 1, 1000000, &out->frames)) return fail("--frames takes 1..1000000", value);
    } else if (strcmp(name, "--capture") == 0) {
      out->capture = value;
    } else if (strcmp(name, "--ids") == 0) {
      if (parse_ids(value, out)) return fail("--ids takes 1..64 comma-separated 4-character IDs", value);
    } else if (strcmp(name, "--tick") == 0) {
      if (parse_int(value, 0, 15, &out->tick)) return fail("--tick takes 0..15", value);
    } else if (strcmp(name, "--size") == 0) {
      /* The library's own range; the grid must also fit a window. */
      if (parse_int(value, 32, 512, &out->size)) return fail("--size takes 32..512", value);
    } else {
      return fail("unknown option", name);
    }
  }
  return 0;
}
