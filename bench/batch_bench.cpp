// `pixabots batch` end to end: the real binary, started per iteration, writing
// PNG@128 files to disk (process start, pack decode, render, atomic writes).
// The CLI is found beside this build (build/src/cli/pixabots) or through
// $PIXABOTS_CLI; output goes under $PIXABOTS_BENCH_DIR or the temp directory.
//
// Each iteration writes into a directory of its own and nothing is deleted
// until the process ends: on an ext4 without a journal, inodes freed in the
// last minutes are skipped one by one when new files are created, which would
// charge one iteration for the clean-up of the one before.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

constexpr int kAllIds = 10752;

fs::path cliPath() {
  if (const char* env = std::getenv("PIXABOTS_CLI")) return env;
  return fs::read_symlink("/proc/self/exe").parent_path().parent_path() / "src" / "cli" / "pixabots";
}

// Removes every output directory when the benchmarks are done.
struct Scratch {
  fs::path root;
  int next = 0;
  Scratch() {
    const char* env = std::getenv("PIXABOTS_BENCH_DIR");
    root = fs::path(env ? env : fs::temp_directory_path().string()) /
           ("pixabots_batch_bench_" + std::to_string(::getpid()));
    fs::create_directories(root);
  }
  ~Scratch() { fs::remove_all(root); }
  fs::path fresh() { return root / std::to_string(next++); }
};

Scratch& scratch() {
  static Scratch s;
  return s;
}

// Runs the CLI with stdout and stderr discarded; true when it exits 0.
bool runCli(std::vector<std::string> args) {
  const std::string cli = cliPath().string();
  args.insert(args.begin(), {cli, "batch"});
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, cli.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  return spawned == 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// N IDs: shard 0 of 10752/N of --all.
std::vector<std::string> pngArgs(int ids, const fs::path& out) {
  return {"--all", "--shard",   "0/" + std::to_string(kAllIds / ids), "--format", "png", "--size", "128",
          "--out", out.string()};
}

void BM_BatchPng128(benchmark::State& state) {
  const int ids = static_cast<int>(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<std::string> args = pngArgs(ids, scratch().fresh());
    if (state.range(1) > 0) args.insert(args.end(), {"--jobs", std::to_string(state.range(1))});
    state.ResumeTiming();
    if (!runCli(args)) state.SkipWithError(("batch failed: is " + cliPath().string() + " built?").c_str());
  }
  state.SetItemsProcessed(state.iterations() * ids);
  state.SetComplexityN(ids);
}
// Every core (default --jobs), over 1/8 .. all of the IDs.
BENCHMARK(BM_BatchPng128)
    ->ArgsProduct({{kAllIds / 8, kAllIds / 4, kAllIds / 2, kAllIds}, {0}})
    ->ArgNames({"ids", "jobs"})
    ->Complexity(benchmark::oN)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// One thread, all IDs: what the second core adds.
void BM_BatchPng128OneJob(benchmark::State& state) { BM_BatchPng128(state); }
BENCHMARK(BM_BatchPng128OneJob)
    ->Args({kAllIds, 1})
    ->ArgNames({"ids", "jobs"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// A rerun over finished files: one stat per file, nothing rendered.
void BM_BatchResume(benchmark::State& state) {
  const fs::path out = scratch().fresh();
  if (!runCli(pngArgs(kAllIds, out))) state.SkipWithError("batch failed");
  for (auto _ : state) {
    if (!runCli(pngArgs(kAllIds, out))) state.SkipWithError("batch failed");
  }
  state.SetItemsProcessed(state.iterations() * kAllIds);
}
BENCHMARK(BM_BatchResume)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
