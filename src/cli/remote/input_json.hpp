#pragma once
#include <string_view>

#include "remote/client.hpp"

namespace pixabots::cli {

// A model input from --input: JSON text, or @FILE to read it from a file (of
// any kind: a pipe or device is read up to the limit too).
// Throws core::Error(invalid_option) naming the line and column of a syntax
// error, when the value is not a JSON object, or for a file over 4 MiB;
// core::Error(io) for a file that cannot be read.
remote::Json parseInputOption(std::string_view value);

}  // namespace pixabots::cli
