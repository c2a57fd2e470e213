#pragma once
// The HTTP side of `pixabots serve`: an event-driven server on Boost.Beast and
// Asio (docs/server.md says why) wired to a Service: connection caps,
// whole-request deadlines, header limits, pipelining, CORS, an access log, a
// render pool beside the event loop, a reload of the art, and a graceful stop. Beast stays out of
// this header.
#include <memory>
#include <string>

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

  // Resolves config.host, binds config.host:config.port (port 0: a free one)
  // and listens; returns the port. Connections queue from here on, before
  // run(). Throws std::runtime_error when the address cannot be bound.
  int bind();
  // The address bound, numeric ("0.0.0.0", "::1"), and whether only this
  // machine can reach it.
  std::string address() const;
  bool loopback() const;
  // Serves `service` until stop(); the service must outlive the call.
  void run(const Service& service);
  // Stops accepting and closes idle connections and requests still arriving;
  // responses in flight get config.shutdownTimeoutSeconds to finish, then
  // everything is closed and run() returns. Safe from any thread.
  void stop();
  // Builds the service again from its options (a --pack directory is read
  // from disk anew) and answers new requests with it, dropping every cached
  // response; requests in flight finish with the old one. If loading fails,
  // the old service keeps serving. Logs one line either way (AccessLog::event).
  // Returns at once; safe from any thread, also before run(), which it waits for.
  void reload();

  // The cap on expensive renders (config.maxRenders); tests hold its tickets
  // to fill it deterministically.
  RenderGate& renderGate();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pixabots::server
