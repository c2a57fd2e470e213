#include "remote/client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <mutex>

#include "pixabots/core/json_input.hpp"
#include "pixabots/version.h"
#include "remote/config.hpp"
#include "remote/quote.hpp"

namespace pixabots::remote {

using std::chrono::milliseconds;

namespace {

// A provider's message is quoted up to this many bytes; a non-JSON body up to
// the second figure (enough to recognise an HTML error page).
constexpr std::size_t kMaxQuotedMessage = 300;
constexpr std::size_t kMaxQuotedBody = 80;
// Longer waits than this are nonsense; clamping keeps the arithmetic in range.
constexpr std::int64_t kMaxHintSeconds = 1'000'000'000;

std::optional<std::int64_t> parseInteger(std::string_view s) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return value;
}

milliseconds secondsToWait(std::int64_t seconds) {
  return milliseconds{std::clamp<std::int64_t>(seconds, 0, kMaxHintSeconds) * 1000};
}

// An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") as Unix seconds.
std::optional<std::int64_t> parseHttpDate(const std::string& text) {
  char weekday[4] = {}, monthName[4] = {};
  int day = 0, year = 0, hour = 0, minute = 0, second = 0, consumed = 0;
  if (std::sscanf(text.c_str(), "%3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d GMT%n", weekday, &day, monthName, &year,
                  &hour, &minute, &second, &consumed) != 7 ||
      static_cast<std::size_t>(consumed) != text.size())
    return std::nullopt;
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto month = std::find(std::begin(kMonths), std::end(kMonths), std::string_view(monthName));
  if (month == std::end(kMonths)) return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year{year},
                                   std::chrono::month{static_cast<unsigned>(month - std::begin(kMonths) + 1)},
                                   std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  auto days = std::chrono::sys_days{date}.time_since_epoch().count();
  return std::int64_t{days} * 86'400 + hour * 3600 + minute * 60 + second;
}

// Retry-After alone: delta-seconds or an HTTP date.
std::optional<milliseconds> retryAfterWait(const HttpResponse& reply, Clock& clock) {
  auto value = reply.header("Retry-After");
  if (!value) return std::nullopt;
  if (auto seconds = parseInteger(*value)) return secondsToWait(*seconds);
  if (auto date = parseHttpDate(*value)) return secondsToWait(*date - clock.unixSeconds());
  return std::nullopt;
}

std::string stringField(const Json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<Errc> errcFromProviderCode(std::string_view code) {
  if (code == "unauthorized") return Errc::unauthorized;
  if (code == "insufficient_credits") return Errc::insufficient_credits;
  if (code == "forbidden") return Errc::forbidden;
  if (code == "validation_error" || code == "invalid_json" || code == "invalid_request") return Errc::validation;
  if (code == "not_found") return Errc::not_found;
  if (code == "expired") return Errc::expired;
  if (code == "rate_limit_exceeded" || code == "rate_limited") return Errc::rate_limited;
  // credit_error, internal_error, server_error, ...: the provider failed.
  if (code == "submission_failed" || code.ends_with("_error")) return Errc::server;
  return std::nullopt;
}

Errc errcFromStatus(int status) {
  switch (status) {
    case 401: return Errc::unauthorized;
    case 402: return Errc::insufficient_credits;
    case 403: return Errc::forbidden;
    case 404: return Errc::not_found;
    case 410: return Errc::expired;
    case 429: return Errc::rate_limited;
    default: break;
  }
  if (status >= 500) return Errc::server;
  if (status >= 400) return Errc::validation;
  if (status >= 200 && status < 300) return Errc::rejected;
  return Errc::malformed_reply;  // a 1xx or 3xx left as the final answer
}

Error withMessage(const Error& e, std::string message) {
  return Error(e.code(), message, e.httpStatus(), e.retryAfter(), e.details());
}

bool isUnreserved(unsigned char c) { return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

// Percent-encodes every byte but the unreserved ones and those in `keep`.
std::string percentEncode(std::string_view text, std::string_view keep = {}) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (isUnreserved(u) || keep.find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string encodeQuery(const Query& query) {
  std::string out;
  for (const auto& [name, value] : query)
    out += (out.empty() ? "?" : "&") + percentEncode(name) + "=" + percentEncode(value);
  return out;
}

// Scheme, host and port (the default one when absent), lower-cased, or empty
// when the URL does not parse.
std::string originOf(const std::string& url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> parsed(curl_url(), curl_url_cleanup);
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return {};
  std::string origin;
  for (auto part : {CURLUPART_SCHEME, CURLUPART_HOST, CURLUPART_PORT}) {
    char* value = nullptr;
    if (curl_url_get(parsed.get(), part, &value, CURLU_DEFAULT_PORT) != CURLUE_OK) return {};
    origin += value;
    origin += '|';
    curl_free(value);
  }
  std::transform(origin.begin(), origin.end(), origin.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return origin;
}

}  // namespace

milliseconds backoffDelay(const RetryPolicy& policy, int attempt, std::mt19937_64& rng) {
  double base = static_cast<double>(policy.initialBackoff.count()) * std::pow(policy.multiplier, std::max(attempt, 0));
  base = std::min(base, static_cast<double>(policy.maxBackoff.count()));
  // A uniform draw in [0, 1) from the top 53 bits: the same on every standard library.
  const double unit = static_cast<double>(rng() >> 11) * 0x1.0p-53;
  const double factor = 1.0 - policy.jitter + 2.0 * policy.jitter * unit;
  return milliseconds{std::llround(std::max(0.0, base * factor))};
}

std::optional<milliseconds> serverWait(const HttpResponse& reply, Clock& clock) {
  if (auto wait = retryAfterWait(reply, clock)) return wait;
  if (auto reset = reply.header("X-RateLimit-Reset"))
    if (auto at = parseInteger(*reset)) return secondsToWait(*at - clock.unixSeconds());
  return std::nullopt;
}

Error errorFromReply(const HttpResponse& reply, std::string_view operation, Clock& clock) {
  std::string code, message;
  std::optional<std::int64_t> numericCode;
  if (Json doc = Json::parse(reply.body, nullptr, false); doc.is_object()) {
    if (auto error = doc.find("error"); error != doc.end()) {
      if (error->is_object()) {
        code = stringField(*error, "code");
        message = stringField(*error, "message");
      } else if (error->is_string()) {
        message = error->get<std::string>();
      }
    }
    if (message.empty()) message = stringField(doc, "message");
    if (auto top = doc.find("code"); code.empty() && top != doc.end()) {
      if (top->is_string()) code = top->get<std::string>();
      if (top->is_number_integer()) numericCode = top->get<std::int64_t>();
    }
  }
  const Errc errc = errcFromProviderCode(code).value_or(errcFromStatus(reply.status));
  std::string what = std::string(operation) + " failed: " + std::to_string(reply.status) + " " +
                     (code.empty() ? std::string(errcName(errc)) : quote(code, 60));
  if (numericCode) what += " (code " + std::to_string(*numericCode) + ")";
  if (!message.empty()) what += ": " + quote(message, kMaxQuotedMessage);
  auto wait = errc == Errc::rate_limited ? serverWait(reply, clock) : retryAfterWait(reply, clock);
  return Error(errc, what, reply.status, wait);
}

struct ApiClient::State {
  State(const RemoteConfig& c, Transport& t, Clock& k, std::uint64_t seed)
      : config(c), transport(t), clock(k), label(std::string(providerName(c.provider)) + " API"), rng(seed) {}

  // One logical call: what may be retried and what to tell the user.
  struct Call {
    HttpRequest request;
    std::string operation;  // "jobs API: GET /models"
    const TransferLimits& limits;
    bool idempotent;                       // a GET: repeating it changes nothing
    const BodySink* sink;                  // downloads only
    const std::function<void()>* restart;  // downloads only
    const CancelToken* cancel;
  };

  HttpResponse perform(const Call& call);
  Headers baseHeaders(bool withKey) const;
  Json parse(const HttpResponse& reply, const std::string& operation) const;
  std::string safe(std::string_view text) const { return redact(text, config.apiKey); }

  const RemoteConfig config;
  Transport& transport;
  Clock& clock;
  const std::string label;
  mutable std::mutex mutex;  // guards rng and stats
  std::mt19937_64 rng;
  ClientStats stats;
};

Headers ApiClient::State::baseHeaders(bool withKey) const {
  Headers headers{{"User-Agent", "pixabots/" PIXABOTS_VERSION_STRING}};
  if (withKey && !config.apiKey.empty()) headers["Authorization"] = "Bearer " + config.apiKey;
  return headers;
}

HttpResponse ApiClient::State::perform(const Call& call) {
  const RetryPolicy& policy = config.retry;
  // A failure of the caller's sink is the caller's, not the connection's: passed through untouched.
  bool sinkFailed = false;
  BodySink sink;
  if (call.sink && *call.sink)
    sink = [&](std::string_view chunk) {
      try {
        (*call.sink)(chunk);
      } catch (...) {
        sinkFailed = true;
        throw;
      }
    };

  for (int attempt = 0;; ++attempt) {
    if (call.cancel && call.cancel->cancelled()) throw Error(Errc::cancelled, call.operation + ": cancelled");
    if (attempt > 0 && call.restart && *call.restart) (*call.restart)();
    {
      std::lock_guard lock(mutex);
      ++stats.requests;
    }

    std::optional<Error> failure;
    bool retryable = false;
    std::optional<milliseconds> hint;
    try {
      HttpResponse reply = transport.send(call.request, call.limits, sink);
      if (reply.status >= 200 && reply.status < 300) return reply;
      Error error = errorFromReply(reply, call.operation, clock);
      failure = withMessage(error, safe(error.what()));
      hint = failure->retryAfter();
      // A 429 proves nothing was done; a 5xx may come after the work was.
      retryable = reply.status == 429 || (reply.status >= 500 && call.idempotent);
    } catch (const Error& e) {
      if (sinkFailed) throw;
      failure = withMessage(e, label + ": " + safe(e.what()));
      retryable = e.code() == Errc::unreachable ||
                  (call.idempotent && (e.code() == Errc::timeout || e.code() == Errc::network));
    }

    const Errc code = failure->code();
    const bool mayHaveSpent =
        !call.idempotent && (code == Errc::server || code == Errc::timeout || code == Errc::network);
    if (!retryable) {
      if (mayHaveSpent)
        throw withMessage(
            *failure, std::string(failure->what()) + "; not retried: the request may have been processed and charged");
      throw *failure;
    }
    if (hint && *hint > policy.maxServerWait)
      throw withMessage(*failure, std::string(failure->what()) + "; the server asks to wait " +
                                      std::to_string(hint->count()) + " ms, more than the " +
                                      std::to_string(policy.maxServerWait.count()) + " ms allowed");
    if (attempt >= policy.maxRetries)
      throw withMessage(*failure, std::string(failure->what()) + "; gave up after " + std::to_string(attempt + 1) +
                                      (attempt == 0 ? " attempt" : " attempts"));

    milliseconds delay{0};
    {
      std::lock_guard lock(mutex);
      delay = hint.value_or(backoffDelay(policy, attempt, rng));
      ++stats.retries;
      stats.waited += delay;
    }
    clock.sleepFor(delay, call.cancel);
  }
}

Json ApiClient::State::parse(const HttpResponse& reply, const std::string& operation) const {
  if (reply.status == 204) return Json();
  try {
    return core::parseJsonBounded(reply.body);
  } catch (const core::JsonTooDeep& e) {
    throw Error(Errc::malformed_reply, operation + ": the reply is malformed: " + e.what(), reply.status);
  } catch (const Json::parse_error& e) {
    throw Error(Errc::malformed_reply,
                operation + ": the reply was not JSON (syntax error at byte " + std::to_string(e.byte) + " of " +
                    std::to_string(reply.body.size()) + "): \"" + quote(safe(reply.body), kMaxQuotedBody) + "\"",
                reply.status);
  } catch (const Json::out_of_range&) {
    // Well-formed, but a number overflows a double (e.g. 1E99999).
    throw Error(Errc::malformed_reply, operation + ": the reply holds a number too large to read", reply.status);
  }
}

ApiClient::ApiClient(const RemoteConfig& config, Transport& transport, Clock& clock, std::uint64_t jitterSeed)
    : state_(std::make_shared<State>(config, transport, clock, jitterSeed)) {}

Reply ApiClient::get(std::string_view path, const Query& query, const CancelToken* cancel) {
  State& s = *state_;
  HttpRequest request;
  request.method = "GET";
  request.url = s.config.baseUrl + percentEncode(path, "/") + encodeQuery(query);
  request.headers = s.baseHeaders(true);
  request.headers["Accept"] = "application/json";
  const std::string operation = s.label + ": GET " + s.safe(std::string(path) + encodeQuery(query));
  HttpResponse reply =
      s.perform({std::move(request), operation, s.config.requestLimits, true, nullptr, nullptr, cancel});
  Json body = s.parse(reply, operation);
  return {std::move(body), std::move(reply)};
}

Reply ApiClient::post(std::string_view path, const Json& body, const CancelToken* cancel) {
  State& s = *state_;
  const std::string operation = s.label + ": POST " + s.safe(path);
  HttpRequest request;
  request.method = "POST";
  request.url = s.config.baseUrl + percentEncode(path, "/");
  request.headers = s.baseHeaders(true);
  request.headers["Accept"] = "application/json";
  request.headers["Content-Type"] = "application/json";
  try {
    request.body = body.dump();
  } catch (const Json::type_error&) {
    throw Error(Errc::validation, operation + ": the request holds a string that is not valid UTF-8");
  }
  HttpResponse reply =
      s.perform({std::move(request), operation, s.config.requestLimits, false, nullptr, nullptr, cancel});
  Json parsed = s.parse(reply, operation);
  return {std::move(parsed), std::move(reply)};
}

HttpResponse ApiClient::download(std::string_view url, const BodySink& sink, const std::function<void()>& restart,
                                 const CancelToken* cancel) {
  State& s = *state_;
  HttpRequest request;
  request.method = "GET";
  request.url = url;
  // The key goes only where it was meant to: an asset host elsewhere never sees it.
  const std::string origin = originOf(request.url);
  request.headers = s.baseHeaders(!origin.empty() && origin == originOf(s.config.baseUrl));
  request.headers["Accept"] = "*/*";
  const std::string operation = s.label + ": GET " + s.safe(url);
  return s.perform({std::move(request), operation, s.config.assetLimits, true, &sink, &restart, cancel});
}

const RemoteConfig& ApiClient::config() const { return state_->config; }

Clock& ApiClient::clock() const { return state_->clock; }

ClientStats ApiClient::stats() const {
  std::lock_guard lock(state_->mutex);
  return state_->stats;
}

}  // namespace pixabots::remote
