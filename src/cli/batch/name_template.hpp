#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pixabots::cli::batch {

// What a file name can be made of.
struct NameFields {
  std::string_view id;
  std::string_view seed;  // empty unless the input is --seeds
  std::size_t index;      // the entry's position in the input, from 0
  int size;
  std::string_view format;  // the file extension: png, gif, webp, svg, json, frames.json
};

// The --name template, e.g. "{id}.{format}" or "{size}/{seed}.{format}",
// parsed once and expanded for every file. '/' makes subdirectories; the
// result always stays inside the output directory.
class NameTemplate {
 public:
  // Throws core::Error(invalid_option) naming the problem and the placeholders.
  explicit NameTemplate(std::string_view text);

  bool usesSeed() const;
  std::string expand(const NameFields& fields) const;
  const std::string& text() const { return text_; }

 private:
  enum class Field { literal, id, seed, index, size, format };
  struct Piece {
    Field field;
    std::string literal;
  };
  std::string text_;
  std::vector<Piece> pieces_;
};

// A seed as one path component: bytes outside [A-Za-z0-9._@+-] and a leading
// '.' become %XX, so distinct seeds give distinct names and none can be
// "..", hidden, or contain '/'.
std::string fileSafe(std::string_view seed);

}  // namespace pixabots::cli::batch
