// A whole `pixabots` process, start to exit: fork, exec, wait, timed by the
// parent with a steady clock (manual time), beside /bin/true in the same run
// (what any process costs here) and beside pixabots-remote, the program
// linked with libpixabots_remote and libcurl, doing nothing but print its
// version: what every command paid for loading the network and TLS libraries
// while they were linked into pixabots. Report medians:
//   pixabots_process_bench --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

// Runs `argv` with stdin, stdout and stderr on /dev/null; true when it exited 0.
bool runProcess(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, STDIN_FILENO);
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    execv(args[0], args.data());
    _exit(127);
  }
  if (pid < 0) return false;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return false;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void timeProcess(benchmark::State& state, const std::vector<std::string>& argv) {
  using Clock = std::chrono::steady_clock;
  for (auto _ : state) {
    const auto start = Clock::now();
    const bool ok = runProcess(argv);
    state.SetIterationTime(std::chrono::duration<double>(Clock::now() - start).count());
    if (!ok) {
      state.SkipWithError((argv[0] + " failed").c_str());
      return;
    }
  }
}

// The render's output, in a directory of this run's own.
std::string outputFile() {
  static const std::string file = [] {
    char dir[] = "/tmp/pixabots-process-bench-XXXXXX";
    if (mkdtemp(dir) == nullptr) std::abort();
    return std::string(dir) + "/x.svg";
  }();
  return file;
}

void BM_Process_BinTrue(benchmark::State& state) { timeProcess(state, {"/bin/true"}); }
BENCHMARK(BM_Process_BinTrue)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_Process_PixabotsVersion(benchmark::State& state) { timeProcess(state, {PIXABOTS_CLI, "--version"}); }
BENCHMARK(BM_Process_PixabotsVersion)->UseManualTime()->Unit(benchmark::kMillisecond);

void BM_Process_PixabotsRenderSvg(benchmark::State& state) {
  timeProcess(state, {PIXABOTS_CLI, "render", "2156", "-o", outputFile()});
}
BENCHMARK(BM_Process_PixabotsRenderSvg)->UseManualTime()->Unit(benchmark::kMillisecond);

#ifdef PIXABOTS_REMOTE_CLI
void BM_Process_RemoteLinkedVersion(benchmark::State& state) { timeProcess(state, {PIXABOTS_REMOTE_CLI, "--version"}); }
BENCHMARK(BM_Process_RemoteLinkedVersion)->UseManualTime()->Unit(benchmark::kMillisecond);
#endif

}  // namespace
