/* Frame times: a fixed array filled as frames go, so measuring allocates
   nothing per frame. */
#ifndef PIXABOTS_SDL_FRAME_STATS_H
#define PIXABOTS_SDL_FRAME_STATS_H

#define FRAME_STATS_KEPT 8192 /* the median is over the last this many frames */

typedef struct frame_stats {
  double kept[FRAME_STATS_KEPT]; /* milliseconds, a ring */
  long count;                    /* frames measured */
  double total;                  /* their milliseconds, for the mean */
} frame_stats;

void frame_stats_add(frame_stats* stats, double ms);
/* Prints "<label>: N, mean X ms, median Y ms" to stdout; sorts the ring. */
void frame_stats_print(frame_stats* stats, const char* label);

#endif
