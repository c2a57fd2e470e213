# PNG@128 of bot 2156 through the Python binding (Context.render, defaults):
# 200 warm-up renders, then N timed with perf_counter_ns; prints
# "python <median_us>". PIXABOTS_LIBRARY names the library (run.sh sets it).
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bindings", "python"))
import pixabots  # noqa: E402

n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
clock = time.perf_counter_ns
with pixabots.Context() as ctx:
    for _ in range(200):
        ctx.render("2156")
    times = []
    for _ in range(n):
        start = clock()
        ctx.render("2156")
        times.append((clock() - start) / 1e3)
times.sort()
print("python %.1f" % times[n // 2])
