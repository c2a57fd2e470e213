// Reloading `pixabots serve` (SIGHUP, HttpServer::reload): a --pack directory
// read again from disk, new bytes and ETags exactly as `pixabots render` draws
// the changed pack, a broken pack refused while the old one keeps serving, the
// built-in art kept, connections and requests in flight carried over, and a
// render begun before a reload finished with the service it began with.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <variant>

#include "server/config.hpp"
#include "server/handlers.hpp"
#include "server/render_gate.hpp"
#include "server/responder.hpp"
#include "support/files.hpp"

using namespace std::chrono_literals;
using namespace pixabots;

namespace {

const std::filesystem::path& conformancePack() {
  static const std::filesystem::path dir = testing::dataPath("conformance/pack");
  return dir;
}

std::string_view etagOf(const server::Reply& reply) { return reply.response.header("ETag").value_or(""); }

}  // namespace

TEST_CASE("reload: a render begun before a reload finishes with its service, later requests miss the cache") {
  server::Config config;
  auto before = std::make_shared<const server::Service>(server::ServiceOptions{});
  const server::Service after({conformancePack()});
  const std::string target = "/api/pixabot/2156?size=64", other = "/api/pixabot/2156?size=96";
  const std::string oldOther = before->get(other).body;
  REQUIRE(before->get(target).body != after.get(target).body);
  REQUIRE(oldOther != after.get(other).body);

  server::RenderGate gate(config.maxRenders);
  server::Responder responder(config, before, gate);
  const auto begin = [&](const std::string& t) {
    auto begun = responder.begin(t, "127.0.0.1", "http://127.0.0.1:8080", "", false);
    REQUIRE(std::holds_alternative<server::PendingRender>(begun));  // a cache miss
    return std::get<server::PendingRender>(std::move(begun));
  };
  const server::Reply cached = responder.finish(begin(target));
  server::PendingRender inFlight = begin(other);

  const std::weak_ptr<const server::Service> old = before;
  before.reset();
  responder.replaceService(std::make_shared<const server::Service>(server::ServiceOptions{conformancePack()}));
  CHECK_FALSE(old.expired());  // the render in flight holds it
  const server::Reply finished = responder.finish(std::move(inFlight));
  CHECK(*finished.body == oldOther);
  CHECK(old.expired());  // and nothing else did

  // The old art's cached answer is gone: the new art, with its own ETag.
  const server::Reply fresh = responder.finish(begin(target));
  CHECK(*fresh.body == after.get(target).body);
  CHECK(etagOf(fresh) == *after.get(target).header("ETag"));
  CHECK(etagOf(fresh) != etagOf(cached));
  // Nor does the render finished after the reload answer for the new art.
  CHECK(*responder.finish(begin(other)).body == after.get(other).body);
}

#ifdef PIXABOTS_CLI
#include <httplib.h>

#include "server/serve_process.hpp"
#include "support/cli_run.hpp"

namespace {

// The longest any single wait may take before the test calls it a hang.
constexpr auto kPatience = 10s;

// A copy of the conformance pack to change on disk; removed at the end.
struct PackCopy {
  PackCopy() {
    std::filesystem::remove_all(dir);
    std::filesystem::copy(conformancePack(), dir, std::filesystem::copy_options::recursive);
  }
  ~PackCopy() { std::filesystem::remove_all(dir); }
  PackCopy(const PackCopy&) = delete;
  PackCopy& operator=(const PackCopy&) = delete;

  // Exchanges two heads of one size: the pack stays valid, 2156's head (blob) changes.
  void swapHeads() const {
    const std::filesystem::path blob = dir / "heads/blob.png", ac = dir / "heads/ac.png", spare = dir / "spare";
    std::filesystem::rename(blob, spare);
    std::filesystem::rename(ac, blob);
    std::filesystem::rename(spare, ac);
  }
  // The PNG `pixabots render` draws for 2156 at 64 px from the pack as it is now.
  std::string render() const {
    const std::filesystem::path out = testing::scratch("reload_render.png");
    const testing::Run r = testing::run("render 2156 --size 64 --pack " + dir.string() + " -o " + out.string());
    INFO(r.output);
    REQUIRE(r.status == 0);
    const auto bytes = testing::readBytes(out);
    std::filesystem::remove(out);
    return {bytes.begin(), bytes.end()};
  }

