#include "remote/config.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include "remote/error.hpp"

namespace pixabots::remote {

std::string_view providerName(ProviderKind kind) {
  switch (kind) {
    case ProviderKind::jobs: return "jobs";
    case ProviderKind::images: return "images";
    case ProviderKind::tasks: return "tasks";
  }
  return "unknown";
}

std::optional<ProviderKind> parseProviderKind(std::string_view name) {
  for (auto kind : {ProviderKind::jobs, ProviderKind::images, ProviderKind::tasks})
    if (providerName(kind) == name) return kind;
  return std::nullopt;
}

std::string_view defaultBaseUrl(ProviderKind kind) {
  switch (kind) {
    case ProviderKind::jobs: return "https://pixeldojo.ai/api/v1";
    case ProviderKind::images: return "https://pixelforgeai.dev/api/v1";
    case ProviderKind::tasks: return "https://piooy.com";
  }
  return "";
}

std::string redact(std::string_view text, std::string_view secret) {
  std::string out(text);
  if (secret.empty()) return out;
  constexpr std::string_view kMark = "[redacted]";
  for (auto at = out.find(secret); at != std::string::npos; at = out.find(secret, at + kMark.size()))
    out.replace(at, secret.size(), kMark);
  return out;
}

namespace {

constexpr std::int64_t kMaxTimeoutMs = 3'600'000;

// A setting's name in the overrides and the config file, and its variable.
struct SettingName {
  std::string_view key;
  std::string_view env;  // empty: no environment variable
};
constexpr std::array<SettingName, 5> kSettings{{
    {"provider", "PIXABOTS_PROVIDER"},
    {"base_url", "PIXABOTS_BASE_URL"},
    {"api_key", "PIXABOTS_API_KEY"},
    {"timeout_ms", "PIXABOTS_TIMEOUT_MS"},
    {"task_provider", ""},
}};

std::string acceptedKeys() {
  std::string out;
  for (const auto& s : kSettings) out += (out.empty() ? "" : ", ") + std::string(s.key);
  return out;
}

bool isKnownKey(std::string_view key) {
  for (const auto& s : kSettings)
    if (s.key == key) return true;
  return false;
}

// A value and where it came from, for messages ("PIXABOTS_BASE_URL").
struct Setting {
  std::string value;
  std::string source;
};
using Settings = std::map<std::string, Setting, std::less<>>;

std::string flagName(std::string_view key) {
  std::string flag = "--" + std::string(key);
  for (char& c : flag)
    if (c == '_') c = '-';
  return flag;
}

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  // An empty variable is as good as unset, as shells make it easy to leave one behind.
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

// The config file to read, whether it must exist, and who named it (for messages).
struct ConfigSource {
  std::filesystem::path path;
  bool required;
  std::string origin;
};

std::optional<ConfigSource> configSource(const std::optional<std::filesystem::path>& configFile) {
  if (configFile) return ConfigSource{*configFile, true, ""};
  if (auto named = env("PIXABOTS_CONFIG")) return ConfigSource{*named, true, " (named by PIXABOTS_CONFIG)"};
  if (auto xdg = env("XDG_CONFIG_HOME"); xdg && std::filesystem::path(*xdg).is_absolute())
    return ConfigSource{std::filesystem::path(*xdg) / "pixabots" / "remote.json", false, ""};
  if (auto home = env("HOME"))
    return ConfigSource{std::filesystem::path(*home) / ".config" / "pixabots" / "remote.json", false, ""};
  return std::nullopt;
}

Settings readConfigFile(const ConfigSource& source) {
  const std::string where = "config file " + source.path.string();
  std::error_code ec;
  auto status = std::filesystem::status(source.path, ec);
  if (status.type() == std::filesystem::file_type::not_found) {
    if (!source.required) return {};
    throw Error(Errc::config, where + source.origin + " does not exist");
  }
  if (ec) throw Error(Errc::config, where + " cannot be read: " + ec.message());
  if (status.type() != std::filesystem::file_type::regular) throw Error(Errc::config, where + " is not a regular file");
  std::ifstream in(source.path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) throw Error(Errc::config, where + " cannot be read");

  Json doc;
  try {
    doc = Json::parse(text.str());
  } catch (const Json::parse_error& e) {
    // Only the position: the parser's own message quotes the text, which may hold the key.
    throw Error(Errc::config, where + " is not JSON (syntax error at byte " + std::to_string(e.byte) + ")");
  } catch (const Json::out_of_range&) {
    throw Error(Errc::config, where + " holds a number too large to read");
  }
  if (!doc.is_object()) throw Error(Errc::config, where + " must hold a JSON object of settings");

  std::string unknown;
  for (const auto& [key, value] : doc.items())
    if (!isKnownKey(key)) unknown += (unknown.empty() ? "\"" : ", \"") + key + "\"";
  if (!unknown.empty()) throw Error(Errc::config, where + ": unknown key " + unknown + "; accepted: " + acceptedKeys());

  Settings settings;
  for (const auto& [key, value] : doc.items()) {
    const std::string origin = where + ", key \"" + key + "\"";
    if (key == "timeout_ms") {
      if (!value.is_number_integer())
        throw Error(Errc::config,
                    origin + " must be an integer number of milliseconds (1.." + std::to_string(kMaxTimeoutMs) + ")");
      settings[key] = {value.dump(), origin};
    } else {
      if (!value.is_string()) throw Error(Errc::config, origin + " must be a string");
      settings[key] = {value.get<std::string>(), origin};
    }
  }
  return settings;
}

// Every setting from its highest-priority source.
Settings collect(const std::map<std::string, std::string>& overrides,
                 const std::optional<std::filesystem::path>& configFile) {
  Settings settings;
  if (auto source = configSource(configFile)) settings = readConfigFile(*source);
  for (const auto& s : kSettings) {
    if (s.env.empty()) continue;
    if (auto value = env(std::string(s.env).c_str())) settings[std::string(s.key)] = {*value, std::string(s.env)};
  }
  for (const auto& [key, value] : overrides) {
    if (!isKnownKey(key)) throw Error(Errc::config, "unknown setting \"" + key + "\"; accepted: " + acceptedKeys());
    settings[key] = {value, flagName(key)};
  }
  return settings;
}

bool isHostChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'; }

bool isPathChar(char c) {
  constexpr std::string_view kAllowed = "-._~!$&'()*+,;=:@/%";
  return std::isalnum(static_cast<unsigned char>(c)) || kAllowed.find(c) != std::string_view::npos;
}

// `url` without its trailing slashes when it is http(s)://host[:port][/path]
// (no user info, query or fragment: a key must never ride in a URL).
std::optional<std::string> normalizeBaseUrl(std::string_view url) {
  std::string_view rest;
  for (std::string_view scheme : {"http://", "https://"}) {
    if (url.size() > scheme.size() && std::equal(scheme.begin(), scheme.end(), url.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        }))
      rest = url.substr(scheme.size());
  }
  if (rest.empty()) return std::nullopt;
  auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);

