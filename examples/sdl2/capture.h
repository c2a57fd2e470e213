/* Saving what the renderer drew. */
#ifndef PIXABOTS_SDL_CAPTURE_H
#define PIXABOTS_SDL_CAPTURE_H

#include <SDL.h>

/* Reads the frame being drawn (call before SDL_RenderPresent, after which
   the back buffer is undefined) and saves it as a 32-bit BMP at `path`.
   Returns nonzero after printing why. */
int capture_frame(SDL_Renderer* renderer, const char* path);

#endif
