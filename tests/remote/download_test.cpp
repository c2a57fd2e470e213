// downloadOutputs against a loopback asset server: exact bytes under
// <job>-<n>.<ext>, and for every failure (too large, wrong type, truncated,
// gone) no file at all - neither the asset nor a temporary - in the directory.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "remote/config.hpp"
#include "remote/fake_clock.hpp"
#include "remote/lifecycle.hpp"
#include "remote/loopback_server.hpp"
#include "remote/temp_dir.hpp"
#include "remote/thrown_by.hpp"

using namespace pixabots::remote;
using pixabots::remote::test::FakeClock;
using pixabots::remote::test::LoopbackServer;
using pixabots::remote::test::TempDir;
using pixabots::remote::test::thrownBy;
namespace fs = std::filesystem;
using Files = std::vector<fs::path>;

namespace {

constexpr const char* kKey = "pd_test_key_download_77c1";
constexpr std::size_t kCap = 4096;

// Bytes no text handling would leave alone: NULs, CR/LF, high bytes.
std::string binary(std::size_t size, unsigned salt = 0) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 7 + salt) % 256);
  return bytes;
}

// "" when the file at `path` holds exactly `want`; else how it differs (a
// readable failure, where printing binary bodies would not be).
std::string difference(const fs::path& path, const std::string& want) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "no file " + path.string();
  const std::string got{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (got == want) return "";
  std::size_t at = 0;
  while (at < got.size() && at < want.size() && got[at] == want[at]) ++at;
  return std::to_string(got.size()) + " bytes where " + std::to_string(want.size()) +
         " were expected, the first difference at byte " + std::to_string(at);
}

// A server, and a client on it whose retries sleep on a fake clock.
struct Rig {
  LoopbackServer server;
  FakeClock clock;
  std::unique_ptr<Transport> transport = makeCurlTransport();
  std::unique_ptr<ApiClient> client;
  TempDir dir;

  void start() {
    server.start();
    RemoteConfig config;
    config.baseUrl = server.url("/api/v1");
    config.apiKey = kKey;
    config.assetLimits.maxBodyBytes = kCap;
    client = std::make_unique<ApiClient>(config, *transport, clock, 42);
  }
  // Serves `body` as `type` at `path`.
  void asset(const std::string& path, std::string body, std::string type) {
    server.http.Get(path,
                    [body = std::move(body), type = std::move(type)](const httplib::Request&, httplib::Response& res) {
                      res.set_content(body, type.c_str());
                    });
  }
  Job job(const std::vector<std::string>& paths, std::string id = "job_1") {
    Job j;
    j.id = std::move(id);
    j.status = JobStatus::completed;
    for (const std::string& p : paths) j.outputs.push_back(p.find("://") == std::string::npos ? server.url(p) : p);
    return j;
  }
  std::vector<fs::path> download(const Job& j) { return downloadOutputs(*client, j, dir.path()); }
  std::size_t requests() const { return server.requests().size(); }
};

// A reply that declares `full.size()` bytes and breaks off after `sent`.
void truncatedReply(httplib::Response& res, std::string full, std::size_t sent) {
  const std::size_t declared = full.size();  // before the lambda takes `full`
  res.set_content_provider(declared, "image/png",
                           [full = std::move(full), sent](std::size_t, std::size_t, httplib::DataSink& sink) {
                             sink.write(full.data(), sent);
                             return false;  // hang up short of the declared length
                           });
}

}  // namespace

TEST_CASE("download: every output, exact bytes, named <job>-<n>.<ext>", "[remote][download]") {
  Rig rig;
  const std::string png = binary(3000), mp4 = binary(1200, 3);
  rig.asset("/assets/a.png", png, "image/png");
  rig.asset("/assets/b", mp4, "video/mp4");
  rig.start();
  const fs::path dir = rig.dir.path() / "new" / "sub";  // created on the way

  const auto paths = downloadOutputs(*rig.client, rig.job({"/assets/a.png", "/assets/b"}), dir);

  CHECK(paths == std::vector<fs::path>{dir / "job_1-1.png", dir / "job_1-2.mp4"});
  CHECK(difference(dir / "job_1-1.png", png) == "");
  CHECK(difference(dir / "job_1-2.mp4", mp4) == "");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 2);  // nothing else, no temp
}

