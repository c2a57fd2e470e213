#include "server/connection.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <array>

#include "server/request_origin.hpp"

namespace pixabots::server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

// Read in pieces this big; a request's bytes beyond its limits are never buffered.
constexpr std::size_t kReadChunk = 4096;
// How long a closing connection waits for the client to finish sending
// (so our last response is not lost to a reset), and a refusal is written.
constexpr auto kLingerTime = std::chrono::seconds(2);
// Request lines in the log are cut here: the target alone may be 8 KiB.
constexpr std::size_t kLoggedLineBytes = 1024;

const std::array<std::pair<http::field, const char*>, 4> kCorsHeaders = {{
    {http::field::access_control_allow_origin, "*"},
    {http::field::access_control_allow_methods, "GET, HEAD, OPTIONS"},
    {http::field::access_control_allow_headers, "Content-Type, If-None-Match"},
    {http::field::access_control_expose_headers,
     "ETag, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"},
}};

std::string requestLine(const RequestHead& head) {
  return head.method + " " + head.target + (head.version == 10 ? " HTTP/1.0" : " HTTP/1.1");
}

}  // namespace

void ConnectionRegistry::add(Connection* connection, std::weak_ptr<Connection> handle) {
  const std::lock_guard lock(mutex_);
  open_.emplace(connection, std::move(handle));
}

void ConnectionRegistry::remove(Connection* connection) {
  const std::lock_guard lock(mutex_);
  open_.erase(connection);
}

std::vector<std::shared_ptr<Connection>> ConnectionRegistry::all() const {
  const std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<Connection>> list;
  for (const auto& [_, handle] : open_) {
    if (auto connection = handle.lock()) list.push_back(std::move(connection));
  }
  return list;
}

bool ConnectionRegistry::empty() const {
  const std::lock_guard lock(mutex_);
  return open_.empty();
}

Connection::Connection(tcp::socket socket, ServerParts& server, std::string peer, bool admitted)
    : stream_(std::move(socket)),
      server_(server),
      peer_(std::move(peer)),
      admitted_(admitted),
      client_(peer_),
      buffer_(server.limits.maxHeaderBytes + server.limits.maxBodyBytes + kReadChunk) {
  beast::error_code ec;
  const tcp::endpoint local = stream_.socket().local_endpoint(ec);
  if (!ec) {
    const std::string address = local.address().to_string();
    local_ = (local.address().is_v6() ? "[" + address + "]" : address) + ":" + std::to_string(local.port());
  }
  // Without TCP_NODELAY a keep-alive response waits for the client's delayed ACK.
  stream_.socket().set_option(tcp::no_delay(true), ec);
}

Connection::~Connection() {
  server_.registry.remove(this);
  if (admitted_) server_.connectionLimits.release(peer_);
}

void Connection::start() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->waitForRequest(); });
}

void Connection::refuse(const std::string& reason) {
  net::dispatch(stream_.get_executor(), [self = shared_from_this(), reason] {
    self->keepAlive_ = false;
    self->started_ = Clock::now();
    self->event_ = "refused";
    self->reason_ = reason;
    Reply reply = replyOf(errorResponse(503, "Too many connections. Try again later."));
    reply.response.headers.emplace_back("Retry-After", "1");
    self->send(std::move(reply));
  });
}

void Connection::shutdown() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    if (self->state_ == State::idle) {
      self->stream_.close();
    } else if (self->state_ == State::reading) {
      self->drop("server stopping");
    }
    // answering / writing: onWritten sees the server stopping and closes.
  });
}

void Connection::forceClose() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    if (self->state_ != State::closing) self->drop("response unfinished at the shutdown deadline");
  });
}

// Waits up to keep-alive-timeout for a request's first bytes (unless a
// pipelined one is already buffered); from the first byte, the whole request
// has read-timeout.
void Connection::waitForRequest() {
  if (server_.stopping) return stream_.close();
  if (buffer_.size() > 0) {
    started_ = Clock::now();
    return readRequest();
  }
  state_ = State::idle;
  stream_.expires_after(std::chrono::seconds(server_.config.keepAliveTimeoutSeconds));
  stream_.async_read_some(buffer_.prepare(kReadChunk),
                          [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                            self->buffer_.commit(n);
                            if (ec) {
                              // A client that connected and never asked for anything is worth a line;
                              // an idle keep-alive connection closing is routine.
                              if (self->requests_ == 0 && ec == beast::error::timeout)
                                self->log(0, 0, "dropped", "no request within keep-alive-timeout");
                              return self->stream_.close();
                            }
                            self->started_ = Clock::now();
                            self->readRequest();
                          });
}

void Connection::readRequest() {
  state_ = State::reading;
  parser_.emplace(server_.limits);
  stream_.expires_at(started_ + std::chrono::seconds(server_.config.readTimeoutSeconds));
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
}

void Connection::onRead(beast::error_code ec) {
  if (state_ == State::closing) return;  // closed by shutdown: already logged
  if (ec == beast::error::timeout) return drop("request not received within read-timeout");
  if (ec == http::error::end_of_stream || ec == http::error::partial_message || ec == net::error::eof) {
    return drop("client closed the connection mid-request");
  }
  if (ec == net::error::operation_aborted || ec == net::error::connection_reset || ec == net::error::bad_descriptor) {
    return drop("connection reset mid-request");
  }
  if (ec) {
    // The bytes broke a limit or HTTP itself: answer why, then close, as the
    // rest of the stream cannot be trusted to frame requests.
    requestLine_ = receivedRequestLine();
    keepAlive_ = false;
    route_ = "error";
    return send(replyOf(errorResponse(parser_->refusalStatus(ec), parser_->refusalMessage(ec))));
  }
  ++requests_;
  answer();
}

