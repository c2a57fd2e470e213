#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "cli/output_format.hpp"
#include "pixabots/core.hpp"

namespace pixabots::cli {
namespace {

std::vector<std::uint8_t> bytesOf(const std::string& text) { return {text.begin(), text.end()}; }

std::vector<std::uint8_t> encode(Format format, const Pack& pack, const Combo& combo, const RenderOptions& options,
                                 const Args& args) {
  JsonOptions json;
  json.size = options.size;
  if (auto origin = args.value("--origin")) json.origin = *origin;
  switch (format) {
    case Format::png: return renderPng(pack, combo, options);
    case Format::apng: return renderApng(pack, combo, options);
    case Format::gif: return renderGif(pack, combo, options);
    case Format::webp: return renderWebp(pack, combo, options);
    case Format::svg: return bytesOf(renderSvg(pack, combo, options, SvgOptions{args.flag("--compact")}));
    case Format::json: return bytesOf(metadataJson(pack, combo, json));
    case Format::frames: return bytesOf(framesJson(pack, combo, json));
    case Format::sheet: break;
  }
  throw Error(Errc::invalid_option, "a sprite sheet is two files: use writeSheet");
}

// A sprite sheet is two files: FILE.png and FILE.json beside it.
void writeSheet(const std::filesystem::path& output, const Pack& pack, const Combo& combo,
                const RenderOptions& options, const Args& args) {
  if (output == "-" || output.extension() != ".png") {
    throw Error(Errc::invalid_option, "a sprite sheet needs -o NAME.png; its JSON goes to NAME.json beside it");
  }
  SheetOptions sheet;
  sheet.imageName = output.filename().string();
  if (auto columns = args.integer("--columns")) {
    sheet.layout = SheetLayout::grid;
    sheet.columns = *columns;
  }
  const SpriteSheetOutput out = renderSpriteSheet(pack, combo, options, sheet);
  std::filesystem::path json = output;
  json.replace_extension(".json");
  writeOutput(output, out.png);
  writeOutput(json, bytesOf(out.json));
}

}  // namespace

int renderCommand(const std::vector<std::string_view>& argv) {
  const Args args(argv,
                  {"--size", "--hue", "--saturate", "--bg", "--speed", "--pack", "--seed", "--format", "--origin",
                   "--columns", "-o", "--output"},
                  {"--animated", "--compact"});
  auto output = args.value("-o");
  if (!output) output = args.value("--output");
  if (!output) throw Error(Errc::invalid_option, "render needs an output file: -o FILE.png (or -o - for stdout)");

  std::optional<Pack> loaded;
  if (auto dir = args.value("--pack")) loaded = Pack::fromDirectory(*dir);
  const Pack& pack = loaded ? *loaded : Pack::embedded();

  Combo combo;
  if (auto seed = args.value("--seed")) {
    if (!args.positionals().empty()) throw Error(Errc::invalid_option, "give either an ID or --seed, not both");
    combo = seededCombo(pack.catalog(), *seed);
  } else if (args.positionals().size() == 1) {
    combo = decodeId(pack.catalog(), args.positionals()[0]);
  } else {
    throw Error(Errc::invalid_option, "render needs exactly one ID (4 characters of [0-9a-z]) or --seed TEXT");
  }

  RenderOptions options;
  if (auto size = args.integer("--size")) options.size = *size;
  if (auto hue = args.number("--hue")) options.hue = *hue;
  if (auto saturate = args.number("--saturate")) options.saturate = *saturate;
  if (auto bg = args.value("--bg")) options.bg = parseColor(*bg);
  if (auto speed = args.number("--speed")) options.speed = *speed;
  validate(options);

  const Format format = chooseFormat(args.value("--format"), *output, args.flag("--animated"));
  if (format == Format::sheet) {
    writeSheet(*output, pack, combo, options, args);
  } else {
    writeOutput(*output, encode(format, pack, combo, options, args));
  }
  if (*output != "-") std::cerr << encodeId(pack.catalog(), combo) << " -> " << *output << "\n";
  return 0;
}

}  // namespace pixabots::cli
