/* A window of animated pixabots, drawn through the C ABI (pixabots.h) only:
   each avatar is an SDL streaming texture the library renders into, one tick
   at a time, at the pace pxb_tick_duration_ms gives. README.md explains it. */
#include <SDL.h>
#include <stdio.h>

#include "args.h"
#include "avatars.h"
#include "capture.h"
#include "frame_stats.h"
#include "layout.h"
#include "pixabots/pixabots.h"

#define MIN_SPEED 0.25
#define MAX_SPEED 4.0
#define HUE_STEP 40.0
/* Without --frames, a frame lasts at least this long (~60 a second): vsync
   may be asked for but not given (SDL's software renderer ignores it). With
   --frames the loop runs flat out, so its frame times measure the work. */
#define PACED_FRAME_MS 16

/* Everything a frame reads and the keys change. */
typedef struct demo {
  const demo_args* args;
  SDL_Window* window;
  SDL_Renderer* renderer;
  avatars grid;
  double speed;
  double hue;
  int32_t tick_ms;  /* from pxb_tick_duration_ms(speed) */
  long clock_tick;  /* ticks since start; each avatar shows it modulo its tick count */
  Uint64 next_tick; /* SDL_GetTicks64() at which clock_tick advances */
  int running;
} demo;

/* Stats live outside the stack: the ring of frame times is 64 KiB. */
static frame_stats frame_times;
static frame_stats update_times;

/* The window title shows what the keys changed. */
static void show_settings(const demo* d) {
  char title[96];
  snprintf(title, sizeof title, "pixabots: speed %.2fx (%d ms a tick), hue %.0f", d->speed, (int)d->tick_ms, d->hue);
  SDL_SetWindowTitle(d->window, title);
}

static int set_speed(demo* d, double speed) {
  pxb_status status = pxb_tick_duration_ms(speed, &d->tick_ms);
  if (status != PXB_OK) {
    fprintf(stderr, "pixabots_sdl: pxb_tick_duration_ms: %s\n", pxb_last_error());
    return 1;
  }
  d->speed = speed;
  d->next_tick = SDL_GetTicks64() + (Uint64)d->tick_ms;
  show_settings(d);
  return 0;
}

static int on_key(demo* d, SDL_Keycode key) {
  switch (key) {
    case SDLK_ESCAPE: d->running = 0; return 0;
    case SDLK_r: return avatars_reroll(&d->grid);
    case SDLK_h:
      d->hue = d->hue + HUE_STEP >= 360.0 ? 0.0 : d->hue + HUE_STEP;
      avatars_set_hue(&d->grid, d->hue);
      show_settings(d);
      return 0;
    case SDLK_PLUS:
    case SDLK_EQUALS: /* + without Shift on most layouts */
    case SDLK_KP_PLUS: return set_speed(d, d->speed * 2 > MAX_SPEED ? MAX_SPEED : d->speed * 2);
    case SDLK_MINUS:
    case SDLK_KP_MINUS: return set_speed(d, d->speed / 2 < MIN_SPEED ? MIN_SPEED : d->speed / 2);
    default: return 0;
  }
}

/* Advances the animation clock to now. After a stall (a dragged window) it
   resynchronises instead of replaying every missed tick. */
static void advance_clock(demo* d) {
  Uint64 now = SDL_GetTicks64();
  if (now < d->next_tick) return;
  if (now - d->next_tick > 1000) d->next_tick = now;
  while (now >= d->next_tick) {
    ++d->clock_tick;
    d->next_tick += (Uint64)d->tick_ms;
  }
}