  std::filesystem::path dir = testing::scratch("reload_pack");
};

std::size_t occurrences(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// stderr once it holds `count` lines with `marker`, within kPatience.
std::string waitForLog(const testing::ServeProcess& serve, std::string_view marker, std::size_t count) {
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  std::string text = serve.stderrText();
  while (occurrences(text, marker) < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
    text = serve.stderrText();
  }
  INFO(text);
  REQUIRE(occurrences(text, marker) == count);
  return text;
}

httplib::Result get(httplib::Client& client, const char* target, const httplib::Headers& headers = {}) {
  auto r = client.Get(target, headers);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return r;
}

constexpr const char* kBot = "/api/pixabot/2156?size=64";

}  // namespace

TEST_CASE("serve binary: SIGHUP reads --pack again: new bytes and ETag, as pixabots render draws them") {
  const PackCopy pack;
  const std::string original = pack.render();
  testing::ServeProcess serve({"--pack", pack.dir.string(), "--log-format", "json"});
  httplib::Client client("127.0.0.1", serve.port());
  const auto first = get(client, kBot);
  CHECK(first->body == original);
  const std::string oldEtag = first->get_header_value("ETag");

  pack.swapHeads();
  const std::string changed = pack.render();
  REQUIRE(changed != original);
  kill(serve.pid(), SIGHUP);
  const std::string log = waitForLog(serve, R"("event":"reloaded")", 1);
  const std::size_t at = log.find(R"({"time")", log.rfind('\n', log.find(R"("event":"reloaded")")) + 1);
  const auto line = nlohmann::json::parse(log.substr(at, log.find('\n', at) - at));
  CHECK(line["reason"] == "pack " + pack.dir.string() + " loaded again; cached responses dropped");
  CHECK(line["client"] == "");
  CHECK(line["status"] == 0);

  // The old ETag no longer matches: a full 200 of the new art, on the same keep-alive connection.
  const auto second = get(client, kBot, {{"If-None-Match", oldEtag}});
  CHECK(second->body == changed);
  CHECK(second->get_header_value("ETag") != oldEtag);
  CHECK(get(client, kBot)->body == changed);  // now from the cache, still the new art

  client.stop();
  CHECK(serve.terminate(kPatience) == 0);
}

TEST_CASE("serve binary: SIGHUP with a broken pack keeps the old one and logs the pack's problem") {
  const PackCopy pack;
  testing::ServeProcess serve({"--pack", pack.dir.string()});
  httplib::Client client("127.0.0.1", serve.port());
  const auto first = get(client, kBot);

  { std::ofstream(pack.dir / "eyes/glasses.png", std::ios::binary | std::ios::trunc) << "not a png"; }
  kill(serve.pid(), SIGHUP);
  const std::string log = waitForLog(serve, " reload-failed: ", 1);
  CHECK(log.find(" - \"-\" - 0 ") != std::string::npos);
  CHECK(log.find(" reload-failed: " + (pack.dir / "eyes/glasses.png").string() +
                 ": cannot decode PNG: not a PNG (bad signature); still serving the previous pack\n") !=
        std::string::npos);

  const auto second = get(client, kBot);
  CHECK(second->body == first->body);
  CHECK(second->get_header_value("ETag") == first->get_header_value("ETag"));
  client.stop();
  CHECK(serve.terminate(kPatience) == 0);
}

TEST_CASE("serve binary: SIGHUP with the built-in art keeps its bytes and carries connections and requests over") {
  // The access log off: reload lines are written all the same.
  testing::ServeProcess serve({"--no-access-log"});
  const int port = serve.port();
  httplib::Client client("127.0.0.1", port);
  const auto first = get(client, kBot);

  // A request half sent when the signals arrive.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  const timeval limit{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0);
  const std::string head = std::string("GET ") + kBot + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  REQUIRE(write(fd, head.data(), head.size()) == static_cast<ssize_t>(head.size()));

  // One at a time: signals sent together may merge into one.
  constexpr std::size_t kReloads = 3;
  for (std::size_t i = 1; i <= kReloads; ++i) {
    kill(serve.pid(), SIGHUP);
    waitForLog(serve, " reloaded: ", i);
  }
  // The access log is off, so every line is a reload's.
  const std::string log = serve.stderrText();
  CHECK(occurrences(log, " - \"-\" - 0 ") == kReloads);
  CHECK(occurrences(log, " reloaded: built-in art kept; cached responses dropped\n") == kReloads);
  CHECK(occurrences(log, "\n") == kReloads);

  const std::string tail = "Connection: close\r\n\r\n";
  REQUIRE(write(fd, tail.data(), tail.size()) == static_cast<ssize_t>(tail.size()));
  std::string response;
  char buffer[65536];
  for (int turn = 0; turn < 1000; ++turn) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    response.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  CHECK(response.starts_with("HTTP/1.1 200 OK\r\n"));
  CHECK(response.ends_with("\r\n\r\n" + first->body));

  const auto second = get(client, kBot);  // the keep-alive connection from before the reloads
  CHECK(second->body == first->body);
  CHECK(second->get_header_value("ETag") == first->get_header_value("ETag"));
  client.stop();
  const auto start = std::chrono::steady_clock::now();
  CHECK(serve.terminate(kPatience) == 0);
  CHECK(std::chrono::steady_clock::now() - start < 2s);
}
#endif