void Connection::answer() {
  state_ = State::answering;
  const RequestHead& head = parser_->head();
  requestLine_ = requestLine(head);
  keepAlive_ = parser_->keep_alive() && requests_ < server_.config.keepAliveMaxCount && !server_.stopping;
  head_ = head.method == "HEAD";
  client_ = clientAddress(server_.config, head, peer_);
  if (head.method == "OPTIONS") {
    Reply preflight;
    preflight.response.status = 204;
    preflight.response.headers.emplace_back("Access-Control-Max-Age", "86400");
    preflight.response.route = "options";
    return send(std::move(preflight));
  }
  if (head.method != "GET" && !head_) {
    Response refused = errorResponse(405, "Method not allowed");
    refused.headers.emplace_back("Allow", "GET, HEAD, OPTIONS");
    return send(replyOf(std::move(refused)));
  }
  std::optional<std::string> origin = requestOrigin(server_.config, head, local_);
  if (!origin) return send(replyOf(errorResponse(400, head.hasHost ? "Invalid Host header" : "Missing Host header")));
  auto step =
      server_.responder.begin(head.target, client_, std::move(*origin), head.ifNoneMatch, prefersReducedMotion(head));
  if (auto* reply = std::get_if<Reply>(&step)) return send(std::move(*reply));
  PendingRender& pending = std::get<PendingRender>(step);
  if (!pending.heavy) return send(server_.responder.finish(std::move(pending)));
  // Off the event loop: an animated or large render would stall every
  // connection this thread serves.
  net::post(server_.renderPool, [self = shared_from_this(), pending = std::move(pending)]() mutable {
    Reply reply = self->server_.responder.finish(std::move(pending));
    net::post(self->stream_.get_executor(),
              [self, reply = std::move(reply)]() mutable { self->send(std::move(reply)); });
  });
}

void Connection::send(Reply reply) {
  if (state_ == State::closing) return;  // a render finished after the shutdown deadline closed us
  state_ = State::writing;
  const Response& r = reply.response;
  if (!r.route.empty()) route_ = r.route;
  body_ = std::move(reply.body);
  response_ = {};
  response_.version(parser_ && parser_->head().version == 10 ? 10 : 11);
  response_.result(static_cast<unsigned>(r.status));
  for (const auto& [name, value] : kCorsHeaders) response_.set(name, value);
  if (!r.contentType.empty()) response_.set(http::field::content_type, r.contentType);
  for (const auto& [name, value] : r.headers) response_.insert(name, value);
  const std::size_t size = body_ ? body_->size() : 0;
  if (r.status != 204 && r.status != 304) response_.content_length(size);
  // HEAD: the GET's headers, Content-Length included, and no body.
  if (body_ && !head_) response_.body() = {body_->data(), body_->size()};
  response_.keep_alive(keepAlive_ && !server_.stopping);
  // Counted before the write: a client may read the response and ask /metrics
  // before this connection's write handler would run.
  if (!route_.empty()) {
    const std::chrono::duration<double> took = Clock::now() - started_;
    server_.responder.metrics().count(route_, r.status, took.count());
  }
  stream_.expires_after(std::chrono::seconds(server_.config.writeTimeoutSeconds));
  http::async_write(stream_, response_,
                    [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onWritten(ec); });
}

void Connection::onWritten(beast::error_code ec) {
  if (state_ == State::closing) return;  // dropped at the shutdown deadline: already logged
  const int status = response_.result_int();
  const std::size_t bytes = response_.body().size();
  if (ec) {
    log(status, 0, "dropped",
        ec == beast::error::timeout ? "response not sent within write-timeout" : "client went away");
    return stream_.close();
  }
  log(status, bytes, event_, reason_);
  if (!response_.keep_alive()) return lingeringClose();
  parser_.reset();
  requestLine_.clear();
  waitForRequest();
}

// Closing right after the last response would reset the connection if the
// client is still sending (pipelined requests we will not answer), and a
// reset can destroy the response before the client reads it. So: send FIN,
// drain what arrives for a moment, then close.
void Connection::lingeringClose() {
  state_ = State::closing;
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream_.expires_after(kLingerTime);
  buffer_.clear();
  struct Drain {
    std::shared_ptr<Connection> self;
    void operator()(beast::error_code ec = {}, std::size_t = 0) {
      self->buffer_.clear();
      if (ec) return self->stream_.close();
      self->stream_.async_read_some(self->buffer_.prepare(kReadChunk), std::move(*this));
    }
  };
  Drain{shared_from_this()}();
}

void Connection::drop(std::string_view reason) {
  requestLine_ = receivedRequestLine();
  log(0, 0, "dropped", reason);
  state_ = State::closing;
  stream_.close();
}

void Connection::log(int status, std::size_t bytes, std::string_view event, std::string_view reason) const {
  if (!server_.log.enabled()) return;
  const std::chrono::duration<double, std::milli> took = Clock::now() - started_;
  server_.log.write({event, client_, requestLine_, status, bytes, took.count(), reason});
}

std::string Connection::receivedRequestLine() const {
  // Beast parses as bytes arrive: once it has the request line, the buffer holds later lines.
  if (parser_ && !parser_->head().method.empty()) return requestLine(parser_->head());
  const auto* data = static_cast<const char*>(buffer_.data().data());
  std::string_view buffered(data, buffer_.size());
  buffered = buffered.substr(0, std::min(buffered.find_first_of("\r\n"), kLoggedLineBytes));
  return std::string(buffered);
}

}  // namespace pixabots::server
