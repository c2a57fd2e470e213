#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace pixabots::remote {

// `text` on one line (control characters become spaces), cut to `limit`
// bytes without splitting a UTF-8 sequence, "..." marking a cut: how a
// provider's words are quoted in an error message.
std::string quote(std::string_view text, std::size_t limit);

}  // namespace pixabots::remote
