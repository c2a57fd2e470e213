#include "frame_stats.h"

#include <stdio.h>
#include <stdlib.h>

void frame_stats_add(frame_stats* stats, double ms) {
  stats->kept[stats->count % FRAME_STATS_KEPT] = ms;
  ++stats->count;
  stats->total += ms;
}

static int compare_ms(const void* a, const void* b) {
  double x = *(const double*)a;
  double y = *(const double*)b;
  return (x > y) - (x < y);
}

void frame_stats_print(frame_stats* stats, const char* label) {
  size_t n = stats->count < FRAME_STATS_KEPT ? (size_t)stats->count : FRAME_STATS_KEPT;
  double median;
  if (n == 0) {
    printf("%s: none\n", label);
    return;
  }
  qsort(stats->kept, n, sizeof stats->kept[0], compare_ms);
  median = n % 2 ? stats->kept[n / 2] : (stats->kept[n / 2 - 1] + stats->kept[n / 2]) / 2;
  printf("%s: %ld, mean %.3f ms, median %.3f ms\n", label, stats->count, stats->total / (double)stats->count, median);
}
