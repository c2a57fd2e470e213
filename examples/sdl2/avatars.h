/* The grid of avatars: one SDL streaming texture each, redrawn by the
   library straight into the texture's memory whenever what it shows changes. */
#ifndef PIXABOTS_SDL_AVATARS_H
#define PIXABOTS_SDL_AVATARS_H

#include <SDL.h>
#include <stdint.h>

#include "args.h"
#include "pixabots/pixabots.h"

typedef struct avatar {
  char id[PXB_ID_BUFFER_SIZE];
  int32_t tick_count;   /* 16, or 8 when nothing in the combo moves */
  int32_t shown_tick;   /* the tick the texture holds; -1 = must be redrawn */
  SDL_Texture* texture; /* owned by the grid */
} avatar;

typedef struct avatars {
  const pxb_ctx* ctx;  /* the caller's; outlives the grid */
  pxb_options options; /* RGBA at the grid's size, hue and cell colour; tick set per render */
  avatar cells[ARGS_MAX_IDS];
  int count;
  uint8_t* staging; /* size*size*4 bytes, for a texture whose rows are padded */
  long renders;     /* pxb_render_into calls so far */
} avatars;

/* Creates `count` textures of `size` px, to be given IDs by avatars_set_id
   or avatars_reroll. Returns nonzero after printing why, as the calls below do. */
int avatars_init(avatars* grid, const pxb_ctx* ctx, SDL_Renderer* renderer, int count, int size);
void avatars_free(avatars* grid);

/* Avatar `i` shows `id`, checked against the catalog. */
int avatars_set_id(avatars* grid, int i, const char* id);
/* New random IDs for every avatar. */
int avatars_reroll(avatars* grid);
/* Every avatar's palette turned by `hue` degrees. */
void avatars_set_hue(avatars* grid, double hue);
/* Redraws each avatar whose tick differs from the one shown: `clock_tick`
   modulo its tick count, or exactly `frozen_tick` unless that is ARGS_CLOCK. */
int avatars_update(avatars* grid, long clock_tick, int frozen_tick);
/* Copies every texture to its cell, one texture pixel per window pixel. */
void avatars_draw(const avatars* grid, SDL_Renderer* renderer);

#endif
