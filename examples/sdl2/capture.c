#include "capture.h"

#include <stdio.h>

int capture_frame(SDL_Renderer* renderer, const char* path) {
  int width = 0;
  int height = 0;
  int failed;
  SDL_Surface* frame;
  if (SDL_GetRendererOutputSize(renderer, &width, &height) != 0) {
    fprintf(stderr, "pixabots_sdl: SDL_GetRendererOutputSize: %s\n", SDL_GetError());
    return 1;
  }
  frame = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
  if (!frame) {
    fprintf(stderr, "pixabots_sdl: SDL_CreateRGBSurfaceWithFormat: %s\n", SDL_GetError());
    return 1;
  }
  failed = SDL_RenderReadPixels(renderer, NULL, SDL_PIXELFORMAT_RGBA32, frame->pixels, frame->pitch) != 0 ||
           SDL_SaveBMP(frame, path) != 0;
  if (failed) fprintf(stderr, "pixabots_sdl: capturing %s: %s\n", path, SDL_GetError());
  SDL_FreeSurface(frame);
  return failed;
}
