#pragma once
#include <stdexcept>
#include <string>

namespace pixabots::core {

// What went wrong, coarse enough to map onto a status code or an HTTP status.
enum class Errc {
  invalid_id,      // an ID that is not 4 base-36 characters naming parts that exist
  invalid_option,  // size, hue, saturate, bg, ... outside the accepted range
  invalid_pack,    // a sprite pack whose files or manifest break the rules
  io,              // a file that could not be read or written
  codec,           // an image that could not be decoded or encoded
};

// The C++ API reports every failure with this exception; what() names the bad
// value and the accepted range, e.g. "size 20 is out of range: must be an
// integer between 32 and 1920".
class Error : public std::runtime_error {
 public:
  Error(Errc code, const std::string& message) : std::runtime_error(message), code_(code) {}
  Errc code() const noexcept { return code_; }

 private:
  Errc code_;
};

}  // namespace pixabots::core
