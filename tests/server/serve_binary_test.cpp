// The real `pixabots serve` binary as a child process: it prints its port,
// answers over HTTP, and exits 0 promptly on SIGTERM. Catches what the
// in-process tests cannot: flag parsing, the "listening on" line scripts read,
// and the signal thread's shutdown.
#ifdef PIXABOTS_CLI
#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <regex>
#include <string>

#include "server/serve_process.hpp"

using Clock = std::chrono::steady_clock;

TEST_CASE("serve binary: prints its port, answers, exits 0 on SIGTERM") {
  testing::ServeProcess serve({"--no-access-log", "--threads", "4"});
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
