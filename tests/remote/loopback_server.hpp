#pragma once
// A cpp-httplib server on an ephemeral loopback port, on its own thread for
// the lifetime of the object: the tests' stand-in for a provider. Routes are
// registered on `http` before start(); every request is recorded.
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace pixabots::remote::test {

struct RecordedRequest {
  std::string method;
  std::string path;   // without the query
  std::string query;  // "a=1&b=2" as received, or empty
  std::string body;
  httplib::Headers headers;
};

class LoopbackServer {
 public:
  LoopbackServer() {
    http.set_logger([this](const httplib::Request& req, const httplib::Response&) {
      std::string query;
      for (const auto& [k, v] : req.params) query += (query.empty() ? "" : "&") + k + "=" + v;
      {
        std::lock_guard lock(mutex_);
        requests_.push_back({req.method, req.path, query, req.body, req.headers});
      }
      logged_.notify_all();
    });
  }
  ~LoopbackServer() { stop(); }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  // Binds 127.0.0.1 on a free port and serves until stop() or destruction.
  void start() {
    port_ = http.bind_to_any_port("127.0.0.1");
    if (port_ < 0) throw std::runtime_error("LoopbackServer: cannot bind 127.0.0.1");
    // The socket listens from bind on, so requests made before the thread
    // runs wait in the backlog.
    thread_ = std::thread([this] { http.listen_after_bind(); });
    // httplib's stop() does nothing until the server runs: a test that ends
    // at once would otherwise leave the thread in accept() and hang in join().
    while (!http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void stop() {
    if (thread_.joinable()) {
      http.stop();
      thread_.join();
    }
  }

  int port() const { return port_; }
  std::string url(const std::string& path = "") const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  // Requests seen so far, in arrival order (logged after each reply).
  std::vector<RecordedRequest> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }
  // The requests once at least `count` are logged: a client can have its
  // reply before the server logs it, so a test about to inspect what was
  // sent waits here (up to `patience`) instead of racing the log.
  std::vector<RecordedRequest> awaitRequests(std::size_t count,
                                             std::chrono::milliseconds patience = std::chrono::seconds{5}) const {
    std::unique_lock lock(mutex_);
    logged_.wait_for(lock, patience, [&] { return requests_.size() >= count; });
    return requests_;
  }

  httplib::Server http;

 private:
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  mutable std::condition_variable logged_;
  std::vector<RecordedRequest> requests_;
};

}  // namespace pixabots::remote::test
