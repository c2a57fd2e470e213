// The real `pixabots serve` binary as a child process: it prints its port,
// answers over HTTP, and exits 0 promptly on SIGTERM. Catches what the
// in-process tests cannot: flag parsing, the "listening on" line scripts read,
// and the signal thread's shutdown.
#ifdef PIXABOTS_CLI
#include <fcntl.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <optional>
#include <regex>
#include <string>
#include <thread>

namespace {

using Clock = std::chrono::steady_clock;

// A child `pixabots serve --port 0`, its stdout on a pipe; killed and reaped
// if a check fails before the test stops it.
class ServeProcess {
 public:
  ServeProcess() {
    int out[2];
    REQUIRE(pipe(out) == 0);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      // The stop message and any error would clutter the test log.
      const int null = open("/dev/null", O_WRONLY);
      if (null >= 0) dup2(null, STDERR_FILENO);
      close(out[0]);
      close(out[1]);
      execl(PIXABOTS_CLI, PIXABOTS_CLI, "serve", "--port", "0", "--no-access-log", "--threads", "4",
            static_cast<char*>(nullptr));
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
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

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

  // SIGTERM, then the exit status if the child ends within `timeout`.
  std::optional<int> terminate(std::chrono::milliseconds timeout) {
    kill(pid_, SIGTERM);
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return std::nullopt;
  }

 private:
  pid_t pid_ = -1;
  int stdout_ = -1;
};

}  // namespace

TEST_CASE("serve binary: prints its port, answers, exits 0 on SIGTERM") {
  ServeProcess serve;
  const auto line = serve.firstLine(std::chrono::seconds(10));
  REQUIRE(line);
  INFO(*line);
  std::smatch match;
  REQUIRE(std::regex_search(*line, match, std::regex(R"(^listening on http://127\.0\.0\.1:(\d+))")));
  const int port = std::stoi(match[1].str());

  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/healthz");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == R"({"status":"ok"})");
  r = client.Get("/api/pixabot/2156?size=64");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "image/png");
  CHECK(r->body.starts_with("\x89PNG\r\n\x1a\n"));
  client.stop();  // close the keep-alive connection, as a client going away would

  const auto start = Clock::now();
  const auto status = serve.terminate(std::chrono::seconds(5));
  REQUIRE(status);
  CHECK(*status == 0);
  CHECK(Clock::now() - start < std::chrono::seconds(2));
}
#endif
