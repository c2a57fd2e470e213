// What a program pays before and for its first avatar: pxb_ctx_new, then the
// first PNG at 128 px, beside the same art loaded through PNG decoding (what
// pxb_ctx_new did before the art was compiled in decoded).
//
// Both are paid once per process (the embedded pack and the encoder's scratch
// live as long as the process), so repeating them in one process would time
// the warm path. Each iteration therefore starts this program afresh as a
// child (--startup-child=<art>), which times the two calls and writes the
// times to its stdout; the parent records them as manual time. A forked child
// would be cheaper to start but pays a copy-on-write fault on every page it
// writes, which a fresh process does not.
#include <benchmark/benchmark.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pixabots/pixabots.h"
#include "support/sprite_files.hpp"

extern char** environ;

namespace {

constexpr std::string_view kChildFlag = "--startup-child=";

// How the child gets its context.
enum class Art {
  embedded,   // pxb_ctx_new
  pngDecode,  // pxb_ctx_new_from_memory over sprites/: manifest parsed, sheets PNG-decoded
};

const char* artName(Art art) { return art == Art::embedded ? "embedded" : "png_decode"; }

// CPU time, user and kernel (page faults included): on a shared, busy machine
// wall time mostly measures how long the child waited for a core.
std::int64_t cpuNs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return std::int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec;
}

long minorFaults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

struct ChildTimes {
  std::int64_t ctxNs = 0;
  std::int64_t renderNs = 0;
  long ctxFaults = 0;
  long renderFaults = 0;
};

// The child: create the context, render 2156 as PNG at 128 px (the defaults).
// The baseline's files are read from sprites/ first, untimed, so it decodes
// from memory as the old pxb_ctx_new decoded the PNG bytes compiled in.
int runChild(std::string_view artArg) {
  const bool embedded = artArg == artName(Art::embedded);
  testing::SpriteFiles sprites;
  std::vector<pxb_pack_file> files;
  if (!embedded) {
    sprites = testing::readSpriteFiles(PIXABOTS_SPRITES_DIR);
    for (std::size_t i = 0; i < sprites.paths.size(); ++i) {
      files.push_back({sprites.paths[i].c_str(), sprites.bytes[i].data(), sprites.bytes[i].size()});
    }
  }
  ChildTimes t;
  const long f0 = minorFaults();
  const std::int64_t t0 = cpuNs();
  pxb_ctx* ctx = nullptr;
  const pxb_status made = embedded ? pxb_ctx_new(&ctx) : pxb_ctx_new_from_memory(files.data(), files.size(), &ctx);
  const std::int64_t t1 = cpuNs();
  const long f1 = minorFaults();
  std::uint8_t* png = nullptr;
  std::size_t size = 0;
  const pxb_status rendered = made == PXB_OK ? pxb_render(ctx, "2156", nullptr, &png, &size) : made;
  const std::int64_t t2 = cpuNs();
  const long f2 = minorFaults();
  t = {t1 - t0, t2 - t1, f1 - f0, f2 - f1};
  if (rendered != PXB_OK || size == 0) return 1;
  return write(STDOUT_FILENO, &t, sizeof t) == static_cast<ssize_t>(sizeof t) ? 0 : 1;
}

bool timeChild(Art art, ChildTimes& times) {
  int fds[2];
  if (pipe(fds) != 0) return false;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  std::string flag = std::string(kChildFlag) + artName(art);
  char self[] = "/proc/self/exe";
  char* argv[] = {self, flag.data(), nullptr};
  pid_t pid = 0;
  const bool spawned = posix_spawn(&pid, self, &actions, nullptr, argv, environ) == 0;
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  const bool got = spawned && read(fds[0], &times, sizeof times) == static_cast<ssize_t>(sizeof times);
  close(fds[0]);
  int status = 0;
  const bool exited = spawned && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return got && exited;
}

enum class Part { ctxNew, firstRender, both };

void runStartup(benchmark::State& state, Art art, Part part) {
  double faults = 0;
  for (auto _ : state) {
    ChildTimes t;
    if (!timeChild(art, t)) {
      state.SkipWithError("the child failed to create a context or render");
      return;
    }
    const bool ctx = part != Part::firstRender;
    const bool render = part != Part::ctxNew;
    state.SetIterationTime(static_cast<double>((ctx ? t.ctxNs : 0) + (render ? t.renderNs : 0)) * 1e-9);
    faults += static_cast<double>((ctx ? t.ctxFaults : 0) + (render ? t.renderFaults : 0));
  }
  // Page faults in the timed calls: on a virtual machine each costs tens of microseconds.
  state.counters["faults"] = benchmark::Counter(faults, benchmark::Counter::kAvgIterations);
}

// A fixed count: each iteration starts a process (~10 ms of wall time), so
// letting the library size the runs by the microseconds timed would take minutes.
// The figure: a fresh process's pxb_ctx_new plus its first PNG@128.
void BM_CtxNewFirstPng128(benchmark::State& state, Art art) { runStartup(state, art, Part::both); }
// The split, to see where the time goes.
void BM_CtxNew(benchmark::State& state, Art art) { runStartup(state, art, Part::ctxNew); }
void BM_FirstPng128(benchmark::State& state, Art art) { runStartup(state, art, Part::firstRender); }

// The same two calls in a running program (code and tables already paged in):
// what a host pays for each new context and its first avatar.
void BM_CtxNewFirstPng128InProcess(benchmark::State& state, Art art) {
  testing::SpriteFiles sprites;
  std::vector<pxb_pack_file> files;
  if (art == Art::pngDecode) {
    sprites = testing::readSpriteFiles(PIXABOTS_SPRITES_DIR);
    for (std::size_t i = 0; i < sprites.paths.size(); ++i) {
      files.push_back({sprites.paths[i].c_str(), sprites.bytes[i].data(), sprites.bytes[i].size()});
    }
  }
  for (auto _ : state) {
    pxb_ctx* ctx = nullptr;
    const pxb_status made =
        art == Art::embedded ? pxb_ctx_new(&ctx) : pxb_ctx_new_from_memory(files.data(), files.size(), &ctx);
    std::uint8_t* png = nullptr;
    std::size_t size = 0;
    if (made != PXB_OK || pxb_render(ctx, "2156", nullptr, &png, &size) != PXB_OK) {
      state.SkipWithError("could not create a context or render");
      break;
    }
    benchmark::DoNotOptimize(png);
    pxb_free(png);
    pxb_ctx_free(ctx);
  }
}

BENCHMARK_CAPTURE(BM_CtxNewFirstPng128InProcess, embedded, Art::embedded)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CtxNewFirstPng128InProcess, png_decode, Art::pngDecode)->Unit(benchmark::kMicrosecond);

BENCHMARK_CAPTURE(BM_CtxNewFirstPng128, embedded, Art::embedded)
    ->UseManualTime()
    ->Iterations(100)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CtxNewFirstPng128, png_decode, Art::pngDecode)
    ->UseManualTime()
    ->Iterations(100)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CtxNew, embedded, Art::embedded)->UseManualTime()->Iterations(100)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CtxNew, png_decode, Art::pngDecode)
    ->UseManualTime()
    ->Iterations(100)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_FirstPng128, embedded, Art::embedded)
    ->UseManualTime()
    ->Iterations(100)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_FirstPng128, png_decode, Art::pngDecode)
    ->UseManualTime()
    ->Iterations(100)
    ->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string_view(argv[1]).starts_with(kChildFlag)) {
    return runChild(std::string_view(argv[1]).substr(kChildFlag.size()));
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
