// The Generator facade: local kinds are the library's own renders, byte for
// byte; remote kinds need a provider (a clear error offline, never a silent
// network call) and map onto each provider shape as documented in
// generator.cpp; bad kinds are refused with the kinds listed. Remote cases run
// against the loopback fakes with a FakeClock, so waits are exact and instant.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "remote/fake_clock.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/gif.hpp"
#include "pixabots/core/og.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/core/render.hpp"
#include "pixabots/core/seeded.hpp"
#include "pixabots/core/svg.hpp"
#include "pixabots/core/webp.hpp"
#include "remote/fake_providers.hpp"
#include "remote/generator.hpp"
#include "remote/thrown_by.hpp"

namespace core = pixabots::core;
using namespace pixabots::remote;
using namespace std::chrono_literals;
using test::FakeApi;
using test::FakeClock;
using test::FakeImagesApi;
using test::FakeJobsApi;
using test::FakeTasksApi;
using test::Lifecycle;
using test::thrownBy;

namespace {

const core::Pack& pack() { return core::Pack::embedded(); }

// A generator wired to a fake through a real client on a fake clock.
struct Connected {
  explicit Connected(const FakeApi& fake)
      : config(fake.config()),
        transport(makeCurlTransport()),
        client(config, *transport, clock, 7),
        provider(makeProvider(client)),
        generator(pack(), provider.get(), &client) {}
  FakeClock clock;
  RemoteConfig config;
  std::unique_ptr<Transport> transport;
  ApiClient client;
  std::unique_ptr<Provider> provider;
  Generator generator;
};

GenerateRequest remoteRequest(std::string kind, std::string model, std::string prompt) {
  GenerateRequest r;
  r.kind = std::move(kind);
  r.model = std::move(model);
  r.prompt = std::move(prompt);
  r.waitOptions.jitter = 0;  // exact waits
  return r;
}

std::vector<std::uint8_t> bytesOf(const std::string& text) { return {text.begin(), text.end()}; }

template <class Call>
std::string coreErrorOf(Call&& call, core::Errc code) {
  try {
    call();
  } catch (const core::Error& e) {
    CHECK(e.code() == code);
    return e.what();
  }
  FAIL("no core::Error thrown");
  return "";
}

}  // namespace

TEST_CASE("Generator: a local pixabot is the library's own render in each format", "[remote][generator]") {
  Generator generator(pack(), nullptr, nullptr);
  const core::Combo combo = core::decodeId(pack().catalog(), "2156");
  core::RenderOptions options;
  options.size = 64;

  GenerateRequest request;
  request.id = "2156";
  request.size = 64;
  struct Case {
    const char* format;
    const char* mime;
    std::vector<std::uint8_t> expected;
  };
  for (const Case& c : {Case{"png", "image/png", core::renderPng(pack(), combo, options)},
                        Case{"gif", "image/gif", core::renderGif(pack(), combo, options)},
                        Case{"webp", "image/webp", core::renderWebp(pack(), combo, options)},
                        Case{"svg", "image/svg+xml", bytesOf(core::renderSvg(pack(), combo, options))}}) {
    INFO(c.format);
    request.format = c.format;
    const GenerateResult result = generator.generate(request);
    CHECK(result.local);
    CHECK(result.id == "2156");
    CHECK(result.mimeType == c.mime);
    CHECK(result.bytes == c.expected);
    CHECK_FALSE(result.job);
  }

  // The PNG holds exactly the rendered pixels.
  request.format = "png";
  const core::Image decoded = core::decodePng(generator.generate(request).bytes);
  const core::Image rendered = core::render(pack(), combo, options);
  CHECK(decoded.width() == 64);
  CHECK(std::vector<std::uint8_t>(decoded.pixels().begin(), decoded.pixels().end()) ==
        std::vector<std::uint8_t>(rendered.pixels().begin(), rendered.pixels().end()));
}

TEST_CASE("Generator: a seed picks the seeded avatar, no ID a random one", "[remote][generator]") {
  Generator generator(pack(), nullptr, nullptr);
  GenerateRequest request;
  request.seed = "alice";
  const GenerateResult seeded = generator.generate(request);
  CHECK(seeded.id == "3409");
  CHECK(seeded.bytes == core::renderPng(pack(), core::decodeId(pack().catalog(), "3409"), {}));

  const GenerateResult random = generator.generate(GenerateRequest{});
  REQUIRE(core::isValidId(pack().catalog(), random.id));
  CHECK(random.bytes == core::renderPng(pack(), core::decodeId(pack().catalog(), random.id), {}));
}