TEST_CASE("download: the extension comes from the Content-Type", "[remote][download]") {
  Rig rig;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"image/png", ".png"},  {"image/jpeg", ".jpg"}, {"image/webp", ".webp"},
      {"image/gif", ".gif"},  {"video/mp4", ".mp4"},  {"video/webm", ".webm"},
      {"audio/mpeg", ".mp3"}, {"audio/wav", ".wav"},  {"Image/PNG; charset=binary", ".png"},
      {"image/avif", ".bin"}};
  // /assets/typed/<i> answers with the i-th case's Content-Type.
  rig.server.http.Get(R"(/assets/typed/(\d+))", [cases](const httplib::Request& req, httplib::Response& res) {
    res.set_content("x", cases.at(std::stoul(req.matches[1].str())).first.c_str());
  });
  rig.start();
  std::vector<std::string> urls;
  Files expected;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    urls.push_back("/assets/typed/" + std::to_string(i));
    expected.push_back("job_1-" + std::to_string(i + 1) + cases[i].second);
  }

  rig.download(rig.job(urls));

  std::sort(expected.begin(), expected.end());
  CHECK(rig.dir.files() == expected);
}

TEST_CASE("download: an asset over the cap is too_large and leaves no file", "[remote][download]") {
  Rig rig;
  rig.asset("/assets/big.png", binary(kCap * 3), "image/png");
  // Without a Content-Length the cap can only trip while the body streams.
  rig.server.http.Get("/assets/chunked.png", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("image/png", [](std::size_t offset, httplib::DataSink& sink) {
      if (offset >= kCap * 3) {
        sink.done();
        return true;
      }
      const std::string chunk = binary(1024);
      sink.write(chunk.data(), chunk.size());
      return true;
    });
  });
  rig.start();

  for (const char* path : {"/assets/big.png", "/assets/chunked.png"}) {
    INFO(path);
    const Error e = thrownBy([&] { rig.download(rig.job({path})); });
    CHECK(e.code() == Errc::too_large);
    CHECK_THAT(e.what(), Catch::StartsWith("output 1 of job job_1: "));
    CHECK(rig.dir.files().empty());
  }
}

TEST_CASE("download: a Content-Type not accepted is bad_content_type and leaves no file", "[remote][download]") {
  Rig rig;
  rig.asset("/assets/page", "<html>sign in</html>", "text/html");
  rig.asset("/assets/still.png", "png", "image/png");
  rig.start();

  const Error e = thrownBy([&] { rig.download(rig.job({"/assets/page"})); });

  CHECK(e.code() == Errc::bad_content_type);
  CHECK(std::string(e.what()) ==
        "output 1 of job job_1: Content-Type \"text/html\" is not accepted (accepted: image/, video/, audio/)");
  CHECK(rig.dir.files().empty());

  // The accepted list is the caller's.
  DownloadOptions videoOnly;
  videoOnly.acceptedTypes = {"video/"};
  CHECK(thrownBy([&] {
          downloadOutputs(*rig.client, rig.job({"/assets/still.png"}), rig.dir.path(), videoOnly);
        }).code() == Errc::bad_content_type);
  CHECK(rig.dir.files().empty());
}

TEST_CASE("download: a truncated asset fails as network, after the retries, and leaves no file", "[remote][download]") {
  Rig rig;
  auto calls = std::make_shared<std::atomic<int>>(0);
  rig.server.http.Get("/assets/cut.png", [calls](const httplib::Request&, httplib::Response& res) {
    ++*calls;
    truncatedReply(res, binary(2000), 1000);
  });
  rig.start();

  const Error e = thrownBy([&] { rig.download(rig.job({"/assets/cut.png"})); });

  CHECK(e.code() == Errc::network);
  CHECK(*calls == 1 + RetryPolicy{}.maxRetries);
  CHECK(rig.dir.files().empty());
}

TEST_CASE("download: a retry after a broken transfer starts the file afresh", "[remote][download]") {
  Rig rig;
  const std::string full = binary(2000, 11);
  auto calls = std::make_shared<std::atomic<int>>(0);
  rig.server.http.Get("/assets/flaky.png", [full, calls](const httplib::Request&, httplib::Response& res) {
    if ((*calls)++ == 0)
      truncatedReply(res, full, 1500);
    else
      res.set_content(full, "image/png");
  });
  rig.start();

  rig.download(rig.job({"/assets/flaky.png"}));

  CHECK(*calls == 2);
  CHECK(difference(rig.dir.path() / "job_1-1.png", full) == "");  // not 1500 stale bytes + the full body
  CHECK(rig.dir.files() == Files{"job_1-1.png"});
}

