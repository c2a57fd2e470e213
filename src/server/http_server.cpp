#include "server/http_server.hpp"

#include <sys/resource.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "server/access_log.hpp"
#include "server/connection.hpp"
#include "server/connection_limits.hpp"
#include "server/responder.hpp"

namespace pixabots::server {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// File descriptors the process needs beyond its connections (pack files, logs, the listener).
constexpr int kSpareDescriptors = 64;
// After accept fails for want of descriptors, wait this long before trying again instead of spinning.
constexpr auto kAcceptBackoff = std::chrono::milliseconds(100);
// Connections taken from the backlog at once after an accept completes.
constexpr int kAcceptBurst = 64;
// How often a stopping server looks whether its last connection has closed.
constexpr auto kShutdownPoll = std::chrono::milliseconds(20);

// Raises the soft descriptor limit to the hard one and returns how many
// connections fit in it, so the caps refuse connections before accept fails.
int connectionsThatFit(int wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
  }
  if (limit.rlim_cur == RLIM_INFINITY) return wanted;
  const auto fit = static_cast<long long>(limit.rlim_cur) - kSpareDescriptors;
  return static_cast<int>(std::max(1LL, std::min<long long>(wanted, fit)));
}

}  // namespace

// One io_context per event-loop thread, each connection on one of them:
// a connection's handlers then never run concurrently without a strand, and
// the threads share no queue (measured ~1.4x the req/s of one io_context run
// by two threads, bench/server/README.md).
struct EventLoop {
  net::io_context io{1};
  net::executor_work_guard<net::io_context::executor_type> busy = net::make_work_guard(io);
};

struct HttpServer::Impl {
  explicit Impl(const Config& c)
      : config(c),
        loops(static_cast<std::size_t>(std::max(1, c.threads))),
        connectionLimits(connectionsThatFit(c.maxConnections), c.maxConnectionsPerAddress),
        log(c.accessLog, c.logFormat),
        gate(c.maxRenders),
        renderPool(static_cast<std::size_t>(c.maxRenders > 0 ? c.maxRenders : defaultMaxRenders())) {}

  void accept();
  void onAccept(tcp::socket socket);
  void reload();
  void beginShutdown();
  void waitForConnections(std::chrono::steady_clock::time_point deadline);

  void finish();

  Config config;
  std::vector<EventLoop> loops;  // loops[0] also runs the acceptor and the shutdown
  net::io_context& io = loops[0].io;
  std::size_t nextLoop = 0;  // round robin; only the acceptor's handler touches it
  tcp::acceptor acceptor{io};
  net::steady_timer timer{io};  // accept back-off, then the shutdown deadline
  ConnectionLimits connectionLimits;
  AccessLog log;
  RenderGate gate;
  net::thread_pool renderPool;
  ConnectionRegistry registry;
  std::atomic<bool> stopping{false};
  std::optional<Responder> responder;  // made by run(), which is given the service
  std::optional<ServerParts> parts;
  std::mutex reloading;  // one reload at a time, so the last signal's wins
};

void HttpServer::Impl::reload() {
  const std::lock_guard lock(reloading);
  const auto started = std::chrono::steady_clock::now();
  const std::shared_ptr<const Service> current = responder->service();
  const ServiceOptions& options = current->options();
  std::string reason;
  LogEntry entry;
  entry.event = "reloaded";
  try {
    // The built-in art cannot change: the same service, with an empty cache.
    responder->replaceService(options.pack ? std::make_shared<const Service>(options) : current);
    reason = (options.pack ? "pack " + options.pack->string() + " loaded again" : std::string("built-in art kept")) +
             "; cached responses dropped";
  } catch (const std::exception& e) {
    entry.event = "reload-failed";
    reason = std::string(e.what()) + "; still serving the previous pack";
  }
  entry.reason = reason;
  entry.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  log.event(entry);
}

void HttpServer::Impl::accept() {
  net::io_context& loop = loops[nextLoop++ % loops.size()].io;
  acceptor.async_accept(loop, [this](boost::system::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || stopping) return;
    if (ec) {
      // Out of descriptors or memory: pause, so a full table does not spin a core.
      timer.expires_after(kAcceptBackoff);
      timer.async_wait([this](boost::system::error_code waited) {
        if (!waited && !stopping) accept();
      });
      return;
    }
    onAccept(std::move(socket));
    // A burst of connects waits in the backlog while the loop serves others,
    // one accept per turn: take what is queued now, then wait again.
    for (int more = 0; more < kAcceptBurst; ++more) {
      tcp::socket next = acceptor.accept(loops[nextLoop++ % loops.size()].io, ec);
      if (ec) break;
      onAccept(std::move(next));
    }
    accept();
  });
}

