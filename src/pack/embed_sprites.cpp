// pixabots_embed_sprites [--compact] <sprites dir> <output.cpp>: the build
// step that compiles the project's art into the library ready to use. It
// loads the directory with the library's own loader (Pack::fromDirectory: the
// same manifest rules, the same PNG decoder), so the pixels are exactly what
// loading sprites/ gives, and writes the catalog as constant data
// (src/pack/embedded_art.hpp) and the sprites either as RGBA byte strings
// (used where they lie) or, with --compact, as palettes and runs that
// embeddedArt() expands once (src/pack/embedded_compact.hpp).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pixabots/core/pack.hpp"

namespace {

using namespace pixabots::core;

// `bytes` as a C++ string literal, broken into lines of 64 source bytes when
// `wrap` (indented to the generated initialisers). Printable characters stand
// for themselves; others are octal escapes, shortened when the next character
// cannot be read as one more digit of them.
void writeLiteral(std::ostream& out, std::span<const std::uint8_t> bytes, bool wrap) {
  const auto printable = [](std::uint8_t b) { return b >= 0x20 && b < 0x7f && b != '"' && b != '\\'; };
  out << '"';
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const std::uint8_t b = bytes[i];
    if (printable(b)) {
      out << static_cast<char>(b);
    } else {
      const bool digitNext = i + 1 < bytes.size() && bytes[i + 1] >= '0' && bytes[i + 1] <= '7';
      char escape[8];
      std::snprintf(escape, sizeof escape, digitNext ? "\\%03o" : "\\%o", b);
      out << escape;
    }
    if (wrap && (i + 1) % 64 == 0 && i + 1 < bytes.size()) out << "\"\n    \"";
  }
  out << '"';
}

void writeLiteral(std::ostream& out, std::string_view text) {
  writeLiteral(out, {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}, false);
}

// One part's frames as a CompactSheet's palette (colours in order of first
// appearance) and runs (index, length) byte pairs.
struct Compact {
  std::vector<std::uint8_t> palette;
  std::vector<std::uint8_t> runs;
};

Compact compact(std::span<const std::uint8_t> pixels, std::string_view part) {
  Compact out;
  std::size_t colours = 0;
  for (std::size_t p = 0; p < pixels.size(); p += 4) {
    const auto rgba = pixels.subspan(p, 4);
    std::size_t index = 0;
    while (index < colours && !std::ranges::equal(rgba, std::span(out.palette).subspan(index * 4, 4))) ++index;
    if (index == colours) {
      if (colours == 256) throw std::runtime_error(std::string(part) + ": more than 256 colours");
      out.palette.insert(out.palette.end(), rgba.begin(), rgba.end());
      ++colours;
    }
    if (!out.runs.empty() && out.runs.end()[-2] == index && out.runs.back() < 255) {
      ++out.runs.back();
    } else {
      out.runs.push_back(static_cast<std::uint8_t>(index));
      out.runs.push_back(1);
    }
  }
  return out;
}

std::span<const std::uint8_t> sheetPixels(const SpriteSheet& sheet) {
  return {sheet.frame(0), static_cast<std::size_t>(sheet.frames()) * kFrameBytes};
}

std::string partPath(const Pack& pack, Category c, int i) {
  return std::string(categoryName(c)) + "/" + pack.catalog().part(c, i).name;
}

// The sprites as RGBA literals, one array a part, used where they lie.
void writeRgba(std::ostream& out, const Pack& pack) {
  for (Category c : kEncodingOrder) {
    for (int i = 0; i < pack.catalog().count(c); ++i) {
      const std::span<const std::uint8_t> pixels = sheetPixels(pack.sheet(c, i));
      // One byte more than the pixels: the literal's terminating NUL.
      out << "// " << partPath(pack, c, i) << "\n"
          << "alignas(16) constexpr std::uint8_t " << categoryName(c) << i << "Pixels[" << pixels.size() + 1
          << "] =\n    ";
      writeLiteral(out, pixels, true);
      out << ";\n\n";
    }
  }
}

