// libFuzzer target for the server's request parser: any request target
// (path + query) parses without crashing into a request or a 400/404 whose
// JSON body serialises; parsed values keep their documented ranges, and the
// random route forwards only the parameters it lists.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "server/handlers.hpp"
#include "server/query.hpp"

namespace {

using namespace pixabots::server;

void check(bool ok) {
  if (!ok) std::abort();
}

void checkRequest(const ApiRequest& request) {
  if (const auto* r = std::get_if<PixabotRequest>(&request)) {
    check(r->size >= pixabots::core::kMinSize && r->size <= pixabots::core::kMaxSize);
    check(r->speed >= pixabots::core::kMinSpeed && r->speed <= pixabots::core::kMaxSpeed);
    check(!r->hue || (*r->hue >= 0 && *r->hue < 360));
    check(!r->saturate || (*r->saturate >= 0 && *r->saturate <= 4));
    check(!r->bg || r->bg->size() == 7);
  } else if (const auto* b = std::get_if<BatchRequest>(&request)) {
    check(b->ids.size() <= kMaxBatchIds && (b->randomCount > 0) == b->ids.empty());
    check(b->randomCount <= static_cast<int>(kMaxBatchIds));
  } else if (const auto* q = std::get_if<RandomRequest>(&request)) {
    // Only the listed parameters are forwarded, each once.
    const QueryParams forwarded = QueryParams::parse(q->forwardQuery);
    for (const auto& [key, value] : forwarded.items()) {
      check(key == "size" || key == "animated" || key == "speed" || key == "webp" || key == "hue" ||
            key == "saturate" || key == "bg" || key == "paused");
    }
  }
  (void)Service::cacheKey(request);
  (void)Service::cost(request);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view target(reinterpret_cast<const char*>(data), size);
  const ParseResult parsed = parseRequest(pixabots::core::Catalog::service(), target);
  if (const auto* error = std::get_if<RequestError>(&parsed)) {
    check(error->status == 400 || error->status == 404);
    // Messages may echo bytes that are not UTF-8; the body must still serialise.
    check(!errorResponse(error->status, error->message).body.empty());
  } else {
    checkRequest(std::get<ApiRequest>(parsed));
  }
  const QueryParams params = QueryParams::parse(target);
  for (const auto& [key, value] : params.items()) {
    check(percentDecode(formEncode(value), true) == value);
    (void)jsNumber(value);
  }
  return 0;
}