  std::string_view host = authority;
  std::string_view port;
  if (authority.starts_with('[')) {
    auto close = authority.find(']');
    if (close == std::string_view::npos || close == 1) return std::nullopt;
    for (char c : authority.substr(1, close - 1))
      if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return std::nullopt;
    host = authority.substr(0, close + 1);
    auto after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::nullopt;
      port = after.substr(1);
      if (port.empty()) return std::nullopt;
    }
  } else if (auto colon = authority.find(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
    if (port.empty()) return std::nullopt;
  }
  if (host.empty()) return std::nullopt;
  if (!host.starts_with('['))
    for (char c : host)
      if (!isHostChar(c)) return std::nullopt;
  if (!port.empty()) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc{} || end != port.data() + port.size() || value < 1 || value > 65535) return std::nullopt;
  }
  for (char c : path)
    if (!isPathChar(c)) return std::nullopt;

  std::string out(url);
  while (out.ends_with('/')) out.pop_back();
  return out;
}

std::int64_t parseTimeout(const Setting& s) {
  std::int64_t value = 0;
  const auto& v = s.value;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
  if (v.empty() || ec != std::errc{} || end != v.data() + v.size() || value < 1 || value > kMaxTimeoutMs)
    throw Error(Errc::config, "timeout_ms \"" + v + "\" (from " + s.source + ") is not an integer in 1.." +
                                  std::to_string(kMaxTimeoutMs));
  return value;
}

}  // namespace

std::optional<RemoteConfig> loadConfig(const std::map<std::string, std::string>& overrides,
                                       const std::optional<std::filesystem::path>& configFile) {
  Settings settings = collect(overrides, configFile);
  auto get = [&](std::string_view key) -> const Setting* {
    auto it = settings.find(key);
    return it == settings.end() ? nullptr : &it->second;
  };

  std::string apiKey;
  if (const Setting* key = get("api_key")) {
    for (char c : key->value)
      if (std::iscntrl(static_cast<unsigned char>(c)))
        throw Error(Errc::config, "the API key (from " + key->source + ") contains control characters");
    apiKey = key->value;
  }

  std::optional<std::int64_t> timeoutMs;
  if (const Setting* timeout = get("timeout_ms")) timeoutMs = parseTimeout(*timeout);

  const Setting* provider = get("provider");
  if (!provider) return std::nullopt;
  auto kind = parseProviderKind(provider->value);
  if (!kind)
    throw Error(Errc::config, "unknown provider \"" + redact(provider->value, apiKey) + "\" (from " + provider->source +
                                  "); accepted: jobs, images, tasks");

  RemoteConfig config;
  config.provider = *kind;
  config.apiKey = std::move(apiKey);
  if (const Setting* base = get("base_url")) {
    auto url = normalizeBaseUrl(base->value);
    if (!url)
      throw Error(Errc::config, "base URL \"" + redact(base->value, config.apiKey) + "\" (from " + base->source +
                                    ") is not http(s)://host[:port][/path]");
    config.baseUrl = *url;
  } else {
    config.baseUrl = defaultBaseUrl(*kind);
  }
  if (timeoutMs) config.requestLimits.totalTimeout = std::chrono::milliseconds{*timeoutMs};
  if (const Setting* upstream = get("task_provider")) config.taskUpstream = upstream->value;
  return config;
}

}  // namespace pixabots::remote
