/* PNG@128 of bot 2156 through the C ABI (pxb_render + pxb_free), default
   options, the embedded art: 200 warm-up renders, then N renders each timed
   on CLOCK_MONOTONIC; prints "c <median_us>". Built and run by run.sh. */
#include <pixabots/pixabots.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int cmp(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return (x > y) - (x < y);
}

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 2000;
  if (n < 1) return 2;
  pxb_ctx* ctx = NULL;
  if (pxb_ctx_new(&ctx) != PXB_OK) return 1;
  pxb_options o;
  pxb_options_init(&o);
  double* times = malloc(sizeof(double) * (size_t)n);
  for (int i = -200; i < n; i++) {
    uint8_t* data = NULL;
    size_t size = 0;
    double start = now_us();
    if (pxb_render(ctx, "2156", &o, &data, &size) != PXB_OK) return 1;
    pxb_free(data);
    if (i >= 0) times[i] = now_us() - start;
  }
  qsort(times, (size_t)n, sizeof(double), cmp);
  printf("c %.1f\n", times[n / 2]);
  free(times);
  pxb_ctx_free(ctx);
  return 0;
}
