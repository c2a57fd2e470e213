#pragma once
#include <string>
#include <string_view>

namespace pixabots::core::detail {

// Throws Error(invalid_option) "<what> is not valid UTF-8": JSON cannot carry
// other bytes, and the caller should hear which input was wrong.
void requireUtf8(std::string_view text, const std::string& what);

}  // namespace pixabots::core::detail
