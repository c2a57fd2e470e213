#include "cli/output_format.hpp"

#include <array>
#include <utility>

#include "pixabots/core/error.hpp"

namespace pixabots::cli {
namespace {

constexpr std::array<std::pair<std::string_view, Format>, 8> kNames = {{
    {"png", Format::png},
    {"apng", Format::apng},
    {"gif", Format::gif},
    {"webp", Format::webp},
    {"svg", Format::svg},
    {"sheet", Format::sheetPng},
    {"json", Format::metadataJson},
    {"frames", Format::framesJson},
}};

// kFormatChoices is kNames' names, in order.
constexpr bool choicesMatchNames() {
  std::string_view rest = kFormatChoices;
  for (const auto& [name, format] : kNames) {
    if (!rest.starts_with(name)) return false;
    rest.remove_prefix(name.size());
    if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  }
  return rest.empty();
}
static_assert(choicesMatchNames());

std::string listed() {
  std::string list;
  for (const auto& [name, format] : kNames) list += (list.empty() ? "" : ", ") + std::string(name);
  return list;
}

}  // namespace

Format chooseFormat(const std::optional<std::string>& flag, std::string_view output, bool animated) {
  if (flag) {
    for (const auto& [name, format] : kNames) {
      if (*flag == name) return format;
    }
    throw core::Error(core::Errc::invalid_option, "--format \"" + *flag + "\" is not one of " + listed());
  }
  if (output == "-") return animated ? Format::gif : Format::png;
  const auto dot = output.rfind('.');
  const std::string_view ext = dot == std::string_view::npos ? std::string_view() : output.substr(dot + 1);
  if (ext == "png") return animated ? Format::apng : Format::png;
  if (ext == "apng") return Format::apng;
  if (ext == "gif") return Format::gif;
  if (ext == "webp") return Format::webp;
  if (ext == "svg") return Format::svg;
  if (ext == "json") return Format::metadataJson;
  throw core::Error(core::Errc::invalid_option, "cannot tell the format from \"" + std::string(output) +
                                                    "\": use a .png, .gif, .webp, .svg or .json name or --format (" +
                                                    listed() + ")");
}

}  // namespace pixabots::cli
