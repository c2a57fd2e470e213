#include "cli/remote/input_json.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "pixabots/core/error.hpp"
#include "pixabots/core/json_input.hpp"

namespace pixabots::cli {
namespace {

// The most an --input file may hold: the MCP server's line limit
// (mcp/line_reader.hpp), so a model input one front end takes, the other
// takes too.
constexpr std::size_t kMaxInputBytes = std::size_t{4} << 20;

// Read in pieces up to the limit, so /dev/zero or an endless pipe ends with
// an error instead of filling memory.
std::string readFile(const std::string& path) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw core::Error(core::Errc::io, "cannot read --input file " + path + ": " + std::strerror(errno));
  std::string text;
  char buffer[65536];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get())) {
    if (text.size() + n > kMaxInputBytes) {
      throw core::Error(core::Errc::invalid_option, "--input file " + path + " is larger than " +
                                                        std::to_string(kMaxInputBytes >> 20) +
                                                        " MiB, the most a model input may hold");
    }
    text.append(buffer, n);
  }
  if (std::ferror(file.get())) {
    throw core::Error(core::Errc::io, "cannot read --input file " + path + ": " + std::strerror(errno));
  }
  return text;
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
    input = core::parseJsonBounded(text);
  } catch (const remote::Json::parse_error& e) {
    throw core::Error(core::Errc::invalid_option, source + " is not valid JSON: syntax error at " +
                                                      position(text, e.byte) + " (byte " + std::to_string(e.byte) +
                                                      ")");
  } catch (const remote::Json::out_of_range&) {
    throw core::Error(core::Errc::invalid_option, source + " holds a number too large to read");
  } catch (const core::JsonTooDeep& e) {
    throw core::Error(core::Errc::invalid_option, source + " is refused: " + e.what());
  }
  if (!input.is_object()) {
    throw core::Error(core::Errc::invalid_option,
                      source + " must be a JSON object of model inputs, got " + std::string(input.type_name()));
  }
  return input;
}

}  // namespace pixabots::cli