void HttpServer::Impl::onAccept(tcp::socket socket) {
  boost::system::error_code ec;
  const tcp::endpoint remote = socket.remote_endpoint(ec);
  if (ec) return;  // already gone
  std::string peer = remote.address().to_string();
  const ConnectionLimits::Admission admission = connectionLimits.admit(peer);
  const bool admitted = admission == ConnectionLimits::Admission::admitted;
  auto connection = std::make_shared<Connection>(std::move(socket), *parts, std::move(peer), admitted);
  registry.add(connection.get(), connection);
  if (admitted) {
    connection->start();
  } else {
    connection->refuse(connectionLimits.refusal(admission));
  }
}

void HttpServer::Impl::beginShutdown() {
  if (stopping.exchange(true)) return;
  boost::system::error_code ignored;
  acceptor.close(ignored);
  timer.cancel();
  for (const auto& connection : registry.all()) connection->shutdown();
  waitForConnections(std::chrono::steady_clock::now() + std::chrono::seconds(config.shutdownTimeoutSeconds));
}

// Polls until the last connection is gone, then lets run() return; at the
// deadline closes what is left and stops the event loops.
void HttpServer::Impl::waitForConnections(std::chrono::steady_clock::time_point deadline) {
  if (registry.empty()) return finish();
  if (std::chrono::steady_clock::now() >= deadline) {
    for (const auto& connection : registry.all()) connection->forceClose();
    for (EventLoop& loop : loops) loop.io.stop();
    return;
  }
  timer.expires_after(kShutdownPoll);
  timer.async_wait([this, deadline](boost::system::error_code) { waitForConnections(deadline); });
}

// Lets every loop's run() return once its queued handlers are done.
void HttpServer::Impl::finish() {
  for (EventLoop& loop : loops) net::post(loop.io, [&loop] { loop.busy.reset(); });
}

HttpServer::HttpServer(const Config& config) : impl_(std::make_unique<Impl>(config)) {}

HttpServer::~HttpServer() = default;

int HttpServer::bind() {
  const Config& c = impl_->config;
  tcp::resolver resolver(impl_->io);
  boost::system::error_code ec;
  const auto found =
      resolver.resolve(c.host, std::to_string(c.port), tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  const std::string where = c.host + (c.port == 0 ? " (any port)" : ":" + std::to_string(c.port));
  if (ec || found.empty())
    throw std::runtime_error("cannot listen on " + where + ": not an address here (" + ec.message() + ")");
  tcp::acceptor& acceptor = impl_->acceptor;
  const tcp::endpoint endpoint = found.begin()->endpoint();
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  // The kernel's own maximum (net.core.somaxconn): bursts of connects queue instead of waiting for SYN retries.
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  // Accept bursts drain the backlog until it is empty: accept() must not block then.
  if (!ec) acceptor.non_blocking(true, ec);
  if (ec) throw std::runtime_error("cannot listen on " + where + " (" + ec.message() + ")");
  return acceptor.local_endpoint().port();
}

std::string HttpServer::address() const { return impl_->acceptor.local_endpoint().address().to_string(); }

bool HttpServer::loopback() const { return impl_->acceptor.local_endpoint().address().is_loopback(); }

void HttpServer::run(const Service& service) {
  Impl& impl = *impl_;
  const Config& c = impl.config;
  // Borrowed (an owner-less shared_ptr): the caller keeps `service` past run(); reloads bring owned ones.
  impl.responder.emplace(c, std::shared_ptr<const Service>(std::shared_ptr<const Service>(), &service), impl.gate);
  impl.parts.emplace(ServerParts{c, RequestLimits{c.maxHeaderBytes, c.maxHeaders}, *impl.responder,
                                 impl.connectionLimits, impl.log, impl.renderPool, impl.registry, impl.stopping});
  if (!impl.stopping) impl.accept();
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < impl.loops.size(); ++i) threads.emplace_back([&impl, i] { impl.loops[i].io.run(); });
  impl.io.run();
  for (std::thread& t : threads) t.join();
  // Renders still running finish; their replies go to connections already closed.
  impl.renderPool.join();
}

void HttpServer::stop() {
  net::post(impl_->io, [impl = impl_.get()] { impl->beginShutdown(); });
}

void HttpServer::reload() {
  // Through the event loop, which runs nothing before run() has made the
  // responder; then on the render pool, so reading a pack stalls no connection.
  net::post(impl_->io, [impl = impl_.get()] { net::post(impl->renderPool, [impl] { impl->reload(); }); });
}

RenderGate& HttpServer::renderGate() { return impl_->gate; }

}  // namespace pixabots::server
