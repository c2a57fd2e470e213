#include "cli/remote/input_json.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "codecs/json/bounded_parse.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::cli {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::Error(core::Errc::io, "cannot read --input file " + path + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "line L, column C" of the byte nlohmann stopped at (1-based, as it counts).
std::string position(std::string_view text, std::size_t byte) {
  const std::size_t end = std::min(byte == 0 ? 0 : byte - 1, text.size());
  std::size_t line = 1, lineStart = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') ++line, lineStart = i + 1;
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(end - lineStart + 1);
}

}  // namespace

remote::Json parseInputOption(std::string_view value) {
  const bool fromFile = value.starts_with('@');
  const std::string source = fromFile ? "--input file " + std::string(value.substr(1)) : "--input";
  const std::string text = fromFile ? readFile(std::string(value.substr(1))) : std::string(value);
  remote::Json input;
  try {
    input = core::detail::parseBounded(text);
  } catch (const remote::Json::parse_error& e) {
    throw core::Error(core::Errc::invalid_option,
                      source + " is not valid JSON: syntax error at " + position(text, e.byte) + " (byte " +
                          std::to_string(e.byte) + ")");
  } catch (const remote::Json::out_of_range&) {
    throw core::Error(core::Errc::invalid_option, source + " holds a number too large to read");
  } catch (const core::detail::JsonTooDeep& e) {
    throw core::Error(core::Errc::invalid_option, source + " is refused: " + e.what());
  }
  if (!input.is_object()) {
    throw core::Error(core::Errc::invalid_option,
                      source + " must be a JSON object of model inputs, got " + std::string(input.type_name()));
  }
  return input;
}

}  // namespace pixabots::cli