TEST_CASE("Generator: the og kind is the Open Graph card", "[remote][generator]") {
  Generator generator(pack(), nullptr, nullptr);
  GenerateRequest request;
  request.kind = "og";
  request.id = "2156";
  core::OgOptions single;
  single.layout = core::OgLayout::single;
  single.bots = {core::decodeId(pack().catalog(), "2156")};
  const GenerateResult card = generator.generate(request);
  CHECK(card.local);
  CHECK(card.mimeType == "image/png");
  CHECK(card.bytes == core::encodePng(core::renderOg(pack(), single).view()));
  const core::Image decoded = core::decodePng(card.bytes);
  CHECK(decoded.width() == 1200);
  CHECK(decoded.height() == 630);

  request.id.clear();
  request.seed = "team";
  core::OgOptions grid;
  grid.seed = "team";
  CHECK(generator.generate(request).bytes == core::encodePng(core::renderOg(pack(), grid).view()));
}

TEST_CASE("Generator: bad local requests name the problem", "[remote][generator]") {
  Generator generator(pack(), nullptr, nullptr);
  GenerateRequest request;
  request.size = 20;
  CHECK(coreErrorOf([&] { generator.generate(request); }, core::Errc::invalid_option) ==
        "size 20 is out of range: must be an integer between 32 and 1920");
  request.size = 128;
  request.format = "bmp";
  CHECK(coreErrorOf([&] { generator.generate(request); }, core::Errc::invalid_option) ==
        "format \"bmp\" is not one of png, gif, webp, svg");
  request.format = "png";
  request.id = "ZZZZ";
  coreErrorOf([&] { generator.generate(request); }, core::Errc::invalid_id);
  request.id = "2156";
  request.seed = "alice";
  CHECK(coreErrorOf([&] { generator.generate(request); }, core::Errc::invalid_option) ==
        "give an id or a seed, not both");
  request.seed.reset();
  request.prompt = "a robot";
  CHECK(coreErrorOf([&] { generator.generate(request); }, core::Errc::invalid_option) ==
        "kind pixabot is drawn locally and takes no prompt, model or input: those are for remote kinds such as "
        "text-to-image");
  request.prompt.clear();
  request.kind = "og";
  request.format = "gif";
  CHECK(coreErrorOf([&] { generator.generate(request); }, core::Errc::invalid_option) ==
        "kind og is a 1200x630 PNG card: format \"gif\" must be png");
}

TEST_CASE("Generator: kinds that are not kind names are refused with the kinds listed", "[remote][generator]") {
  Generator generator(pack(), nullptr, nullptr);
  GenerateRequest request;
  request.kind = "Text To Image";
  CHECK(coreErrorOf([&] { generator.generate(request); }, core::Errc::invalid_option) ==
        "kind \"Text To Image\" is not a kind name: use lower-case letters, digits and '-'; local kinds: pixabot, og; "
        "remote kinds (text-to-image, image-to-image, text-to-video, image-to-video, ...) need a provider");
  request.kind = "";
  CHECK(coreErrorOf([&] { generator.generate(request); }, core::Errc::invalid_option).rfind("the kind is empty: ", 0) ==
        0);
  CHECK(Generator::isLocalKind("pixabot"));
  CHECK(Generator::isLocalKind("og"));
  CHECK_FALSE(Generator::isLocalKind("text-to-image"));
}

TEST_CASE("Generator: offline, a remote kind is unsupported and says how to configure one", "[remote][generator]") {
  Generator generator(pack(), nullptr, nullptr);
  const Error e = thrownBy([&] { generator.generate(remoteRequest("text-to-image", "", "a lighthouse")); });
  CHECK(e.code() == Errc::unsupported);
  CHECK(std::string(e.what()) ==
        "unsupported offline: kind text-to-image needs a remote provider; configure one with --provider and "
        "--base-url (or PIXABOTS_PROVIDER, PIXABOTS_BASE_URL, or a config file) and set PIXABOTS_API_KEY");
}