// The sprites as CompactSheets, checked by the compiler, and the zeroed
// storage embeddedArt() expands them into.
void writeCompact(std::ostream& out, const Pack& pack) {
  std::size_t bytes = 0;
  std::ostringstream sheets;
  for (Category c : kEncodingOrder) {
    for (int i = 0; i < pack.catalog().count(c); ++i) {
      const std::span<const std::uint8_t> pixels = sheetPixels(pack.sheet(c, i));
      const Compact sheet = compact(pixels, partPath(pack, c, i));
      sheets << "    // " << partPath(pack, c, i) << "\n    {" << pack.sheet(c, i).frames() << ",\n     ";
      writeLiteral(sheets, sheet.palette, true);
      sheets << "sv,\n     ";
      writeLiteral(sheets, sheet.runs, true);
      sheets << "sv},\n";
      bytes += pixels.size();
    }
  }
  out << "using namespace std::string_view_literals;\n\n"
      << "// The sprites as RGBA once embeddedArt() has expanded them; zero until then.\n"
      << "alignas(16) std::uint8_t pixels[" << bytes << "];\n\n"
      << "constexpr CompactSheet kSheets[] = {\n"
      << sheets.str() << "};\n"
      << "static_assert(fits(kSheets, sizeof pixels), \"the runs do not fill the sheets\");\n\n";
}

std::string source(const Pack& pack, const std::string& dir, bool compactForm) {
  std::ostringstream out;
  out << "// Generated by pixabots_embed_sprites" << (compactForm ? " --compact" : "")
      << " (src/pack/embed_sprites.cpp) from " << dir << "; do not edit.\n"
      << "#include \"pack/embedded_art.hpp\"\n"
      << (compactForm ? "#include \"pack/embedded_compact.hpp\"\n" : "") << "\n"
      << "namespace pixabots::core::detail {\n"
      << "namespace {\n\n";
  if (compactForm) {
    writeCompact(out, pack);
  } else {
    writeRgba(out, pack);
  }
  const Catalog& catalog = pack.catalog();
  const char* kinds[] = {"PartKind::still", "PartKind::blink", "PartKind::sequence"};
  std::size_t offset = 0;  // compact: where the part's frames start in `pixels`
  for (Category c : kEncodingOrder) {
    out << "constexpr EmbeddedPart " << categoryName(c) << "Parts[] = {\n";
    for (int i = 0; i < catalog.count(c); ++i) {
      const Part& part = catalog.part(c, i);
      out << "    {";
      writeLiteral(out, part.name);
      out << ", " << part.frames << ", " << kinds[static_cast<int>(part.kind)] << ", ";
      if (compactForm) {
        out << "pixels + " << offset;
        offset += static_cast<std::size_t>(part.frames) * kFrameBytes;
      } else {
        out << categoryName(c) << i << "Pixels";
      }
      out << "},\n";
    }
    out << "};\n";
  }
  out << "\nconstexpr EmbeddedArt kArt{";
  writeLiteral(out, pack.name());
  out << ", {eyesParts, headsParts, bodyParts, topParts}};\n\n"
      << "}  // namespace\n\n";
  if (compactForm) {
    out << "const EmbeddedArt& embeddedArt() {\n"
        << "  // Expanded on the first call only; a function-local static is initialised\n"
        << "  // once even under concurrent first calls.\n"
        << "  [[maybe_unused]] static const bool expanded = (expand(kSheets, pixels), true);\n"
        << "  return kArt;\n"
        << "}\n\n"
        << "std::span<const CompactSheet> compactSheets() { return kSheets; }\n\n";
  } else {
    out << "const EmbeddedArt& embeddedArt() { return kArt; }\n\n";
  }
  out << "}  // namespace pixabots::core::detail\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  const bool compactForm = argc == 4 && std::string_view(argv[1]) == "--compact";
  if (argc != 3 + compactForm) {
    std::cerr << "usage: pixabots_embed_sprites [--compact] <sprites dir> <output.cpp>\n";
    return 2;
  }
  const char* dir = argv[1 + compactForm];
  const char* output = argv[2 + compactForm];
  try {
    const std::string text = source(Pack::fromDirectory(dir), dir, compactForm);
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::cerr << "pixabots_embed_sprites: cannot write " << output << "\n";
      return 1;
    }
  } catch (const std::exception& e) {
    std::cerr << "pixabots_embed_sprites: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
