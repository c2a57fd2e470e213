// The Transport over libcurl: one easy handle per exchange, so calls from
// several threads never share state.
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <exception>
#include <memory>
#include <mutex>
#include <string>

#include "remote/error.hpp"
#include "remote/http.hpp"

namespace pixabots::remote {

bool HeaderNameLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) < std::tolower(static_cast<unsigned char>(y));
  });
}

std::optional<std::string> HttpResponse::header(std::string_view name) const {
  auto it = headers.find(name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

namespace {

constexpr long kMaxRedirects = 5;
// An error reply of a streamed download is kept (for its message) only up to
// this much; the rest is dropped rather than failing the exchange.
constexpr std::size_t kMaxStreamedErrorBody = 64u << 10;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::optional<std::size_t> parseSize(std::string_view s) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return value;
}

// What one exchange has received so far; the callbacks' user data.
struct Transfer {
  const TransferLimits& limits;
  const BodySink& sink;
  HttpResponse response;
  std::size_t received = 0;
  bool bodyStarted = false;
  bool streaming = false;               // the body goes to the sink (a 2xx reply with a sink)
  std::optional<std::size_t> tooLarge;  // the size that broke the cap, when it did
  std::exception_ptr sinkFailure;
};

// Called once per header line, for every response of the exchange (100
// Continue, redirects): a status line starts a new header set, so only the
// final response's headers remain.
std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    t.response.headers.clear();
    auto space = line.find(' ');
    int status = 0;
    if (space != std::string_view::npos) {
      auto code = line.substr(space + 1, 3);
      std::from_chars(code.data(), code.data() + code.size(), status);
    }
    t.response.status = status;
    return line.size();
  }
  auto colon = line.find(':');
  if (colon != std::string_view::npos)
    t.response.headers.insert_or_assign(std::string(trim(line.substr(0, colon))),
                                        std::string(trim(line.substr(colon + 1))));
  return line.size();
}

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  std::string_view chunk(data, size * count);
  if (!t.bodyStarted) {
    t.bodyStarted = true;
    t.streaming = t.sink && t.response.status >= 200 && t.response.status < 300;
    // Refuse a declared oversize body before reading any of it.
    if (auto length = t.response.header("Content-Length"); length && (t.streaming || !t.sink)) {
      auto declared = parseSize(trim(*length));
      if (declared && *declared > t.limits.maxBodyBytes) {
        t.tooLarge = *declared;
        return 0;
      }
    }
  }
  if (t.sink && !t.streaming) {
    // The error reply of a download: keep its start for the message.
    auto room = kMaxStreamedErrorBody - std::min(kMaxStreamedErrorBody, t.response.body.size());
    t.response.body.append(chunk.substr(0, room));
    return chunk.size();
  }
  t.received += chunk.size();
  if (t.received > t.limits.maxBodyBytes) {
    t.tooLarge = t.received;
    return 0;
  }
  if (!t.streaming) {
    t.response.body.append(chunk);
    return chunk.size();
  }
  try {
    t.sink(chunk);
  } catch (...) {
    t.sinkFailure = std::current_exception();
    return 0;
  }
  return chunk.size();
}

struct EasyDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

void initCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw Error(Errc::unreachable, "libcurl could not be initialised");
  });
}

class CurlTransport final : public Transport {
 public:
  HttpResponse send(const HttpRequest& request, const TransferLimits& limits, const BodySink& sink) override {
    initCurlOnce();
    const std::string what = request.method + " " + request.url;
    if (request.method != "GET" && request.method != "POST")
      throw Error(Errc::unsupported, what + ": only GET and POST are supported");

    std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
    if (!easy) throw Error(Errc::unreachable, what + " failed: libcurl could not create a handle");
    CURL* h = easy.get();

    std::unique_ptr<curl_slist, ListDeleter> headerList;
    for (const auto& [name, value] : request.headers) appendHeader(headerList, name + ": " + value);
    // curl would otherwise ask for 100 Continue before a large body and wait.
    if (request.method == "POST") appendHeader(headerList, "Expect:");

    Transfer transfer{limits, sink, {}, 0, false, false, std::nullopt, nullptr};
    char errorText[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(h, CURLOPT_PROTOCOLS, long{CURLPROTO_HTTP | CURLPROTO_HTTPS});
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS, long{CURLPROTO_HTTP | CURLPROTO_HTTPS});
#endif
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limits.connectTimeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.totalTimeout.count()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headerList.get());
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    if (request.method == "POST") {
      curl_easy_setopt(h, CURLOPT_POST, 1L);
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    } else {
      // Only a GET may follow a redirect: a POST is never replayed elsewhere.
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
      curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
      curl_easy_setopt(h, CURLOPT_MAXREDIRS, kMaxRedirects);
    }

    CURLcode rc = curl_easy_perform(h);
    if (transfer.sinkFailure) std::rethrow_exception(transfer.sinkFailure);
    if (rc == CURLE_OK) {
      long status = 0;
      curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
      transfer.response.status = static_cast<int>(status);
      return std::move(transfer.response);
    }
    throw failure(h, rc, what, transfer, limits, errorText);
  }

 private:
  static void appendHeader(std::unique_ptr<curl_slist, ListDeleter>& list, const std::string& line) {
    curl_slist* grown = curl_slist_append(list.get(), line.c_str());
    if (!grown) throw std::bad_alloc();
    (void)list.release();
    list.reset(grown);
  }

  static Error failure(CURL* h, CURLcode rc, const std::string& what, const Transfer& transfer,
                       const TransferLimits& limits, const char* errorText) {
    std::string detail = errorText[0] ? errorText : curl_easy_strerror(rc);
    const int status = transfer.response.status;
    if (transfer.tooLarge)
      return Error(Errc::too_large,
                   what + " failed: the reply is over the " + std::to_string(limits.maxBodyBytes) + "-byte cap (" +
                       std::to_string(*transfer.tooLarge) + " bytes or more)",
                   status);
    switch (rc) {
      case CURLE_OPERATION_TIMEDOUT: {
        // Timing out before the request went out is the same as never reaching the host.
        curl_off_t pretransfer = 0;
        curl_easy_getinfo(h, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
        if (pretransfer == 0)
          return Error(Errc::unreachable,
                       what + " failed: could not connect within " +
                           std::to_string(std::min(limits.connectTimeout, limits.totalTimeout).count()) + " ms");
        return Error(Errc::timeout,
                     what + " failed: no complete reply within " + std::to_string(limits.totalTimeout.count()) + " ms",
                     status);
      }
      case CURLE_COULDNT_RESOLVE_HOST:
      case CURLE_COULDNT_RESOLVE_PROXY:
      case CURLE_COULDNT_CONNECT:
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_PEER_FAILED_VERIFICATION: return Error(Errc::unreachable, what + " failed: " + detail);
      case CURLE_PARTIAL_FILE:
        return Error(Errc::network, what + " failed: the reply was truncated (" + detail + ")", status);
      case CURLE_UNSUPPORTED_PROTOCOL:
      case CURLE_URL_MALFORMAT: return Error(Errc::config, what + " failed: not an http(s) URL (" + detail + ")");
      case CURLE_TOO_MANY_REDIRECTS:
        return Error(Errc::network, what + " failed: more than " + std::to_string(kMaxRedirects) + " redirects",
                     status);
      default: return Error(Errc::network, what + " failed: " + detail, status);
    }
  }
};

}  // namespace

std::unique_ptr<Transport> makeCurlTransport() { return std::make_unique<CurlTransport>(); }

}  // namespace pixabots::remote
