#pragma once
// The real `pixabots mcp` (PIXABOTS_CLI) as an MCP client runs it: a child
// process with a pipe on stdin and one on stdout; stderr goes to a file.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern char** environ;

namespace pixabots::mcp::test {

class McpProcess {
 public:
  // `env`: NAME=value entries added to this process's environment, from
  // which every PIXABOTS_* setting is removed and the config directories
  // point nowhere, so no developer's provider leaks in.
  explicit McpProcess(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
    errFile_ = std::filesystem::temp_directory_path() /
               ("pixabots-mcp-stderr-" + std::to_string(std::random_device{}()) + ".txt");
    std::vector<std::string> environment;
    for (char** e = environ; *e; ++e) {
      const std::string_view entry(*e);
      if (!entry.starts_with("PIXABOTS_") && !entry.starts_with("XDG_CONFIG_HOME=") && !entry.starts_with("HOME=")) {
        environment.emplace_back(entry);
      }
    }
    environment.push_back("HOME=/nonexistent-pixabots-test-home");
    environment.push_back("XDG_CONFIG_HOME=/nonexistent-pixabots-test-config");
    environment.insert(environment.end(), env.begin(), env.end());
    std::vector<std::string> argv = {PIXABOTS_CLI, "mcp"};
    argv.insert(argv.end(), args.begin(), args.end());

    int in[2], out[2];
    REQUIRE(::pipe(in) == 0);
    REQUIRE(::pipe(out) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(in[0], STDIN_FILENO);
      ::dup2(out[1], STDOUT_FILENO);
      const int err = ::open(errFile_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(err, STDERR_FILENO);
      for (int fd : {in[0], in[1], out[0], out[1], err}) ::close(fd);
      std::vector<char*> cargv, cenv;
      for (std::string& a : argv) cargv.push_back(a.data());
      for (std::string& e : environment) cenv.push_back(e.data());
      cargv.push_back(nullptr);
      cenv.push_back(nullptr);
      ::execve(cargv[0], cargv.data(), cenv.data());
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    stdin_ = in[1];
    stdout_ = out[0];
  }

  ~McpProcess() {
    if (stdin_ >= 0) ::close(stdin_);
    if (stdout_ >= 0) ::close(stdout_);
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    std::error_code ignored;
    std::filesystem::remove(errFile_, ignored);
  }
  McpProcess(const McpProcess&) = delete;
  McpProcess& operator=(const McpProcess&) = delete;

  void write(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::write(stdin_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      REQUIRE(n > 0);
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  void writeLine(std::string_view line) { write(std::string(line) + "\n"); }

  // The next line of stdout (without its newline); fails the test after 30 s.
  std::string readLine() {
    for (;;) {
      const auto newline = pending_.find('\n');
      if (newline != std::string::npos) {
        std::string line = pending_.substr(0, newline);
        pending_.erase(0, newline + 1);
        stdoutSeen_ += line + "\n";
        return line;
      }
      REQUIRE(fill());
    }
  }

  // Closes stdin, reads stdout to its end and returns the exit status.
  int finish() {
    ::close(stdin_);
    stdin_ = -1;
    while (fill()) {
    }
    stdoutSeen_ += pending_;
    pending_.clear();
    int status = 0;
    REQUIRE(::waitpid(pid_, &status, 0) == pid_);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  // Everything stdout carried so far.
  const std::string& stdoutText() const { return stdoutSeen_; }
  std::string stderrText() const {
    std::ifstream in(errFile_);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

 private:
  // Reads what stdout has; false at its end.
  bool fill() {
    pollfd p{stdout_, POLLIN, 0};
    const int ready = ::poll(&p, 1, 30'000);
    REQUIRE(ready == 1);
    char buffer[65536];
    const ssize_t n = ::read(stdout_, buffer, sizeof buffer);
    REQUIRE(n >= 0);
    pending_.append(buffer, static_cast<std::size_t>(n));
    return n > 0;
  }

  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  bool exited_ = false;
  std::string pending_;
  std::string stdoutSeen_;
  std::filesystem::path errFile_;
};

}  // namespace pixabots::mcp::test
