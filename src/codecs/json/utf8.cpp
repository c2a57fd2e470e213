#include "codecs/json/utf8.hpp"

#include <nlohmann/json.hpp>

#include "pixabots/core/error.hpp"

namespace pixabots::core::detail {

void requireUtf8(std::string_view text, const std::string& what) {
  try {
    (void)nlohmann::json(text).dump();  // the serialiser is the UTF-8 validator JSON output uses
  } catch (const nlohmann::json::type_error&) {
    throw Error(Errc::invalid_option, what + " is not valid UTF-8");
  }
}

}  // namespace pixabots::core::detail
