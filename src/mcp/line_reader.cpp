#include "mcp/line_reader.hpp"

#include <utility>

namespace pixabots::mcp {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

}  // namespace

LineReader::LineReader(Source source, std::size_t maxLineBytes)
    : source_(std::move(source)), maxLineBytes_(maxLineBytes) {}

bool LineReader::refill() {
  if (eof_) return false;
  // Drop what was returned already, so the buffer holds at most one line
  // (up to the limit) plus a chunk.
  buffer_.erase(0, start_);
  start_ = 0;
  const std::size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  const std::size_t n = source_(buffer_.data() + old, kChunk);
  buffer_.resize(old + n);
  if (n == 0) eof_ = true;
  return n > 0;
}

Line LineReader::take(std::size_t length, std::size_t skipped) const {
  Line line;
  line.bytes = skipped + length;
  line.oversized = line.bytes > maxLineBytes_;
  if (!line.oversized) {
    line.text.assign(buffer_, start_, length);
    if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
  }
  return line;
}

std::optional<Line> LineReader::next() {
  std::size_t scanned = 0;  // bytes after start_ known to hold no newline
  std::size_t skipped = 0;  // bytes of an oversized line already thrown away
  for (;;) {
    const auto newline = buffer_.find('\n', start_ + scanned);
    if (newline != std::string::npos) {
      const std::size_t length = newline - start_;
      Line line = take(length, skipped);
      start_ = newline + 1;
      return line;
    }
    scanned = buffer_.size() - start_;
    if (skipped + scanned > maxLineBytes_) {
      // Too long already: forget the bytes, keep only the count.
      skipped += scanned;
      start_ = buffer_.size();
      scanned = 0;
    }
    if (!refill()) {
      if (skipped + scanned == 0) return std::nullopt;
      Line line = take(scanned, skipped);
      start_ = buffer_.size();
      return line;
    }
  }
}

}  // namespace pixabots::mcp
