#pragma once
// The HTTP side of `pixabots serve`: cpp-httplib wired to a Service, with
// CORS, limits, timeouts, TCP_NODELAY, a fixed thread pool and an access log.
// httplib stays out of this header.
#include <memory>

#include "server/config.hpp"
#include "server/handlers.hpp"
#include "server/render_gate.hpp"

namespace pixabots::server {

class HttpServer {
 public:
  explicit HttpServer(const Config& config);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds config.host:config.port (port 0: a free one) and listens; returns
  // the port. Connections queue from here on, before run(). Throws
  // std::runtime_error when the address cannot be bound.
  int bind();
  // Serves `service` until stop(); the service must outlive the call.
  void run(const Service& service);
  // Stops accepting, lets requests in flight finish, and makes run() return.
  // Safe from any thread.
  void stop();

  // The cap on expensive renders (config.maxRenders); tests hold its tickets
  // to fill it deterministically.
  RenderGate& renderGate();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pixabots::server
