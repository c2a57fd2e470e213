#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace pixabots::core {

// A view of 8-bit RGBA pixels, rows `stride` bytes apart (stride >= width*4).
// Colour channels are not premultiplied; fully transparent pixels are (0,0,0,0).
struct ImageView {
  const std::uint8_t* data = nullptr;
  int width = 0;
  int height = 0;
  std::size_t stride = 0;
  const std::uint8_t* row(int y) const { return data + static_cast<std::size_t>(y) * stride; }
};

// An owned RGBA image with tightly packed rows.
class Image {
 public:
  Image() = default;
  Image(int width, int height)
      : width_(width),
        height_(height),
        pixels_(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4u) {}

  int width() const { return width_; }
  int height() const { return height_; }
  std::span<std::uint8_t> pixels() { return pixels_; }
  std::span<const std::uint8_t> pixels() const { return pixels_; }
  std::uint8_t* row(int y) { return pixels_.data() + static_cast<std::size_t>(y) * rowBytes(); }
  const std::uint8_t* row(int y) const { return pixels_.data() + static_cast<std::size_t>(y) * rowBytes(); }
  std::size_t rowBytes() const { return static_cast<std::size_t>(width_) * 4u; }
  ImageView view() const { return {pixels_.data(), width_, height_, rowBytes()}; }
  bool operator==(const Image&) const = default;

 private:
  int width_ = 0;
  int height_ = 0;
  std::vector<std::uint8_t> pixels_;
};

}  // namespace pixabots::core