static double ms_since(Uint64 start) {
  return (double)(SDL_GetPerformanceCounter() - start) * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

/* One frame: input, clock, avatars, drawing; the last one is captured. */
static int frame(demo* d, int last) {
  SDL_Event event;
  Uint64 update_start;
  long renders = d->grid.renders;
  while (SDL_PollEvent(&event)) {
    if (event.type == SDL_QUIT) d->running = 0;
    if (event.type == SDL_KEYDOWN && on_key(d, event.key.keysym.sym)) return 1;
  }
  if (!d->running) last = 1;
  advance_clock(d);
  update_start = SDL_GetPerformanceCounter();
  if (avatars_update(&d->grid, d->clock_tick, d->args->tick)) return 1;
  if (d->grid.renders != renders) frame_stats_add(&update_times, ms_since(update_start));
  SDL_SetRenderDrawColor(d->renderer, LAYOUT_BACKDROP_R, LAYOUT_BACKDROP_G, LAYOUT_BACKDROP_B, 255);
  SDL_RenderClear(d->renderer);
  avatars_draw(&d->grid, d->renderer);
  if (last && d->args->capture && capture_frame(d->renderer, d->args->capture)) return 1;
  SDL_RenderPresent(d->renderer);
  if (last) d->running = 0;
  return 0;
}

static int run(demo* d) {
  int paced = d->args->frames == 0;
  long n;
  SDL_RendererInfo info;
  if (SDL_GetRendererInfo(d->renderer, &info) != 0) info.name = "?";
  printf("pixabots %s, SDL renderer %s, %d avatars of %d px\n", pxb_version(), info.name, d->grid.count,
         d->grid.options.size);
  d->running = 1;
  for (n = 1; d->running; ++n) {
    Uint64 start = SDL_GetPerformanceCounter();
    double ms;
    if (frame(d, d->args->frames != 0 && n >= d->args->frames)) return 1;
    ms = ms_since(start);
    frame_stats_add(&frame_times, ms);
    if (paced && ms < PACED_FRAME_MS) SDL_Delay((Uint32)(PACED_FRAME_MS - ms));
  }
  frame_stats_print(&frame_times, "frames");
  frame_stats_print(&update_times, "avatar updates (the frames that redrew any)");
  printf("library renders: %ld\n", d->grid.renders);
  return 0;
}

/* The platform's renderer (SDL_RENDER_DRIVER may name one), else software. */
static SDL_Renderer* create_renderer(SDL_Window* window, int vsync) {
  SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, vsync ? SDL_RENDERER_PRESENTVSYNC : 0);
  if (!renderer) renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
  if (!renderer) fprintf(stderr, "pixabots_sdl: SDL_CreateRenderer: %s\n", SDL_GetError());
  return renderer;
}

/* The IDs the command line names, else random ones. */
static int show_ids(avatars* grid, const demo_args* args) {
  int i;
  if (args->id_count == 0) return avatars_reroll(grid);
  for (i = 0; i < args->id_count; ++i) {
    if (avatars_set_id(grid, i, args->ids[i])) return 1;
  }
  return 0;
}

int main(int argc, char** argv) {
  demo_args args;
  demo d = {0};
  pxb_ctx* ctx = NULL;
  pxb_status status;
  int count;
  int failed = 1;
  if (args_parse(argc, argv, &args)) return 2;
  count = args.id_count ? args.id_count : ARGS_DEFAULT_COUNT;
  d.args = &args;
  status = pxb_ctx_new(&ctx);
  if (status != PXB_OK) {
    fprintf(stderr, "pixabots_sdl: pxb_ctx_new: %s\n", pxb_last_error());
    return 1;
  }
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    fprintf(stderr, "pixabots_sdl: SDL_Init: %s\n", SDL_GetError());
    pxb_ctx_free(ctx);
    return 1;
  }
  d.window = SDL_CreateWindow("pixabots", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                              layout_extent(layout_columns(count), args.size),
                              layout_extent(layout_rows(count), args.size), 0);
  if (!d.window) fprintf(stderr, "pixabots_sdl: SDL_CreateWindow: %s\n", SDL_GetError());
  if (d.window) d.renderer = create_renderer(d.window, args.frames == 0);
  if (d.renderer && avatars_init(&d.grid, ctx, d.renderer, count, args.size) == 0 && show_ids(&d.grid, &args) == 0 &&
      set_speed(&d, 1.0) == 0) {
    failed = run(&d);
  }
  avatars_free(&d.grid);
  if (d.renderer) SDL_DestroyRenderer(d.renderer);
  if (d.window) SDL_DestroyWindow(d.window);
  SDL_Quit();
  pxb_ctx_free(ctx);
  return failed;
}
