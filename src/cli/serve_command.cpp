// `pixabots serve`: the Pixabots HTTP API, self-hosted (src/server, docs/server.md).
#include <iostream>
#include <span>
#include <string>
#include <vector>

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
// The flags are the server's settings table (server::settings(), also read
// from PIXABOTS_<NAME>), with what a shell can complete for their values.
std::span<const Option> serveOptions() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const server::Setting& s : server::settings()) list.push_back("--" + std::string(s.key));
    return list;
  }();
  static const std::vector<Option> options = [] {
    std::vector<Option> list;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const server::Setting& s = server::settings()[i];
      Option option{.name = names[i], .value = s.valueName, .help = s.help};
      if (s.valueName == "DIR") option.complete = Completion::directory;
      if (s.valueName == "BOOL") option.choices = "true false";
      if (s.key == "log-format") option.choices = "text json";
      list.push_back(option);
    }
    list.push_back({.name = "--no-access-log", .help = "the same as --access-log false"});
    return list;
  }();
  return options;
}

constexpr std::string_view kNotes =
    "A --host other than a loopback address is reachable from other machines: the server\n"
    "has no authentication, and says so at start.";

int serve(const std::vector<std::string_view>& argv) {
  const Args args(argv, serveOptions());
  if (!args.positionals().empty()) {
    throw core::Error(core::Errc::invalid_option, "serve takes no arguments, got \"" + args.positionals()[0] + "\"");
  }
  // Environment first, flags over it.
  server::Config config = server::configFromEnvironment([](const char* name) { return std::getenv(name); });
  for (const server::Setting& s : server::settings()) {
    if (auto value = args.value("--" + std::string(s.key))) server::applySetting(config, s.key, *value);
  }
  if (args.flag("--no-access-log")) config.accessLog = false;

  // SIGINT/SIGTERM (stop) and SIGHUP (reload) are taken by one thread with
  // sigwait; blocked before any server thread starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

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
    while (sigwait(&signals, &signal) == 0 && signal == SIGHUP) http.reload();
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
std::span<const Option> serveOptions() { return {}; }
constexpr std::string_view kNotes = "This pixabots was built without the server (PIXABOTS_BUILD_SERVER=OFF).";

int serve(const std::vector<std::string_view>&) {
  throw core::Error(core::Errc::invalid_option,
                    "this pixabots was built without the server (PIXABOTS_BUILD_SERVER=OFF)");
}
#endif

}  // namespace

const Command kServeCommand{
    .name = "serve",
    .summary = "the Pixabots HTTP API, self-hosted",
    .synopsis = "[options]",
    .description =
        "Serves the public Pixabots API (GET /api/pixabot/{id}, /frames, /batch, /random,\n"
        "/api/og) plus /openapi.json, /healthz, /metrics and /parts/{category}/{name}.png\n"
        "(docs/server.md). Stops cleanly on SIGINT / SIGTERM; on SIGHUP reads --pack again\n"
        "and drops its response cache. Every option can also be set in the environment as\n"
        "PIXABOTS_<NAME> (e.g. PIXABOTS_PORT=9000, PIXABOTS_CACHE_MB=0); flags win.",
    .options = serveOptions(),
    .notes = kNotes,
    .examples =
        "pixabots serve --port 9000\n"
        "PIXABOTS_CACHE_MB=0 pixabots serve --pack my-pack",
    .run = serve,
};

}  // namespace pixabots::cli
