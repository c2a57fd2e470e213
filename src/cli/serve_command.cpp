// `pixabots serve`: the Pixabots HTTP API, self-hosted (src/server, docs/server.md).
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "pixabots/core/error.hpp"

#ifdef PIXABOTS_WITH_SERVER
#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <thread>

#include "server/config.hpp"
#include "server/handlers.hpp"
#include "server/http_server.hpp"
#endif

namespace pixabots::cli {
namespace {

#ifdef PIXABOTS_WITH_SERVER
int serve(const std::vector<std::string_view>& argv) {
  std::vector<std::string> names;
  for (const server::Setting& s : server::settings()) names.push_back("--" + std::string(s.key));
  const std::vector<std::string_view> valued(names.begin(), names.end());
  const Args args(argv, valued, {"--no-access-log"});
  if (!args.positionals().empty()) {
    throw core::Error(core::Errc::invalid_option, "serve takes no arguments, got \"" + args.positionals()[0] + "\"");
  }
  // Environment first, flags over it.
  server::Config config = server::configFromEnvironment([](const char* name) { return std::getenv(name); });
  for (const server::Setting& s : server::settings()) {
    if (auto value = args.value("--" + std::string(s.key))) server::applySetting(config, s.key, *value);
  }
  if (args.flag("--no-access-log")) config.accessLog = false;

  // SIGINT/SIGTERM are taken by one thread with sigwait; blocked before any
  // server thread starts, so every thread inherits the mask.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGINT);
  sigaddset(&stopSignals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

  server::HttpServer http(config);
  const int port = http.bind();
  const std::string address = http.address();
  const std::string hostPort =
      (address.find(':') != std::string::npos ? "[" + address + "]" : address) + ":" + std::to_string(port);
  if (!http.loopback()) {
    std::cerr << "serve: warning: listening on " << hostPort
              << ", reachable from other machines; the server has no authentication"
              << (config.origin ? ""
                                : "; URLs in responses follow each request's Host header (set --origin to pin them)")
              << "\n";
  }
  const server::Service service({config.pack ? std::optional<std::filesystem::path>(*config.pack) : std::nullopt,
                                 config.origin.value_or("http://" + hostPort)});
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stopSignals, &signal);
    std::cerr << "serve: stopping (signal " << signal << "): finishing responses in flight, at most "
              << config.shutdownTimeoutSeconds << " s\n";
    http.stop();
  });
  std::cout << "listening on http://" << hostPort << "  ("
            << (config.origin ? "URLs: " + *config.origin : std::string("URLs from each request's Host")) << ", "
            << config.threads << " threads)" << std::endl;
  http.run(service);
  // run() ends only after stop(); the stopper has then already returned from sigwait.
  stopper.join();
  return 0;
}
#else
int serve(const std::vector<std::string_view>&) {
  throw core::Error(core::Errc::invalid_option,
                    "this pixabots was built without the server (PIXABOTS_BUILD_SERVER=OFF)");
}
#endif

}  // namespace

const Command kServeCommand{
    "serve", "the Pixabots HTTP API, self-hosted",
    "usage: pixabots serve [options]\n"
    "\n"
    "Serves the public Pixabots API (GET /api/pixabot/{id}, /frames, /batch, /random, /api/og)\n"
    "plus /openapi.json, /healthz, /metrics and /parts/{category}/{name}.png.\n"
    "Stops cleanly on SIGINT / SIGTERM. Every option can also be set in the environment as\n"
    "PIXABOTS_<NAME> (e.g. PIXABOTS_PORT=9000, PIXABOTS_CACHE_MB=0); flags win.\n"
    "\n"
    "  --host ADDR              address or name to bind (default 127.0.0.1; 0.0.0.0 or :: for every\n"
    "                           interface, with a warning: there is no authentication)\n"
    "  --port N                 port (default 8080; 0 picks a free one, printed at start)\n"
    "  --threads N              event-loop threads (default: one per core); idle or slow\n"
    "                           connections cost no thread\n"
    "  --pack DIR               sprite pack directory (default: the built-in art)\n"
    "  --origin URL             origin of generated URLs (default: each request's Host header)\n"
    "  --trust-proxy BOOL       take the client address and origin from X-Forwarded-For,\n"
    "                           -Proto and -Host (default false; only behind a proxy you run)\n"
    "  --cache-mb N             response cache size in MiB (default 64, 0 disables)\n"
    "  --rate-animated N        animated renders per client per minute (default 60, 0 = unlimited)\n"
    "  --rate-og N              Open Graph cards per client per minute (default 30, 0 = unlimited)\n"
    "  --max-renders N          expensive renders at once: animated, OG, PNG over 480 px\n"
    "                           (default 2 x cores, 0 = no cap; 503 + Retry-After when full)\n"
    "  --render-wait-ms MS      wait for a render slot before answering 503 (default 2000)\n"
    "  --keep-alive-max N       requests per keep-alive connection (default 1000)\n"
    "  --keep-alive-timeout S   idle seconds before a connection without a request closes (default 5)\n"
    "  --read-timeout S         seconds to receive a whole request, headers and body (default 5)\n"
    "  --write-timeout S        seconds to send a whole response (default 5)\n"
    "  --max-header-bytes N     limit on the request line and header lines together (default 16384)\n"
    "  --max-headers N          limit on a request's header fields (default 100)\n"
    "  --max-connections N      connections open at once (default 10000)\n"
    "  --max-connections-per-address N\n"
    "                           connections open at once from one address (default 1000)\n"
    "  --shutdown-timeout S     on SIGINT/SIGTERM, seconds responses in flight get (default 10)\n"
    "  --access-log BOOL        one line per request and refused connection on stderr (default true)\n"
    "  --no-access-log          the same as --access-log false\n"
    "  --log-format FORMAT      access log lines as text or json (default text)\n",
    serve};

}  // namespace pixabots::cli
