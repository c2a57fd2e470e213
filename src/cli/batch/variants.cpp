#include "cli/batch/variants.hpp"

#include <algorithm>
#include <charconv>

#include "cli/output_format.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::cli::batch {
namespace {

std::vector<std::string_view> split(std::string_view list) {
  std::vector<std::string_view> items;
  for (std::size_t start = 0; start <= list.size();) {
    const std::size_t end = std::min(list.find(',', start), list.size());
    items.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

struct Naming {
  Format format;
  std::string_view name, extension;
};

// APNG is a .png file: browsers show it under that name.
constexpr Naming kNaming[] = {
    {Format::png, "png", "png"},
    {Format::apng, "apng", "png"},
    {Format::gif, "gif", "gif"},
    {Format::webp, "webp", "webp"},
    {Format::svg, "svg", "svg"},
    {Format::metadataJson, "json", "json"},
    {Format::framesJson, "frames", "frames.json"},
};

}  // namespace

std::vector<Variant> parseVariants(std::string_view formats, std::string_view sizes, const Options& common,
                                   bool animated) {
  std::vector<Variant> variants;
  for (std::string_view formatText : split(formats)) {
    Format format = chooseFormat(std::string(formatText), "", animated);
    if (format == Format::png && animated) format = Format::apng;  // as render does for .png
    const auto naming =
        std::find_if(std::begin(kNaming), std::end(kNaming), [&](const Naming& n) { return n.format == format; });
    if (naming == std::end(kNaming)) {
      throw core::Error(core::Errc::invalid_option, "--format \"" + std::string(formatText) +
                                                        "\" is not available in batch: use png, apng, gif, webp, svg, "
                                                        "json or frames (a sprite sheet is two files: use render)");
    }
    for (std::string_view sizeText : split(sizes)) {
      int size = 0;
      auto [end, ec] = std::from_chars(sizeText.data(), sizeText.data() + sizeText.size(), size);
      if (sizeText.empty() || ec != std::errc() || end != sizeText.data() + sizeText.size()) {
        throw core::Error(core::Errc::invalid_option, "--size \"" + std::string(sizes) + "\": \"" +
                                                          std::string(sizeText) +
                                                          "\" is not an integer (a list is comma-separated: 64,128)");
      }
      Variant v{common, naming->name, naming->extension};
      v.options.format = format;
      v.options.size = size;
      const bool repeated = std::any_of(variants.begin(), variants.end(), [&](const Variant& o) {
        return o.options.format == format && o.options.size == size;
      });
      if (!repeated) variants.push_back(std::move(v));
    }
  }
  return variants;
}

}  // namespace pixabots::cli::batch
