// loadConfig: the precedence of flags, environment and file, and every way a
// setting can be refused. The user's own environment and files never leak
// in: every variable read is saved, cleared and restored, and the default
// config directory points at a fresh temporary one.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "remote/config.hpp"
#include "remote/error.hpp"
#include "remote/thrown_by.hpp"

using namespace pixabots::remote;
using pixabots::remote::test::thrownBy;
namespace fs = std::filesystem;

namespace {

constexpr const char* kKey = "pd_cfg_secret_81bd";

// Clears every variable loadConfig reads and restores them on destruction;
// XDG_CONFIG_HOME points at an empty temporary directory meanwhile.
class IsolatedEnvironment {
 public:
  IsolatedEnvironment() {
    for (const char* name : kNames) {
      const char* value = std::getenv(name);
      saved_.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
      ::unsetenv(name);
    }
    std::random_device random;
    dir_ = fs::temp_directory_path() / ("pixabots-config-test-" + std::to_string(random()));
    fs::create_directories(dir_ / "xdg");
    set("XDG_CONFIG_HOME", (dir_ / "xdg").string());
  }
  ~IsolatedEnvironment() {
    for (const auto& [name, value] : saved_) {
      if (value)
        ::setenv(name, value->c_str(), 1);
      else
        ::unsetenv(name);
    }
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  IsolatedEnvironment(const IsolatedEnvironment&) = delete;
  IsolatedEnvironment& operator=(const IsolatedEnvironment&) = delete;

  void set(const char* name, const std::string& value) { ::setenv(name, value.c_str(), 1); }
  void unset(const char* name) { ::unsetenv(name); }
  const fs::path& dir() const { return dir_; }

  // Writes `text` to `relative` under the temporary directory.
  fs::path write(const fs::path& relative, const std::string& text) const {
    fs::path path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private:
  static constexpr const char* kNames[] = {"PIXABOTS_PROVIDER",
                                           "PIXABOTS_BASE_URL",
                                           "PIXABOTS_API_KEY",
                                           "PIXABOTS_TIMEOUT_MS",
                                           "PIXABOTS_CONFIG",
                                           "XDG_CONFIG_HOME",
                                           "HOME"};
  std::vector<std::pair<const char*, std::optional<std::string>>> saved_;
  fs::path dir_;
};

Error configError(const std::map<std::string, std::string>& overrides,
                  const std::optional<fs::path>& file = std::nullopt) {
  return thrownBy([&] { loadConfig(overrides, file); });
}

}  // namespace

TEST_CASE("provider names round trip, and each has its documented base URL", "[remote][config]") {
  for (auto kind : {ProviderKind::jobs, ProviderKind::images, ProviderKind::tasks})
    CHECK(parseProviderKind(providerName(kind)) == kind);
  CHECK_FALSE(parseProviderKind("Jobs").has_value());
  CHECK_FALSE(parseProviderKind("").has_value());
  CHECK(defaultBaseUrl(ProviderKind::jobs) == "https://pixeldojo.ai/api/v1");
  CHECK(defaultBaseUrl(ProviderKind::images) == "https://pixelforgeai.dev/api/v1");
  CHECK(defaultBaseUrl(ProviderKind::tasks) == "https://piooy.com");
}

TEST_CASE("redact replaces every occurrence of the secret", "[remote][config]") {
  CHECK(redact("key abc and abcabc", "abc") == "key [redacted] and [redacted][redacted]");
  CHECK(redact("nothing here", "abc") == "nothing here");
  CHECK(redact("no secret set", "") == "no secret set");
  CHECK(redact("aaaa", "aa") == "[redacted][redacted]");
}

TEST_CASE("with no provider anywhere there is no config (offline)", "[remote][config]") {
  IsolatedEnvironment env;
  CHECK_FALSE(loadConfig({}).has_value());
  // A key or URL alone does not make a provider.
  env.set("PIXABOTS_API_KEY", kKey);
  env.set("PIXABOTS_BASE_URL", "http://127.0.0.1:9");
  CHECK_FALSE(loadConfig({}).has_value());
}

TEST_CASE("a provider alone gets the documented defaults", "[remote][config]") {
  IsolatedEnvironment env;
  auto config = loadConfig({{"provider", "images"}});
  REQUIRE(config);
  CHECK(config->provider == ProviderKind::images);
  CHECK(config->baseUrl == "https://pixelforgeai.dev/api/v1");
  CHECK(config->apiKey.empty());
  CHECK(config->requestLimits.totalTimeout == std::chrono::milliseconds{120'000});
  CHECK(config->taskUpstream.empty());
}

TEST_CASE("flags beat the environment, which beats the file", "[remote][config]") {
  IsolatedEnvironment env;
  env.write("xdg/pixabots/remote.json", R"({"provider": "images", "base_url": "http://file.example:81/v1",
    "api_key": "file-key", "timeout_ms": 1500, "task_provider": "evolink"})");

  SECTION("the file alone") {
    auto config = loadConfig({});
    REQUIRE(config);
    CHECK(config->provider == ProviderKind::images);
    CHECK(config->baseUrl == "http://file.example:81/v1");
    CHECK(config->apiKey == "file-key");
    CHECK(config->requestLimits.totalTimeout == std::chrono::milliseconds{1500});
    CHECK(config->taskUpstream == "evolink");
  }
  SECTION("the environment over the file") {
    env.set("PIXABOTS_PROVIDER", "tasks");
    env.set("PIXABOTS_BASE_URL", "https://env.example");
    env.set("PIXABOTS_API_KEY", "env-key");
    env.set("PIXABOTS_TIMEOUT_MS", "2500");
    auto config = loadConfig({});
    REQUIRE(config);
    CHECK(config->provider == ProviderKind::tasks);
    CHECK(config->baseUrl == "https://env.example");
    CHECK(config->apiKey == "env-key");
    CHECK(config->requestLimits.totalTimeout == std::chrono::milliseconds{2500});
    CHECK(config->taskUpstream == "evolink");
  }
  SECTION("flags over both") {
    env.set("PIXABOTS_PROVIDER", "tasks");
    env.set("PIXABOTS_API_KEY", "env-key");
    auto config = loadConfig({{"provider", "jobs"},
                              {"base_url", "http://127.0.0.1:8080/api/v1/"},
                              {"timeout_ms", "3600000"},
                              {"task_provider", "pearktrue"}});
    REQUIRE(config);
    CHECK(config->provider == ProviderKind::jobs);
    CHECK(config->baseUrl == "http://127.0.0.1:8080/api/v1");  // trailing slash dropped
    CHECK(config->apiKey == "env-key");                        // no flag: the environment's
    CHECK(config->requestLimits.totalTimeout == std::chrono::milliseconds{3'600'000});
    CHECK(config->taskUpstream == "pearktrue");
  }
  SECTION("an empty variable counts as unset") {
    env.set("PIXABOTS_PROVIDER", "");
    env.set("PIXABOTS_API_KEY", "");
    auto config = loadConfig({});
    REQUIRE(config);
    CHECK(config->provider == ProviderKind::images);
    CHECK(config->apiKey == "file-key");
  }
}

TEST_CASE("the config file is found where documented", "[remote][config]") {
  IsolatedEnvironment env;
  SECTION("a named file") {
    auto file = env.write("named.json", R"({"provider": "tasks"})");
    env.write("xdg/pixabots/remote.json", R"({"provider": "images"})");
    CHECK(loadConfig({}, file)->provider == ProviderKind::tasks);
  }
  SECTION("PIXABOTS_CONFIG") {
    env.set("PIXABOTS_CONFIG", env.write("by-env.json", R"({"provider": "tasks"})").string());
    env.write("xdg/pixabots/remote.json", R"({"provider": "images"})");
    CHECK(loadConfig({})->provider == ProviderKind::tasks);
  }
  SECTION("~/.config without XDG_CONFIG_HOME") {
    env.unset("XDG_CONFIG_HOME");
    env.set("HOME", (env.dir() / "home").string());
    env.write("home/.config/pixabots/remote.json", R"({"provider": "images"})");
    CHECK(loadConfig({})->provider == ProviderKind::images);
  }
  SECTION("a missing default file is fine") {
    env.set("HOME", (env.dir() / "nobody").string());
    CHECK_FALSE(loadConfig({}).has_value());
    CHECK(loadConfig({{"provider", "jobs"}})->baseUrl == "https://pixeldojo.ai/api/v1");
  }
}

TEST_CASE("a missing named config file is an error", "[remote][config]") {
  IsolatedEnvironment env;
  const fs::path missing = env.dir() / "absent.json";
  Error named = configError({{"provider", "jobs"}}, missing);
  CHECK(named.code() == Errc::config);
  CHECK(std::string(named.what()) == "config file " + missing.string() + " does not exist");

  env.set("PIXABOTS_CONFIG", missing.string());
  CHECK(std::string(configError({}).what()) ==
        "config file " + missing.string() + " (named by PIXABOTS_CONFIG) does not exist");
}

TEST_CASE("a config file that is not a JSON object of known settings is refused", "[remote][config]") {
  IsolatedEnvironment env;
  auto check = [&](const std::string& text, const std::string& expected) {
    auto file = env.write("bad.json", text);
    Error e = configError({}, file);
    CHECK(e.code() == Errc::config);
    CHECK(std::string(e.what()) == "config file " + file.string() + expected);
    CHECK(std::string(e.what()).find(kKey) == std::string::npos);
  };
  // The parser's own message would quote the text (and so the key).
  check(std::string(R"({"api_key": )") + kKey + "}", " is not JSON (syntax error at byte 13)");
  check("", " is not JSON (syntax error at byte 1)");
  check(R"(["jobs"])", " must hold a JSON object of settings");
  check(R"({"provider": "jobs", "apikey": "x", "proxy": "y"})",
        R"(: unknown key "apikey", "proxy"; accepted: provider, base_url, api_key, timeout_ms, task_provider)");
  check(R"({"provider": 3})", R"(, key "provider" must be a string)");
  check(R"({"api_key": ["a"]})", R"(, key "api_key" must be a string)");
  check(R"({"timeout_ms": "500"})", R"(, key "timeout_ms" must be an integer number of milliseconds (1..3600000))");
  check(R"({"timeout_ms": 1E99999})", " holds a number too large to read");
  check(R"({"timeout_ms": 1.5})", R"(, key "timeout_ms" must be an integer number of milliseconds (1..3600000))");
}

TEST_CASE("a config path that is a directory is refused", "[remote][config]") {
  IsolatedEnvironment env;
  Error e = configError({}, env.dir());
  CHECK(e.code() == Errc::config);
  CHECK(std::string(e.what()) == "config file " + env.dir().string() + " is not a regular file");
}

TEST_CASE("an unknown provider lists the accepted ones", "[remote][config]") {
  IsolatedEnvironment env;
  CHECK(std::string(configError({{"provider", "pixeldojo"}}).what()) ==
        R"(unknown provider "pixeldojo" (from --provider); accepted: jobs, images, tasks)");
  env.set("PIXABOTS_PROVIDER", "JOBS");
  CHECK(std::string(configError({}).what()) ==
        R"(unknown provider "JOBS" (from PIXABOTS_PROVIDER); accepted: jobs, images, tasks)");
  auto file = env.write("p.json", R"({"provider": "sync"})");
  env.unset("PIXABOTS_PROVIDER");
  CHECK(std::string(configError({}, file).what()) == R"(unknown provider "sync" (from config file )" + file.string() +
                                                         R"(, key "provider"); accepted: jobs, images, tasks)");
}

TEST_CASE("a base URL must be http(s)://host[:port][/path]", "[remote][config]") {
  IsolatedEnvironment env;
  for (std::string good : {"http://127.0.0.1:8080", "https://pixeldojo.ai/api/v1/", "HTTPS://Example.com",
                           "http://[::1]:9000/v1", "http://localhost:65535/a/b//"}) {
    INFO(good);
    auto config = loadConfig({{"provider", "jobs"}, {"base_url", good}});
    REQUIRE(config);
    CHECK_FALSE(config->baseUrl.ends_with('/'));
  }
  for (std::string bad : {"pixeldojo.ai/api/v1", "ftp://pixeldojo.ai", "http://", "http:///v1", "http://ho st/",
                          "http://user:pw@host/v1", "http://host/v1?key=1", "http://host/v1#top", "http://host:0",
                          "http://host:65536", "http://host:", "http://host:80x", "http://[zz]/", "file:///etc", ""}) {
    INFO(bad);
    Error e = configError({{"provider", "jobs"}, {"base_url", bad}});
    CHECK(e.code() == Errc::config);
    CHECK(std::string(e.what()) == "base URL \"" + bad + "\" (from --base-url) is not http(s)://host[:port][/path]");
  }
  env.set("PIXABOTS_BASE_URL", "ftp://x");
  CHECK(std::string(configError({{"provider", "jobs"}}).what()) ==
        R"(base URL "ftp://x" (from PIXABOTS_BASE_URL) is not http(s)://host[:port][/path])");
}

TEST_CASE("a base URL holding the key is refused without showing the key", "[remote][config]") {
  IsolatedEnvironment env;
  env.set("PIXABOTS_API_KEY", kKey);
  Error e = configError({{"provider", "jobs"}, {"base_url", std::string("https://host/v1?key=") + kKey}});
  CHECK(std::string(e.what()) ==
        R"(base URL "https://host/v1?key=[redacted]" (from --base-url) is not http(s)://host[:port][/path])");
}

TEST_CASE("timeout_ms must be an integer in 1..3600000", "[remote][config]") {
  IsolatedEnvironment env;
  CHECK(loadConfig({{"provider", "jobs"}, {"timeout_ms", "1"}})->requestLimits.totalTimeout ==
        std::chrono::milliseconds{1});
  for (std::string bad : {"0", "3600001", "-5", "abc", "", "10s", "1e3", " 5"}) {
    INFO(bad);
    Error e = configError({{"provider", "jobs"}, {"timeout_ms", bad}});
    CHECK(e.code() == Errc::config);
    CHECK(std::string(e.what()) == "timeout_ms \"" + bad + "\" (from --timeout-ms) is not an integer in 1..3600000");
  }
  env.set("PIXABOTS_TIMEOUT_MS", "0");
  CHECK(std::string(configError({{"provider", "jobs"}}).what()) ==
        R"(timeout_ms "0" (from PIXABOTS_TIMEOUT_MS) is not an integer in 1..3600000)");
  auto file = env.write("t.json", R"({"timeout_ms": 4000000})");
  env.unset("PIXABOTS_TIMEOUT_MS");
  CHECK(std::string(configError({{"provider", "jobs"}}, file).what()) ==
        "timeout_ms \"4000000\" (from config file " + file.string() +
            ", key \"timeout_ms\") is not an integer in 1..3600000");
  // Past int64: quoted as written, not wrapped around.
  file = env.write("t.json", R"({"timeout_ms": 18446744073709551615})");
  CHECK(std::string(configError({{"provider", "jobs"}}, file).what()) ==
        "timeout_ms \"18446744073709551615\" (from config file " + file.string() +
            ", key \"timeout_ms\") is not an integer in 1..3600000");
}

TEST_CASE("an API key with control characters is refused without showing it", "[remote][config]") {
  IsolatedEnvironment env;
  const std::string key = std::string(kKey) + "\r\nX-Evil: 1";
  Error e = configError({{"provider", "jobs"}, {"api_key", key}});
  CHECK(e.code() == Errc::config);
  CHECK(std::string(e.what()) == "the API key (from --api-key) contains control characters");
}

TEST_CASE("an unknown setting name is refused", "[remote][config]") {
  IsolatedEnvironment env;
  Error e = configError({{"provider", "jobs"}, {"baseurl", "http://x"}});
  CHECK(e.code() == Errc::config);
  CHECK(std::string(e.what()) ==
        R"(unknown setting "baseurl"; accepted: provider, base_url, api_key, timeout_ms, task_provider)");
}
