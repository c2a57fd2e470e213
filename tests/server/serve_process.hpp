#pragma once
// The real `pixabots serve` (PIXABOTS_CLI) as a child process on a free port,
// for the tests that need the binary itself: flag parsing, the "listening on"
// line, signals, stderr, the process's memory.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace testing {

// `pixabots serve --port 0 ARGS...`, stdout on a pipe, stderr in an unlinked
// temporary file; killed and reaped if a check fails before the test stops it.
class ServeProcess {
 public:
  using Clock = std::chrono::steady_clock;

  explicit ServeProcess(const std::vector<std::string>& args) {
    int out[2];
    REQUIRE(pipe(out) == 0);
    std::string errPath = (std::filesystem::temp_directory_path() / "pixabots_serve_stderr_XXXXXX").string();
    stderr_ = mkstemp(errPath.data());
    REQUIRE(stderr_ >= 0);
    unlink(errPath.c_str());
    std::vector<std::string> argv = {PIXABOTS_CLI, "serve", "--port", "0"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> pointers;
    for (std::string& arg : argv) pointers.push_back(arg.data());
    pointers.push_back(nullptr);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      dup2(stderr_, STDERR_FILENO);
      close(out[0]);
      close(out[1]);
      execv(PIXABOTS_CLI, pointers.data());
      _exit(127);
    }
    close(out[1]);
    stdout_ = out[0];
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (stdout_ >= 0) close(stdout_);
    if (stderr_ >= 0) close(stderr_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  pid_t pid() const { return pid_; }

  // The first line on stdout, or nullopt after `timeout` or at EOF.
  std::optional<std::string> firstLine(std::chrono::milliseconds timeout) {
    std::string line;
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      pollfd p{stdout_, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (poll(&p, 1, static_cast<int>(left.count()) + 1) <= 0) continue;
      char c = 0;
      if (read(stdout_, &c, 1) != 1) return std::nullopt;
      if (c == '\n') return line;
      line += c;
    }
    return std::nullopt;
  }

  // The port from the "listening on http://ADDRESS:PORT" line.
  int port() {
    const auto line = firstLine(std::chrono::seconds(10));
    INFO("stderr: " << stderrText());
    REQUIRE(line);
    std::smatch match;
    REQUIRE(std::regex_search(*line, match, std::regex(R"(^listening on http://[^ ]+:(\d+) )")));
    return std::stoi(match[1].str());
  }

  // Everything the child has written on stderr so far.
  std::string stderrText() const {
    std::string text;
    char buffer[65536];
    for (ssize_t n; (n = pread(stderr_, buffer, sizeof buffer, static_cast<off_t>(text.size()))) > 0;) {
      text.append(buffer, static_cast<std::size_t>(n));
    }
    return text;
  }

  // A field of /proc/PID/status in kB (VmRSS: resident now, VmHWM: its peak).
  long memoryKb(const std::string& field) const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    for (std::string line; std::getline(status, line);) {
      if (line.starts_with(field + ":")) return std::atol(line.c_str() + field.size() + 1);
    }
    FAIL("no " << field << " in /proc/" << pid_ << "/status");
    return -1;
  }

  // SIGTERM, then the exit status if the child ends within `timeout`.
  std::optional<int> terminate(std::chrono::milliseconds timeout) {
    kill(pid_, SIGTERM);
    return exitStatus(timeout);
  }

  // The exit status if the child ends within `timeout`.
  std::optional<int> exitStatus(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    do {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    } while (Clock::now() < deadline);
    return std::nullopt;
  }

 private:
  pid_t pid_ = -1;
  int stdout_ = -1;
  int stderr_ = -1;
};

}  // namespace testing
