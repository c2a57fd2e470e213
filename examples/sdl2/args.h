/* The demo's command line, also read by the frame checker so a test passes
   both programs the same options. */
#ifndef PIXABOTS_SDL_ARGS_H
#define PIXABOTS_SDL_ARGS_H

#include "pixabots/pixabots.h"

#define ARGS_MAX_IDS 64
#define ARGS_DEFAULT_COUNT 12 /* a 4 x 3 grid of random IDs */
#define ARGS_CLOCK (-1)       /* demo_args.tick: the animation runs */

typedef struct demo_args {
  int frames;          /* frames to run before exiting; 0 = until Esc or the window closes */
  const char* capture; /* BMP file receiving the last frame; NULL = none */
  char ids[ARGS_MAX_IDS][PXB_ID_BUFFER_SIZE];
  int id_count; /* 0 = ARGS_DEFAULT_COUNT random IDs */
  int tick;     /* a tick 0..15 every avatar stays at, or ARGS_CLOCK */
  int size;     /* each avatar's width and height in px */
} demo_args;

/* Fills *out from argv; on a bad or unknown option prints why and the usage
   to stderr and returns nonzero. IDs are checked against the catalog later,
   by the library. */
int args_parse(int argc, char** argv, demo_args* out);

#endif