TEST_CASE("Generator: a remote kind through the jobs API", "[remote][generator]") {
  FakeJobsApi fake;
  Connected c(fake);
  GenerateRequest request = remoteRequest("text-to-image", "fake-flux", "a lighthouse");
  request.input = {{"aspect_ratio", "16:9"}};

  SECTION("validated, submitted, waited for") {
    const GenerateResult result = c.generator.generate(request);
    CHECK_FALSE(result.local);
    REQUIRE(result.job);
    CHECK(result.job->id == "job_1");
    CHECK(result.job->status == JobStatus::completed);
    CHECK(result.job->outputs == std::vector<std::string>{fake.url("/assets/job_1-0.png")});
    CHECK(fake.lastJson("POST", "/api/v1/models/fake-flux/run") ==
          Json{{"prompt", "a lighthouse"}, {"aspect_ratio", "16:9"}});
    CHECK(fake.count("GET", "/api/v1/models/fake-flux/schema") == 1);
    CHECK(fake.polls("job_1") == 2);
    CHECK(c.clock.sleeps() == std::vector<std::chrono::milliseconds>{1000ms});
  }
  SECTION("without waiting") {
    request.wait = false;
    const GenerateResult result = c.generator.generate(request);
    CHECK(result.job->status == JobStatus::pending);
    CHECK(fake.polls("job_1") == 0);
  }
  SECTION("no model") {
    request.model.clear();
    const Error e = thrownBy([&] { c.generator.generate(request); });
    CHECK(e.code() == Errc::config);
    CHECK(std::string(e.what()) ==
          "kind text-to-image on the jobs provider needs a model: pass --model MODEL (`pixabots remote models` lists "
          "them)");
    CHECK(fake.requests().empty());
  }
  SECTION("input breaking the schema is not submitted") {
    request.input = {{"num_outputs", 9}, {"aspect_ratio", "4:3"}};
    const Error e = thrownBy([&] { c.generator.generate(request); });
    CHECK(e.code() == Errc::validation);
    CHECK(e.details().size() == 2);
    CHECK(fake.count("POST", "/api/v1/models/") == 0);
  }
  SECTION("a failed job") {
    fake.setLifecycle(Lifecycle{{"pending", "failed"}, "out of GPUs", std::nullopt});
    const Error e = thrownBy([&] { c.generator.generate(request); });
    CHECK(e.code() == Errc::job_failed);
    CHECK(std::string(e.what()).find("out of GPUs") != std::string::npos);
  }
}

TEST_CASE("Generator: the images API takes text-to-image only, its default model when none is given",
          "[remote][generator]") {
  FakeImagesApi fake;
  Connected c(fake);

  const GenerateResult result = c.generator.generate(remoteRequest("text-to-image", "", "a pixel cat"));
  REQUIRE(result.job);
  CHECK(result.job->status == JobStatus::completed);
  CHECK(result.job->outputs == std::vector<std::string>{fake.url("/assets/img_1.png")});
  CHECK(fake.lastJson("POST", "/api/v1/images/generate") == Json{{"prompt", "a pixel cat"}});
  CHECK(c.clock.sleeps().empty());

  const GenerateResult chosen = c.generator.generate(remoteRequest("text-to-image", "fake/free", "a pixel dog"));
  CHECK(chosen.job->outputs == std::vector<std::string>{fake.url("/assets/img_2.png")});
  CHECK(fake.lastJson("POST", "/api/v1/images/generate")["model"] == "fake/free");

  const Error e = thrownBy([&] { c.generator.generate(remoteRequest("text-to-video", "fake/free", "waves")); });
  CHECK(e.code() == Errc::unsupported);
  CHECK(std::string(e.what()) ==
        "the images provider generates images from text only (kind text-to-image): kind text-to-video needs the jobs "
        "or tasks provider");
  CHECK(fake.count("POST", "/api/v1/images/generate") == 2);
}

TEST_CASE("Generator: on the tasks API the kind is the scene", "[remote][generator]") {
  FakeTasksApi fake;
  Connected c(fake);
  GenerateRequest request = remoteRequest("text-to-video", "veo-3-1", "waves at dusk");
  request.input = {{"mediaType", "video"}};

  const GenerateResult result = c.generator.generate(request);
  REQUIRE(result.job);
  CHECK(result.job->status == JobStatus::completed);
  CHECK(result.job->outputs == std::vector<std::string>{fake.url("/assets/task_1-0.mp4")});
  const Json body = fake.lastJson("POST", "/api/v1/generate");
  CHECK(body["scene"] == "text-to-video");
  CHECK(body["model"] == "veo-3-1");
  CHECK(body["prompt"] == "waves at dusk");
  CHECK(body["provider"] == "evolink");

  request.input["scene"] = "text-to-image";
  const Error e = thrownBy([&] { c.generator.generate(request); });
  CHECK(e.code() == Errc::validation);
  CHECK(std::string(e.what()) == "the input's scene \"text-to-image\" contradicts kind text-to-video");
  CHECK(fake.count("POST", "/api/v1/generate") == 1);
}
