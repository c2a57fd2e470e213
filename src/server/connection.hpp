#pragma once
// One client connection of the event-driven server: read a request within
// its deadlines and limits, answer it (expensive renders on the render pool,
// the rest on the event loop), write the response, repeat for keep-alive and
// pipelined requests. Costs no thread while idle or slow; every wait has a
// deadline. All of a connection's handlers run on its event loop, one thread.
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/span_body.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "server/access_log.hpp"
#include "server/config.hpp"
#include "server/connection_limits.hpp"
#include "server/request_parser.hpp"
#include "server/responder.hpp"

namespace pixabots::server {

class Connection;

// The open connections, so a shutdown can reach each one.
class ConnectionRegistry {
 public:
  void add(Connection* connection, std::weak_ptr<Connection> handle);
  void remove(Connection* connection);
  std::vector<std::shared_ptr<Connection>> all() const;
  bool empty() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> open_;
};

// What every connection shares with the server.
struct ServerParts {
  const Config& config;
  RequestLimits limits;
  Responder& responder;
  ConnectionLimits& connectionLimits;
  const AccessLog& log;
  boost::asio::thread_pool& renderPool;
  ConnectionRegistry& registry;
  std::atomic<bool>& stopping;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  // `admitted`: counted by ConnectionLimits (released when the connection ends).
  Connection(boost::asio::ip::tcp::socket socket, ServerParts& server, std::string peer, bool admitted);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Serves requests until the client or a deadline ends the connection.
  void start();
  // Answers 503 with `reason` and closes: the connection caps refused it.
  void refuse(const std::string& reason);
  // The server is stopping: a connection waiting for or reading a request
  // closes now; one answering finishes its response, then closes.
  void shutdown();
  // The shutdown deadline passed: close whatever is in flight.
  void forceClose();

 private:
  enum class State { idle, reading, answering, writing, closing };
  using Clock = std::chrono::steady_clock;

  void waitForRequest();
  void readRequest();
  void onRead(boost::beast::error_code ec);
  void answer();
  void send(Reply reply);
  void onWritten(boost::beast::error_code ec);
  void lingeringClose();
  void drop(std::string_view reason);
  void log(int status, std::size_t bytes, std::string_view event = "request", std::string_view reason = {}) const;
  // The request line of a request that failed or was cut off: as parsed when
  // Beast got that far, else the buffer's first line.
  std::string receivedRequestLine() const;

  boost::beast::tcp_stream stream_;
  ServerParts& server_;
  const std::string peer_;
  const bool admitted_;
  std::string local_;   // the address the client connected to, for HTTP/1.0 requests without Host
  std::string client_;  // the peer, or with --trust-proxy the address the proxy names
  boost::beast::flat_buffer buffer_;
  std::optional<RequestParser> parser_;
  State state_ = State::idle;
  int requests_ = 0;
  bool keepAlive_ = true;
  bool head_ = false;
  Clock::time_point started_;  // the current request's first byte
  std::string requestLine_;
  boost::beast::http::response<boost::beast::http::span_body<const char>> response_;
  std::shared_ptr<const std::string> body_;  // what response_'s span points into
  std::string_view route_;
  std::string_view event_ = "request";  // "refused" for a connection the caps turned away
  std::string reason_;
};

}  // namespace pixabots::server
