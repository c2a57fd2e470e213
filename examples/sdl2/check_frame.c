/* The test of the demo's picture: loads the frame it saved (--capture) and
   compares every avatar's cell, byte for byte, with the library's own render
   of the same ID, size and tick (pxb_render, RGBA), and checks the backdrop
   between cells. Takes the demo's options; --ids and --tick are required. */
#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "layout.h"
#include "pixabots/pixabots.h"

/* The first pixel of cell `index` differing from `expected` (size*size RGBA),
   reported on stderr; 0 when they all match. */
static int compare_cell(const SDL_Surface* frame, const uint8_t* expected, int index, int size, const char* id) {
  int x0;
  int y0;
  int x;
  int y;
  layout_cell_origin(index, size, &x0, &y0);
  for (y = 0; y < size; ++y) {
    const uint8_t* row = (const uint8_t*)frame->pixels + (size_t)(y0 + y) * (size_t)frame->pitch + (size_t)x0 * 4;
    const uint8_t* want = expected + (size_t)y * (size_t)size * 4;
    for (x = 0; x < size; ++x) {
      if (memcmp(row + x * 4, want + x * 4, 4) != 0) {
        fprintf(stderr, "check_frame: %s (cell %d) differs at (%d, %d): %02x%02x%02x%02x, library %02x%02x%02x%02x\n",
                id, index, x, y, row[x * 4], row[x * 4 + 1], row[x * 4 + 2], row[x * 4 + 3], want[x * 4],
                want[x * 4 + 1], want[x * 4 + 2], want[x * 4 + 3]);
        return 1;
      }
    }
  }
  return 0;
}

static int check(const SDL_Surface* frame, const pxb_ctx* ctx, const demo_args* args) {
  static const uint8_t backdrop[4] = {LAYOUT_BACKDROP_R, LAYOUT_BACKDROP_G, LAYOUT_BACKDROP_B, 255};
  int width = layout_extent(layout_columns(args->id_count), args->size);
  int height = layout_extent(layout_rows(args->id_count), args->size);
  pxb_options options;
  int i;
  if (frame->w != width || frame->h != height) {
    fprintf(stderr, "check_frame: the frame is %dx%d, expected %dx%d\n", frame->w, frame->h, width, height);
    return 1;
  }
  /* The top-left corner lies in the gap before the first cell. */
  if (memcmp(frame->pixels, backdrop, 4) != 0) {
    fprintf(stderr, "check_frame: the backdrop at (0, 0) is not the demo's\n");
    return 1;
  }
  pxb_options_init(&options);
  options.format = PXB_FORMAT_RGBA;
  options.size = args->size;
  options.tick = args->tick;
  options.bg = LAYOUT_CELL_BG;
  for (i = 0; i < args->id_count; ++i) {
    uint8_t* expected = NULL;
    size_t bytes = 0;
    int failed;
    pxb_status status = pxb_render(ctx, args->ids[i], &options, &expected, &bytes);
    if (status != PXB_OK) {
      fprintf(stderr, "check_frame: pxb_render %s: %s\n", args->ids[i], pxb_last_error());
      return 1;
    }
    failed = compare_cell(frame, expected, i, args->size, args->ids[i]);
    pxb_free(expected);
    if (failed) return 1;
  }
  printf("check_frame: %d avatars at tick %d match the library's render exactly\n", args->id_count, args->tick);
  return 0;
}

int main(int argc, char** argv) {
  demo_args args;
  pxb_ctx* ctx = NULL;
  SDL_Surface* saved;
  SDL_Surface* frame;
  int failed;
  if (args_parse(argc, argv, &args)) return 2;
  if (!args.capture || args.id_count == 0 || args.tick == ARGS_CLOCK) {
    fprintf(stderr, "check_frame: needs --capture, --ids and --tick\n");
    return 2;
  }
  saved = SDL_LoadBMP(args.capture);
  if (!saved) {
    fprintf(stderr, "check_frame: %s: %s\n", args.capture, SDL_GetError());
    return 1;
  }
  /* Bytes R, G, B, A in memory, as the library writes them. */
  frame = SDL_ConvertSurfaceFormat(saved, SDL_PIXELFORMAT_RGBA32, 0);
  SDL_FreeSurface(saved);
  if (!frame) {
    fprintf(stderr, "check_frame: converting %s: %s\n", args.capture, SDL_GetError());
    return 1;
  }
  failed = pxb_ctx_new(&ctx) != PXB_OK || check(frame, ctx, &args);
  pxb_ctx_free(ctx);
  SDL_FreeSurface(frame);
  return failed;
}
