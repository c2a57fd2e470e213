#include "avatars.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

static int library_error(const char* call, pxb_status status) {
  fprintf(stderr, "pixabots_sdl: %s: %s (%s)\n", call, pxb_strerror(status), pxb_last_error());
  return 1;
}

int avatars_set_id(avatars* grid, int i, const char* id) {
  avatar* a = &grid->cells[i];
  pxb_status status = pxb_tick_count(grid->ctx, id, &a->tick_count);
  if (status != PXB_OK) return library_error(id, status);
  memcpy(a->id, id, PXB_ID_BUFFER_SIZE);
  a->shown_tick = -1;
  return 0;
}

int avatars_init(avatars* grid, const pxb_ctx* ctx, SDL_Renderer* renderer, int count, int size) {
  int i;
  memset(grid, 0, sizeof *grid);
  grid->ctx = ctx;
  grid->count = count;
  pxb_options_init(&grid->options);
  grid->options.format = PXB_FORMAT_RGBA;
  grid->options.size = size;
  grid->options.bg = LAYOUT_CELL_BG;
  grid->staging = malloc((size_t)size * (size_t)size * 4);
  if (!grid->staging) {
    fprintf(stderr, "pixabots_sdl: out of memory\n");
    return 1;
  }
  for (i = 0; i < count; ++i) {
    /* RGBA32 names the format whose bytes in memory are R, G, B, A on any
       machine (ABGR8888 on little-endian): the library's RGBA layout. */
    grid->cells[i].texture =
        SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STREAMING, size, size);
    if (!grid->cells[i].texture) {
      fprintf(stderr, "pixabots_sdl: SDL_CreateTexture: %s\n", SDL_GetError());
      return 1;
    }
    /* Opaque pixels copied as they are: no blending to round them. */
    SDL_SetTextureBlendMode(grid->cells[i].texture, SDL_BLENDMODE_NONE);
  }
  return 0;
}

void avatars_free(avatars* grid) {
  int i;
  for (i = 0; i < grid->count; ++i) {
    if (grid->cells[i].texture) SDL_DestroyTexture(grid->cells[i].texture);
  }
  free(grid->staging);
  memset(grid, 0, sizeof *grid);
}

int avatars_reroll(avatars* grid) {
  int i;
  for (i = 0; i < grid->count; ++i) {
    char id[PXB_ID_BUFFER_SIZE];
    pxb_status status = pxb_random_id(grid->ctx, id);
    if (status != PXB_OK) return library_error("pxb_random_id", status);
    if (avatars_set_id(grid, i, id)) return 1;
  }
  return 0;
}

void avatars_set_hue(avatars* grid, double hue) {
  int i;
  grid->options.hue = hue;
  for (i = 0; i < grid->count; ++i) grid->cells[i].shown_tick = -1;
}

/* Renders tick `tick` of `a` into its texture. When the texture's rows are
   exactly size*4 bytes the library writes into the locked pixels themselves;
   otherwise into the staging buffer, copied row by row. Either way nothing is
   allocated: pxb_render_into writes RGBA into the caller's memory. */
static int redraw(avatars* grid, avatar* a, int32_t tick) {
  size_t row = (size_t)grid->options.size * 4;
  size_t bytes = row * (size_t)grid->options.size;
  size_t written = 0;
  void* pixels = NULL;
  int pitch = 0;
  pxb_status status;
  if (SDL_LockTexture(a->texture, NULL, &pixels, &pitch) != 0) {
    fprintf(stderr, "pixabots_sdl: SDL_LockTexture: %s\n", SDL_GetError());
    return 1;
  }
  grid->options.tick = tick;
  if ((size_t)pitch == row) {
    status = pxb_render_into(grid->ctx, a->id, &grid->options, pixels, bytes, &written);
  } else {
    int y;
    status = pxb_render_into(grid->ctx, a->id, &grid->options, grid->staging, bytes, &written);
    for (y = 0; status == PXB_OK && y < grid->options.size; ++y) {
      memcpy((uint8_t*)pixels + (size_t)y * (size_t)pitch, grid->staging + (size_t)y * row, row);
    }
  }
  SDL_UnlockTexture(a->texture);
  ++grid->renders;
  if (status != PXB_OK) return library_error(a->id, status);
  a->shown_tick = tick;
  return 0;
}

int avatars_update(avatars* grid, long clock_tick, int frozen_tick) {
  int i;
  for (i = 0; i < grid->count; ++i) {
    avatar* a = &grid->cells[i];
    int32_t tick = frozen_tick != ARGS_CLOCK ? frozen_tick : (int32_t)(clock_tick % a->tick_count);
    if (tick != a->shown_tick && redraw(grid, a, tick)) return 1;
  }
  return 0;
}

void avatars_draw(const avatars* grid, SDL_Renderer* renderer) {
  int i;
  for (i = 0; i < grid->count; ++i) {
    SDL_Rect cell;
    layout_cell_origin(i, grid->options.size, &cell.x, &cell.y);
    cell.w = grid->options.size;
    cell.h = grid->options.size;
    SDL_RenderCopy(renderer, grid->cells[i].texture, NULL, &cell);
  }
}
