// `pixabots remote` and `pixabots generate`: the real binary against the fake
// providers on loopback. Every run starts from an environment without the
// machine's remote settings, and every run against a fake checks that its API
// key appears nowhere in what the CLI printed.
#ifdef PIXABOTS_CLI
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "pixabots/core.hpp"
#include "remote/fake_providers.hpp"
#include "support/cli_run.hpp"

namespace fs = std::filesystem;
using namespace pixabots::remote;
using namespace pixabots::remote::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using testing::SplitRun;

namespace {

const char* const kRemoteVariables[] = {"PIXABOTS_PROVIDER",   "PIXABOTS_BASE_URL", "PIXABOTS_API_KEY",
                                        "PIXABOTS_TIMEOUT_MS", "PIXABOTS_CONFIG",   "XDG_CONFIG_HOME"};

// A HOME with no config file, so the tests never read the developer's.
const std::string& emptyHome() {
  static const std::string home = [] {
    const fs::path dir = testing::scratch("remote_home");
    fs::create_directories(dir);
    return dir.string();
  }();
  return home;
}

// env(1) arguments: the remote variables unset, HOME empty.
std::string cleanEnv() {
  std::string env;
  for (const char* name : kRemoteVariables) env += std::string("-u ") + name + " ";
  return env + "HOME=" + emptyHome();
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Ends env(1)'s words: the CLI runs under timeout(1), so a regression that
// blocks (opening a FIFO, reading /dev/zero forever) fails instead of hanging.
const std::string kGuard = " timeout 60";

SplitRun offline(const std::string& args) { return testing::runSplit(args, cleanEnv() + kGuard); }

std::string providerFlags(const FakeApi& fake) {
  const RemoteConfig config = fake.config();
  std::string flags = " --provider " + std::string(providerName(config.provider)) + " --base-url " + fake.baseUrl();
  if (!config.taskUpstream.empty()) flags += " --task-provider " + config.taskUpstream;
  return flags;
}

void checkNoKey(const FakeApi& fake, const SplitRun& r) {
  CHECK(r.out.find(fake.key()) == std::string::npos);
  CHECK(r.err.find(fake.key()) == std::string::npos);
}

// The CLI pointed at `fake` by flags, with its key in PIXABOTS_API_KEY.
SplitRun against(const FakeApi& fake, const std::string& args) {
  INFO(args);
  SplitRun r = testing::runSplit(args + providerFlags(fake), cleanEnv() + " PIXABOTS_API_KEY=" + fake.key() + kGuard);
  checkNoKey(fake, r);
  return r;
}

Json parsed(const SplitRun& r) {
  INFO(r.out << r.err);
  REQUIRE(r.status == 0);
  return Json::parse(r.out);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      out.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  if (!line.empty()) out.push_back(line);
  return out;
}

fs::path freshDir(const std::string& name) {
  const fs::path dir = testing::scratch(name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

fs::path writeFile(const std::string& name, const std::string& text) {
  const fs::path file = testing::scratch(name);
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

std::vector<std::string> filesIn(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Jobs that go through `statuses`, polled again at once (Retry-After: 0, so
// a wait costs no real time), or with the client's own backoff (1 s, ...).
Lifecycle quick(std::vector<std::string> statuses) {
  Lifecycle lifecycle;
  lifecycle.statuses = std::move(statuses);
  lifecycle.pollRetryAfter = 0;
  return lifecycle;
}
Lifecycle slow(std::vector<std::string> statuses) {
  Lifecycle lifecycle;
  lifecycle.statuses = std::move(statuses);
  return lifecycle;
}

}  // namespace

TEST_CASE("remote without a provider says how to configure one and sends nothing", "[cli]") {
  const SplitRun r = offline("remote models");
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, StartsWith("pixabots remote: no remote provider is configured."));
  for (const char* hint : {"--provider jobs|images|tasks", "PIXABOTS_PROVIDER", "--base-url URL", "PIXABOTS_API_KEY",
                           "--config FILE", "~/.config/pixabots/remote.json", "docs/remote.md"}) {
    CHECK_THAT(r.err, Contains(hint));
  }
  // A key alone names no provider: still nothing is sent anywhere.
  const SplitRun keyOnly = testing::runSplit("remote models", cleanEnv() + " PIXABOTS_API_KEY=k");
  CHECK(keyOnly.status == 1);
  CHECK_THAT(keyOnly.err, Contains("no remote provider is configured"));
}

TEST_CASE("remote reads provider, base URL and key from a config file", "[cli]") {
  FakeJobsApi fake;
  const fs::path config = writeFile(
      "remote.json", Json{{"provider", "jobs"}, {"base_url", fake.baseUrl()}, {"api_key", fake.key()}}.dump());
  const SplitRun named = testing::runSplit("remote models --config " + config.string(), cleanEnv());
  checkNoKey(fake, named);
  CHECK(named.status == 0);
  CHECK(named.out == "fake-flux   Fake Flux\nfake-video  Fake Video\n");
  CHECK(fake.last("GET", "/api/v1/models").authorization == "Bearer " + fake.key());
  // PIXABOTS_CONFIG names it too, and flags win over the file.
  const fs::path unreachable =
      writeFile("remote_unreachable.json",
                Json{{"provider", "jobs"}, {"base_url", "http://127.0.0.1:9"}, {"api_key", fake.key()}}.dump());
  const SplitRun byEnv = testing::runSplit("remote models --base-url " + fake.baseUrl(),
                                           cleanEnv() + " PIXABOTS_CONFIG=" + unreachable.string());
  checkNoKey(fake, byEnv);
  CHECK(byEnv.status == 0);
  CHECK(fake.count("GET", "/api/v1/models") == 2);
  const SplitRun missing = testing::runSplit("remote models --config /nonexistent/remote.json", cleanEnv());
  CHECK(missing.status == 1);
  CHECK(missing.err == "pixabots remote: config file /nonexistent/remote.json does not exist\n");
}

TEST_CASE("remote usage errors exit 2 before any configuration is read", "[cli]") {
  const fs::path badJson = writeFile("bad_input.json", "{\n  \"prompt\": tru\n}\n");
  struct Case {
    std::string args, message;
  };
  for (const Case& c : {
           Case{"remote",
                "remote needs a subcommand: models, schema, run, job, jobs, webhook, replay-webhook, me, "
                "images, image"},
           Case{"remote paint", "unknown remote subcommand \"paint\"; one of models, schema"},
           Case{"remote schema", "remote schema needs exactly one MODEL"},
           Case{"remote job a b", "remote job needs exactly one ID, got 2 arguments"},
           Case{"remote models extra", "remote models takes no arguments, got \"extra\""},
           Case{"remote models --api-key k", "unknown option --api-key"},
           Case{"remote run m", "remote run needs the model's input: --input JSON or --input @FILE"},
           Case{"remote run m --input '{\"prompt\": }'",
                "--input is not valid JSON: syntax error at line 1, column 12 (byte 12)"},
           Case{"remote run m --input @" + badJson.string(),
                "--input file " + badJson.string() + " is not valid JSON: syntax error at line 2, column 16 (byte 18)"},
           Case{"remote run m --input '[1]'", "--input must be a JSON object of model inputs, got array"},
           Case{"remote run m --input '{\"seed\": 1e99999}'", "--input holds a number too large to read"},
           Case{"remote run m --input '" + std::string(65, '[') + std::string(65, ']') + "'",
                "--input is refused: the JSON nests deeper than 64 levels"},
           Case{"remote run m --input '{}' --validate --no-validate", "give --validate or --no-validate, not both"},
           Case{"remote run m --input '{}' --deadline 0",
                "--deadline 0 is out of range: seconds, more than 0 up to 86400"},
           Case{"remote job j --refresh 2", "--refresh \"2\" is not one of 1, assets"},
           Case{"remote images --sort new", "--sort \"new\" is not one of recent, popular"},
           Case{"remote images --limit 51", "--limit 51 is out of range 1..50"},
           Case{"remote jobs --limit 0", "--limit 0 is out of range (must be at least 1)"},
       }) {
    INFO(c.args);
    const SplitRun r = offline(c.args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains(c.message));
  }
  const SplitRun unreadable = offline("remote run m --input @/nonexistent/input.json");
  CHECK(unreadable.status == 1);
  CHECK_THAT(unreadable.err, Contains("cannot read --input file /nonexistent/input.json"));
}

TEST_CASE("an input file is read up to 4 MiB: /dev/zero and larger files stop with the file and the limit", "[cli]") {
  const std::string prefix = "{\"prompt\": \"", suffix = "\"}";
  const std::size_t limit = std::size_t{4} << 20;
  const fs::path atLimit =
      writeFile("input_at_limit.json", prefix + std::string(limit - prefix.size() - suffix.size(), 'a') + suffix);
  const fs::path overLimit =
      writeFile("input_over_limit.json", prefix + std::string(limit - prefix.size() - suffix.size() + 1, 'a') + suffix);
  for (const fs::path& file : {fs::path("/dev/zero"), overLimit}) {
    for (const std::string command : {"remote run m", "generate --kind text-to-image"}) {
      INFO(command << " --input @" << file);
      const SplitRun r = offline(command + " --input @" + file.string());
      CHECK(r.status == 2);
      CHECK(r.err == "pixabots " + command.substr(0, command.find(' ')) + ": --input file " + file.string() +
                         " is larger than 4 MiB, the most a model input may hold\n");
    }
  }
  // At the limit the input is read, and the run goes on to ask for a provider.
  const SplitRun r = offline("remote run m --input @" + atLimit.string());
  CHECK(r.status == 1);
  CHECK_THAT(r.err, StartsWith("pixabots remote: no remote provider is configured."));
  // A pipe that never ends, through stdin.
  const testing::Run piped = testing::runShell("yes | env " + cleanEnv() + kGuard + " " + PIXABOTS_CLI +
                                               " remote run m --input @/dev/stdin 2>&1");
  CHECK(piped.status == 2);
  CHECK(piped.output ==
        "pixabots remote: --input file /dev/stdin is larger than 4 MiB, the most a model input may hold\n");
}

TEST_CASE("remote models and schema (jobs API): the table, the JSON, the schema", "[cli]") {
  FakeJobsApi fake;
  CHECK(against(fake, "remote models").out == "fake-flux   Fake Flux\nfake-video  Fake Video\n");
  const Json models = parsed(against(fake, "remote models --json"));
  REQUIRE(models.size() == 2);
  CHECK(models[0]["id"] == "fake-flux");
  CHECK(models[0]["name"] == "Fake Flux");
  CHECK(models[0]["raw"]["creditCost"] == 1);
  CHECK(models[1]["id"] == "fake-video");
  CHECK(models[1]["raw"]["type"] == "video");
  CHECK(parsed(against(fake, "remote schema fake-flux --json")) == FakeJobsApi::schemaOf("fake-flux"));
  CHECK(parsed(against(fake, "remote schema fake-video")) == FakeJobsApi::schemaOf("fake-video"));
  const SplitRun unknown = against(fake, "remote schema nope");
  CHECK(unknown.status == 1);
  CHECK_THAT(unknown.err, StartsWith("pixabots remote: "));
  CHECK_THAT(unknown.err, Contains("404"));
  CHECK_THAT(unknown.err, Contains("model 'nope' not found"));
}

TEST_CASE("remote run --out waits, shows progress and writes the PNG the provider served", "[cli]") {
  FakeJobsApi fake;
  fake.setLifecycle(quick({"pending", "processing", "completed"}));
  const fs::path input = writeFile("castle.json", R"({"prompt": "a castle", "num_outputs": 2})");
  const fs::path dir = freshDir("run_out");

  const SplitRun r =
      against(fake, "remote run fake-flux --input @" + input.string() + " --out " + dir.string() + " --json");
  const Json job = parsed(r);
  CHECK(job["id"] == "job_1");
  CHECK(job["status"] == "completed");
  CHECK(job["outputs"] == Json::array({fake.url("/assets/job_1-0.png"), fake.url("/assets/job_1-1.png")}));
  CHECK(job["error"].is_null());
  CHECK(job["expiresAt"] == "2025-01-23T12:00:00Z");
  CHECK(job["raw"]["model"] == "fake-flux");
  REQUIRE(job["files"].size() == 2);
  for (const Json& file : job["files"]) {
    const auto bytes = testing::readBytes(file.get<std::string>());
    CHECK(std::string(bytes.begin(), bytes.end()) == FakeApi::pngBytes());
    CHECK(pixabots::core::decodePng(bytes).width() == 32);
  }
  CHECK(filesIn(dir) == std::vector<std::string>{"job_1-1.png", "job_1-2.png"});
  CHECK(fake.lastJson("POST", "/api/v1/models/fake-flux/run") ==
        Json::parse(R"({"prompt": "a castle", "num_outputs": 2})"));
  CHECK(fake.polls("job_1") == 2);
  // Not a terminal: one line per status, not a redrawn line.
  const auto progress = lines(r.err);
  REQUIRE(progress.size() == 2);
  CHECK(std::regex_match(progress[0], std::regex("job_1  processing  [0-9]+s  poll 1")));
  CHECK(std::regex_match(progress[1], std::regex("job_1  completed  [0-9]+s  poll 2")));

  // For people: the job's line, then each output and where it went.
  const SplitRun human = against(fake, "remote run fake-flux --input @" + input.string() + " --out " + dir.string());
  CHECK(human.status == 0);
  CHECK(human.out == "job_2  completed  2 outputs\n" + fake.url("/assets/job_2-0.png") + " -> " +
                         (dir / "job_2-1.png").string() + "\n" + fake.url("/assets/job_2-1.png") + " -> " +
                         (dir / "job_2-2.png").string() + "\n");
}

TEST_CASE("remote run checks the input against the model's schema and submits nothing that breaks it", "[cli]") {
  FakeJobsApi fake;
  const std::string input = quoted(R"({"aspect_ratio": "2:1", "num_outputs": 9, "colour": "red"})");
  const SplitRun r = against(fake, "remote run fake-flux --input " + input);
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  const auto said = lines(r.err);
  REQUIRE(said.size() == 5);
  CHECK(said[0] == "pixabots remote: input for model fake-flux breaks its schema: 4 problems");
  std::string details;
  for (std::size_t i = 1; i < said.size(); ++i) {
    CHECK_THAT(said[i], StartsWith("  "));
    details += said[i] + "\n";
  }
  for (const char* field : {"prompt", "aspect_ratio", "num_outputs", "colour"}) CHECK_THAT(details, Contains(field));
  CHECK(fake.count("POST", "/api/v1/models/") == 0);

  // --no-validate leaves it to the provider, which refuses it with its own words.
  const SplitRun unchecked = against(fake, "remote run fake-flux --no-validate --input " + input);
  CHECK(unchecked.status == 1);
  CHECK_THAT(unchecked.err, Contains("400"));
  CHECK_THAT(unchecked.err, Contains("prompt is required"));
  CHECK(fake.count("POST", "/api/v1/models/") == 1);
  CHECK(fake.count("GET", "/api/v1/models/fake-flux/schema") == 1);  // only the validated run asked
}

TEST_CASE("remote job, jobs, webhook and replay-webhook (jobs API)", "[cli]") {
  FakeJobsApi fake;
  CHECK(against(fake, "remote run fake-flux --input '{\"prompt\": \"a fox\"}'").out == "job_1  pending\n");
  const Json polled = parsed(against(fake, "remote job job_1 --json"));
  CHECK(polled["id"] == "job_1");
  CHECK(polled["status"] == "processing");
  CHECK(polled["outputs"] == Json::array());
  CHECK(against(fake, "remote job job_1").out ==
        "job_1  completed  1 output\n" + fake.url("/assets/job_1-0.png") + "\n");

  const Json jobs = parsed(against(fake, "remote jobs --limit 5 --json"));
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0]["id"] == "job_1");
  CHECK(jobs[0]["status"] == "completed");
  CHECK(fake.last("GET", "/api/v1/jobs").query.at("limit") == "5");
  CHECK(against(fake, "remote jobs").out == "job_1  completed  1 output\n");

  const Json state = parsed(against(fake, "remote webhook job_1 --json"));
  CHECK(state == Json::parse(R"({"jobId": "job_1", "webhookUrl": null, "replayable": true, "deliveries": []})"));
  CHECK(against(fake, "remote webhook job_1").out ==
        "deliveries  []\njobId       job_1\nreplayable  true\nwebhookUrl  -\n");
  const Json replayed = parsed(against(fake, "remote replay-webhook job_1 --json"));
  CHECK(replayed["replayed"] == true);
  CHECK(replayed["event"] == "job.completed");
  CHECK(fake.count("POST", "/api/v1/jobs/job_1/webhook") == 1);

  // What another shape lacks is named, with the shape that has it.
  const SplitRun me = against(fake, "remote me");
  CHECK(me.status == 1);
  CHECK_THAT(me.err, Contains("the jobs API has no"));
  CHECK_THAT(me.err, Contains("images API"));
}

TEST_CASE("remote me, images, image and run on the synchronous images API", "[cli]") {
  FakeImagesApi fake;
  CHECK(against(fake, "remote me").out ==
        "credits         100\n"
        "dailyAllowance  {\"limit\":10,\"remaining\":10,\"resetsAt\":1760086400,\"used\":0}\n"
        "name            Fake Owner\n"
        "planTier        free\n");
  const Json me = parsed(against(fake, "remote me --json"));
  CHECK(me["name"] == "Fake Owner");
  CHECK(me["credits"] == 100);
  CHECK(me["planTier"] == "free");

  const Json first = parsed(against(fake, "remote images --limit 2 --json"));
  REQUIRE(first["items"].size() == 2);
  CHECK(first["nextCursor"] == "cur_2");
  const Json second = parsed(against(fake, "remote images --limit 2 --cursor cur_2 --json"));
  CHECK(fake.last("GET", "/api/v1/images").query ==
        std::map<std::string, std::string>{{"cursor", "cur_2"}, {"limit", "2"}});
  REQUIRE(second["items"].size() == 2);
  CHECK(second["items"][0]["id"] != first["items"][0]["id"]);
  CHECK(second["nextCursor"] == "cur_4");
  const Json last = parsed(against(fake, "remote images --limit 2 --cursor cur_4 --json"));
  CHECK(last["items"].size() == 1);
  CHECK(last["nextCursor"].is_null());
  const auto page = lines(against(fake, "remote images --limit 2 --sort popular").out);
  REQUIRE(page.size() == 3);
  CHECK_THAT(page[0], StartsWith("stock_2  "));  // the most downloaded
  CHECK_THAT(page[0], Contains(fake.url("/assets/stock_2.png")));
  CHECK(page[2] == "next: --cursor cur_2");
  CHECK(fake.last("GET", "/api/v1/images").query.at("sort") == "popular");
  const Json searched = parsed(against(fake, "remote images --q lighthouse --json"));
  REQUIRE(searched["items"].size() == 1);
  CHECK(searched["items"][0]["id"] == "stock_2");

  const Json image = parsed(against(fake, "remote image stock_1 --json"));
  CHECK(image["id"] == "stock_1");
  CHECK(image["license"]["name"] == "Fake Free License");

  // The images API answers when the image exists: no polling, the file at once.
  const fs::path dir = freshDir("images_run");
  const int gets = fake.count("GET", "/api/v1/images/");
  const Json job =
      parsed(against(fake, "remote run fake/free --input '{\"prompt\": \"a fox\"}' --out " + dir.string() + " --json"));
  CHECK(job["id"] == "img_1");
  CHECK(job["status"] == "completed");
  CHECK(job["outputs"] == Json::array({fake.url("/assets/img_1.png")}));
  REQUIRE(job["files"].size() == 1);
  CHECK(testing::readText(job["files"][0].get<std::string>()) == FakeApi::pngBytes());
  CHECK(fake.count("GET", "/api/v1/images/") == gets);

  const SplitRun jobs = against(fake, "remote jobs");
  CHECK(jobs.status == 1);
  CHECK_THAT(jobs.err, Contains("the images API has no"));
}

TEST_CASE("remote run and job on the tasks API, with --refresh", "[cli]") {
  FakeTasksApi fake;
  fake.setLifecycle(quick({"PENDING", "PROCESSING", "SUCCESS"}));
  const Json submitted = parsed(
      against(fake, "remote run seedream-4-5 --input '{\"prompt\": \"a bay\", \"scene\": \"text-to-image\"}' --json"));
  CHECK(submitted["id"] == "task_1");
  CHECK(submitted["status"] == "pending");
  CHECK(fake.lastJson("POST", "/api/v1/generate") ==
        Json::parse(R"({"provider": "evolink", "model": "seedream-4-5", "scene": "text-to-image",
                        "mediaType": "image", "prompt": "a bay"})"));

  const Json polled = parsed(against(fake, "remote job task_1 --refresh assets --json"));
  CHECK(polled["status"] == "processing");
  CHECK(fake.last("GET", "/api/v1/task/task_1").query.at("refresh") == "assets");

  const fs::path dir = freshDir("tasks_out");
  const SplitRun waited = against(fake, "remote job task_1 --wait --out " + dir.string());
  CHECK(waited.status == 0);
  CHECK_THAT(waited.out, StartsWith("task_1  completed  1 output\n"));
  CHECK(filesIn(dir).size() == 1);
  CHECK(testing::readText(dir / filesIn(dir).at(0)) == FakeApi::pngBytes());

  const SplitRun models = against(fake, "remote models");
  CHECK(models.status == 1);
  CHECK_THAT(models.err, Contains("publishes no model list"));
}

TEST_CASE("provider failures print the typed message on one line and exit 1", "[cli]") {
  FakeJobsApi fake;
  const std::string run = "remote run fake-flux --input '{\"prompt\": \"x\"}'";
  REQUIRE(against(fake, run).status == 0);
  fake.expire("job_1");
  auto failing = [&](const std::string& args, std::initializer_list<const char*> said) {
    INFO(args);
    const SplitRun r = against(fake, args);
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, StartsWith("pixabots remote: "));
    CHECK(lines(r.err).size() == 1);
    for (const char* text : said) CHECK_THAT(r.err, Contains(text));
    return r;
  };

  failing("remote job job_1", {"410", "Job has expired"});

  fake.fail("GET", "/api/v1/models", Fault::http(401));
  failing("remote models", {"401", "unauthorized"});
  // A provider that echoes the key has it redacted.
  fake.fail("GET", "/api/v1/models", Fault::http(401, "unauthorized", "key " + fake.key() + " was revoked"));
  failing("remote models", {"401", "key [redacted] was revoked"});
  // No key at all: the provider says 401.
  const SplitRun keyless = testing::runSplit("remote models" + providerFlags(fake), cleanEnv());
  checkNoKey(fake, keyless);
  CHECK(keyless.status == 1);
  CHECK_THAT(keyless.err, Contains("401"));

  fake.fail("POST", "/api/v1/models/", Fault::http(402));
  failing(run, {"402", "insufficient_credits"});

  fake.fail("GET", "/api/v1/models", Fault::http(429).retryAfter(3600));
  const int before = fake.count("GET", "/api/v1/models");
  failing("remote models", {"429", "more than the 120000 ms allowed"});
  CHECK(fake.count("GET", "/api/v1/models") == before + 1);

  // A run that may have spent credits is not sent twice.
  const int posts = fake.count("POST", "/api/v1/models/");
  fake.fail("POST", "/api/v1/models/", Fault::http(500));
  failing(run, {"500", "not retried: the request may have been processed and charged"});
  CHECK(fake.count("POST", "/api/v1/models/") == posts + 1);

  fake.fail("POST", "/api/v1/models/", Fault::stall(std::chrono::milliseconds(2000)));
  failing(run + " --timeout-ms 200", {"not retried"});
  CHECK(fake.count("POST", "/api/v1/models/") == posts + 2);

  fake.fail("GET", "/api/v1/models", Fault::malformedJson());
  failing("remote models", {"not JSON"});
}

TEST_CASE("a wait ends at its deadline, and a failed job fails the command", "[cli]") {
  FakeJobsApi fake;
  fake.setLifecycle(slow({"pending", "processing"}));
  const auto start = std::chrono::steady_clock::now();
  const SplitRun late = against(fake, "remote run fake-flux --input '{\"prompt\": \"x\"}' --wait --deadline 0.3");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
  CHECK(late.status == 1);
  const auto said = lines(late.err);  // one progress line: the status never changed
  REQUIRE(said.size() == 2);
  CHECK(std::regex_match(said[0], std::regex("job_1  processing  [0-9]+s  poll 1")));
  CHECK(std::regex_match(said[1],
                         std::regex("pixabots remote: job job_1 still processing after 0\\.[0-9]+ s \\(deadline\\)")));
  CHECK(fake.polls("job_1") == 2);  // at once, then on the deadline

  fake.setLifecycle(quick({"pending", "failed"}));
  const SplitRun failed = against(fake, "remote run fake-flux --input '{\"prompt\": \"x\"}' --wait");
  CHECK(failed.status == 1);
  CHECK_THAT(failed.err, Contains("pixabots remote: job job_2 failed: the fake provider failed this job"));
  // Without --wait a failed job is only shown.
  CHECK(against(fake, "remote job job_2").out == "job_2  failed  the fake provider failed this job\n");
}

TEST_CASE("Ctrl-C during a wait cancels it: exit 130, \"cancelled\"", "[cli]") {
  FakeJobsApi fake;
  fake.setLifecycle(slow({"pending", "processing"}));  // never ends; polls 1 s, 1.5 s, ... apart
  const fs::path errFile = testing::scratch("sigint_stderr.txt"), outFile = testing::scratch("sigint_stdout.txt");
  // Everything the child needs is built before fork: after it, only
  // async-signal-safe calls until exec.
  std::vector<std::string> args = {PIXABOTS_CLI,         "remote", "run",        "fake-flux", "--input",
                                   R"({"prompt": "x"})", "--wait", "--provider", "jobs",      "--base-url",
                                   fake.baseUrl()};
  std::vector<std::string> env = {"PIXABOTS_API_KEY=" + fake.key(), "HOME=" + emptyHome()};
  std::vector<char*> argv, envp;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string errPath = errFile.string(), outPath = outFile.string();

  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int out = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (err < 0 || out < 0) _exit(126);
    dup2(err, STDERR_FILENO);
    dup2(out, STDOUT_FILENO);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  const auto waitUntil = [](auto done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  };
  const bool polled = waitUntil([&] { return fake.count("GET", "/api/v1/jobs/job_1") >= 1; });
  kill(child, SIGINT);
  int status = 0;
  const bool ended = waitUntil([&] { return waitpid(child, &status, WNOHANG) == child; });
  if (!ended) {
    kill(child, SIGKILL);
    waitpid(child, &status, 0);
  }
  REQUIRE(polled);
  REQUIRE(ended);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  const SplitRun r{WEXITSTATUS(status), testing::readText(outFile), testing::readText(errFile)};
  checkNoKey(fake, r);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains("pixabots remote: cancelled\n"));
}

TEST_CASE("generate: remote kinds go to the provider, or fail offline with the Generator's message", "[cli]") {
  const SplitRun offlineRun = offline("generate --kind text-to-image --prompt 'a cat'");
  CHECK(offlineRun.status == 1);
  CHECK_THAT(
      offlineRun.err,
      StartsWith("pixabots generate: unsupported offline: kind text-to-image needs a remote provider; configure"));

  FakeJobsApi jobs;
  jobs.setLifecycle(quick({"pending", "processing", "completed"}));
  const fs::path dir = freshDir("generate_out");
  const Json job = parsed(against(
      jobs, "generate --kind text-to-image --prompt 'a castle' --model fake-flux --out " + dir.string() + " --json"));
  CHECK(job["status"] == "completed");
  REQUIRE(job["files"].size() == 1);
  CHECK(testing::readText(job["files"][0].get<std::string>()) == FakeApi::pngBytes());
  CHECK(jobs.lastJson("POST", "/api/v1/models/fake-flux/run") == Json{{"prompt", "a castle"}});

  // -o FILE takes a single output, and leaves nothing else behind.
  const fs::path single = freshDir("generate_single");
  const SplitRun two = against(jobs,
                               "generate --kind text-to-image --prompt x --model fake-flux --input "
                               "'{\"num_outputs\": 2}' -o " +
                                   (single / "one.png").string());
  CHECK(two.status == 1);
  CHECK_THAT(two.err, Contains("-o FILE takes one output, and job job_2 has 2: use --out DIR to keep them all"));
  CHECK(filesIn(single).empty());

  const Json pending =
      parsed(against(jobs, "generate --kind text-to-image --prompt x --model fake-flux --no-wait --json"));
  CHECK(pending["id"] == "job_3");
  CHECK(pending["status"] == "pending");
  CHECK_FALSE(pending.contains("files"));
  CHECK(jobs.polls("job_3") == 0);

  FakeImagesApi images;
  const fs::path fox = single / "fox.png";
  const SplitRun r = against(images, "generate --kind text-to-image --prompt 'a fox' -o " + fox.string());
  CHECK(r.status == 0);
  CHECK(r.out == "img_1  completed  1 output\n" + images.url("/assets/img_1.png") + " -> " + fox.string() + "\n");
  CHECK(testing::readText(fox) == FakeApi::pngBytes());
  CHECK(filesIn(single) == std::vector<std::string>{"fox.png"});
  const SplitRun video = against(images, "generate --kind text-to-video --prompt x");
  CHECK(video.status == 1);
  CHECK_THAT(video.err, Contains("generates images from text only"));
}

TEST_CASE("downloads replace a planted link, not its target, and refuse devices, FIFOs and directories", "[cli]") {
  const std::string victim = "the victim's bytes\n";
  const std::string run = "remote run fake-flux --input '{\"prompt\": \"x\"}' --out ";
  FakeJobsApi jobs;
  jobs.setLifecycle(quick({"pending", "processing", "completed"}));
  const fs::path dir = freshDir("download_targets");
  std::ofstream(dir / "victim", std::ios::binary) << victim;
  fs::create_symlink(dir / "victim", dir / "job_1-1.png");
  REQUIRE(against(jobs, run + dir.string()).status == 0);
  CHECK(testing::readText(dir / "victim") == victim);
  CHECK_FALSE(fs::is_symlink(dir / "job_1-1.png"));
  CHECK(testing::readText(dir / "job_1-1.png") == FakeApi::pngBytes());

  // Refused once the asset is in: nothing is left but what was there.
  REQUIRE(::mkfifo((dir / "job_2-1.png").c_str(), 0600) == 0);
  fs::create_directory(dir / "job_3-1.png");
  for (const auto& [job, kind] : {std::pair{"job_2", "a FIFO"}, std::pair{"job_3", "a directory"}}) {
    const SplitRun r = against(jobs, run + dir.string());
    CHECK(r.status == 1);
    CHECK(lines(r.err).back() == "pixabots remote: output 1 of job " + std::string(job) + ": cannot write \"" +
                                     (dir / (std::string(job) + "-1.png")).string() + "\": it is " + kind +
                                     ", not a regular file");  // after the wait's progress lines
  }
  CHECK(fs::is_fifo(dir / "job_2-1.png"));
  CHECK(fs::is_empty(dir / "job_3-1.png"));
  CHECK(filesIn(dir) == std::vector<std::string>{"job_1-1.png", "job_2-1.png", "job_3-1.png", "victim"});

  // generate -o FILE: refused before the job is submitted (and paid for).
  FakeImagesApi images;
  const std::string generate = "generate --kind text-to-image --prompt x -o ";
  const fs::path single = freshDir("generate_targets");
  REQUIRE(::mkfifo((single / "fifo.png").c_str(), 0600) == 0);
  for (const auto& [path, kind] :
       {std::pair{std::string("/dev/null"), "a character device"}, std::pair{(single / "fifo.png").string(), "a FIFO"},
        std::pair{single.string() + "/", "a directory"}}) {
    const SplitRun r = against(images, generate + path);
    CHECK(r.status == 1);
    CHECK(r.err == "pixabots generate: cannot write \"" + path + "\": it is " + kind + ", not a regular file\n");
  }
  CHECK(images.requests().empty());
  CHECK(fs::is_character_file("/dev/null"));
  CHECK(fs::is_fifo(single / "fifo.png"));
  std::ofstream(single / "victim", std::ios::binary) << victim;
  fs::create_symlink(single / "victim", single / "out.png");
  REQUIRE(against(images, generate + (single / "out.png").string()).status == 0);
  CHECK(testing::readText(single / "victim") == victim);
  CHECK_FALSE(fs::is_symlink(single / "out.png"));
  CHECK(testing::readText(single / "out.png") == FakeApi::pngBytes());
  CHECK(filesIn(single) == std::vector<std::string>{"fifo.png", "out.png", "victim"});
}

TEST_CASE("generate draws local kinds locally even with a provider configured", "[cli]") {
  FakeJobsApi fake;
  const fs::path generated = testing::scratch("generated_alice.png"), rendered = testing::scratch("rendered_alice.png");
  const SplitRun r = against(fake, "generate --kind pixabot --seed alice --size 64 -o " + generated.string());
  CHECK(r.status == 0);
  CHECK(r.out == "3409 -> " + generated.string() + "\n");
  REQUIRE(offline("render --seed alice --size 64 -o " + rendered.string()).status == 0);
  CHECK(testing::readBytes(generated) == testing::readBytes(rendered));
  const fs::path card = testing::scratch("generated_og.png");
  CHECK(against(fake, "generate --kind og --id 2156 -o " + card.string()).status == 0);
  CHECK(fake.requests().empty());

  for (const std::string& args :
       {std::string("generate --kind text-to-image --size 64"), std::string("generate --kind pixabot --prompt x"),
        std::string("generate --kind pixabot --model m")}) {
    INFO(args);
    CHECK(against(fake, args).status == 2);
  }
  CHECK(fake.requests().empty());
}

// pixabots links no libcurl and execs pixabots-remote for the commands that
// reach a provider (cli/remote/helper.hpp): copied somewhere without it, every
// other command still works, and those name where the helper was looked for.
TEST_CASE("pixabots links no libcurl, and works without pixabots-remote beside it", "[cli]") {
  CHECK_THAT(testing::runShell("ldd " PIXABOTS_CLI).output, !Contains("libcurl") && !Contains("libssl"));
  CHECK_THAT(testing::runShell("ldd " PIXABOTS_REMOTE_CLI).output, Contains("libcurl"));

  const fs::path prefix = testing::scratch("lone_prefix");
  fs::remove_all(prefix);
  fs::create_directories(prefix / "bin");
  const fs::path lone = prefix / "bin" / "pixabots";
  fs::copy_file(PIXABOTS_CLI, lone);
  const auto runLone = [&](const std::string& args) {
    return testing::runShell("env " + cleanEnv() + kGuard + " " + lone.string() + " " + args + " 2>&1 </dev/null");
  };
  const std::string missing =
      "remote generation runs in the program pixabots-remote, which was not found: looked for " +
      (prefix / "bin" / "pixabots-remote").string() + " and " +
      (prefix / "libexec" / "pixabots" / "pixabots-remote").string();

  CHECK(runLone("--help").status == 0);
  const fs::path svg = prefix / "x.svg", png = prefix / "g.png";
  CHECK(runLone("render 2156 -o " + svg.string()).status == 0);
  CHECK(testing::readBytes(svg).size() > 0);
  const testing::Run local = runLone("generate --kind pixabot --id 2156 -o " + png.string());
  CHECK(local.status == 0);
  CHECK(local.output == "2156 -> " + png.string() + "\n");
  for (const std::string& args : {std::string("remote models"), std::string("generate --kind text-to-image --prompt x"),
                                  std::string("mcp --provider jobs")}) {
    INFO(args);
    const testing::Run r = runLone(args);
    CHECK(r.status == 1);
    CHECK_THAT(r.output, Contains(missing));
  }
  // mcp without a provider flag serves the local tools, and says why there are no others.
  const testing::Run mcp = runLone("mcp");
  CHECK(mcp.status == 0);
  CHECK_THAT(mcp.output, Contains("pixabots mcp: no remote tools: " + missing));

  // Installed beside it in ../libexec/pixabots, the helper runs the command.
  fs::create_directories(prefix / "libexec" / "pixabots");
  fs::copy_file(PIXABOTS_REMOTE_CLI, prefix / "libexec" / "pixabots" / "pixabots-remote");
  const testing::Run helped = runLone("remote models");
  CHECK(helped.status == 1);
  CHECK_THAT(helped.output, Contains("no remote provider is configured"));
}

#endif