TEST_CASE("download: a 500 is retried and the asset arrives whole", "[remote][download]") {
  Rig rig;
  const std::string png = binary(1000, 5);
  auto calls = std::make_shared<std::atomic<int>>(0);
  rig.server.http.Get("/assets/a.png", [png, calls](const httplib::Request&, httplib::Response& res) {
    if ((*calls)++ == 0) {
      res.status = 500;
      res.set_content(R"({"error":{"code":"internal_error","message":"busy"}})", "application/json");
    } else {
      res.set_content(png, "image/png");
    }
  });
  rig.start();

  rig.download(rig.job({"/assets/a.png"}));

  CHECK(*calls == 2);
  CHECK(rig.clock.sleeps().size() == 1);  // one backoff, on the fake clock
  CHECK(difference(rig.dir.path() / "job_1-1.png", png) == "");
}

TEST_CASE("download: an expired asset (410) is expired and earlier outputs stay whole", "[remote][download]") {
  Rig rig;
  const std::string png = binary(500);
  rig.asset("/assets/a.png", png, "image/png");
  rig.server.http.Get("/assets/gone.png", [](const httplib::Request&, httplib::Response& res) {
    res.status = 410;
    res.set_content(R"({"error":{"code":"expired","message":"outputs are kept 24 hours"}})", "application/json");
  });
  rig.start();

  const Error e = thrownBy([&] { rig.download(rig.job({"/assets/a.png", "/assets/gone.png"})); });

  CHECK(e.code() == Errc::expired);
  CHECK(e.httpStatus() == 410);
  CHECK_THAT(e.what(), Catch::StartsWith("output 2 of job job_1: "));
  CHECK(rig.dir.files() == Files{"job_1-1.png"});
  CHECK(difference(rig.dir.path() / "job_1-1.png", png) == "");
}

TEST_CASE("download: a file of the same name is replaced whole", "[remote][download]") {
  Rig rig;
  const std::string png = binary(800, 9);
  rig.asset("/assets/a.png", png, "image/png");
  rig.start();
  std::ofstream(rig.dir.path() / "job_1-1.png") << "an older download";

  rig.download(rig.job({"/assets/a.png"}));

  CHECK(difference(rig.dir.path() / "job_1-1.png", png) == "");
  CHECK(rig.dir.files() == Files{"job_1-1.png"});
}

TEST_CASE("download: only a completed job's http(s) outputs are fetched", "[remote][download]") {
  Rig rig;
  rig.asset("/assets/a.png", "png", "image/png");
  rig.start();

  Job running = rig.job({"/assets/a.png"});
  running.status = JobStatus::processing;
  const Error notDone = thrownBy([&] { downloadOutputs(*rig.client, running, rig.dir.path() / "out"); });
  CHECK(notDone.code() == Errc::validation);
  CHECK(std::string(notDone.what()) == "job job_1 is processing: only completed jobs have outputs to download");
  CHECK(rig.dir.files().empty());

  // Checked before anything is fetched; a key in the URL is not echoed.
  const Error scheme = thrownBy([&] {
    rig.download(rig.job({"/assets/a.png", std::string("file:///etc/passwd?key=") + kKey}));
  });
  CHECK(scheme.code() == Errc::malformed_reply);
  CHECK(std::string(scheme.what()) == "output 2 of job job_1 is not an http(s) URL: file:///etc/passwd?key=[redacted]");
  CHECK(rig.requests() == 0);
  CHECK(rig.dir.files().empty());
}

TEST_CASE("download: a job id cannot steer the file out of the directory", "[remote][download]") {
  Rig rig;
  rig.asset("/assets/a.png", "png", "image/png");
  rig.start();

  const auto paths = rig.download(rig.job({"/assets/a.png"}, "../../evil/.x"));

  CHECK(paths == std::vector<fs::path>{rig.dir.path() / "______evil__x-1.png"});
  CHECK(rig.dir.files() == Files{"______evil__x-1.png"});
}

TEST_CASE("download: a directory that cannot be made is an io error", "[remote][download]") {
  Rig rig;
  rig.asset("/assets/a.png", "png", "image/png");
  rig.start();
  std::ofstream(rig.dir.path() / "file") << "not a directory";

  const Error e =
      thrownBy([&] { downloadOutputs(*rig.client, rig.job({"/assets/a.png"}), rig.dir.path() / "file" / "out"); });

  CHECK(e.code() == Errc::io);
  CHECK_THAT(e.what(), Catch::StartsWith("cannot create the directory " + (rig.dir.path() / "file" / "out").string()));
  CHECK(rig.requests() == 0);
}
