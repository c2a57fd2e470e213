/* Where the demo draws each avatar, shared with the frame checker so both
   agree on the picture's geometry. */
#ifndef PIXABOTS_SDL_LAYOUT_H
#define PIXABOTS_SDL_LAYOUT_H

#define LAYOUT_MAX_COLUMNS 4
#define LAYOUT_GAP 8
/* The avatars are flattened onto this colour (pxb_options.bg), so every
   texture pixel is opaque and lands in the frame unblended: the frame can
   then be compared byte for byte with the library's own render. */
#define LAYOUT_CELL_BG "#2a3142"
/* The window behind the cells, as 8-bit R, G, B. */
#define LAYOUT_BACKDROP_R 0x14
#define LAYOUT_BACKDROP_G 0x18
#define LAYOUT_BACKDROP_B 0x20

static inline int layout_columns(int count) { return count < LAYOUT_MAX_COLUMNS ? count : LAYOUT_MAX_COLUMNS; }

static inline int layout_rows(int count) { return (count + LAYOUT_MAX_COLUMNS - 1) / LAYOUT_MAX_COLUMNS; }

/* The window's width or height for `cells` cells of `size` px along it. */
static inline int layout_extent(int cells, int size) { return cells * (size + LAYOUT_GAP) + LAYOUT_GAP; }

/* The top-left corner of avatar `index` of `size` px. */
static inline void layout_cell_origin(int index, int size, int* x, int* y) {
  *x = LAYOUT_GAP + (index % LAYOUT_MAX_COLUMNS) * (size + LAYOUT_GAP);
  *y = LAYOUT_GAP + (index / LAYOUT_MAX_COLUMNS) * (size + LAYOUT_GAP);
}

#endif
