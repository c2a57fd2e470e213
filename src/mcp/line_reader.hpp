#pragma once
// Splits a byte stream into lines with a hard cap on their length: a longer
// line is skipped up to its newline without being held in memory, and
// reported with its size so the server can answer it and carry on.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace pixabots::mcp {

// 4 MiB: a request carries at most a model input or a few IDs.
inline constexpr std::size_t kMaxLineBytes = std::size_t{4} << 20;

struct Line {
  std::string text;        // without the newline (and a trailing '\r'); empty when oversized
  std::size_t bytes = 0;   // the line's length, counted even when it was skipped
  bool oversized = false;  // longer than the reader's limit
};

class LineReader {
 public:
  // Fills `buffer` with up to `capacity` bytes, returning how many; 0 means
  // end of input. It may return fewer than asked (a pipe's read()).
  using Source = std::function<std::size_t(char* buffer, std::size_t capacity)>;

  explicit LineReader(Source source, std::size_t maxLineBytes = kMaxLineBytes);

  // The next line; nullopt at end of input. A last line without a newline
  // still counts as a line.
  std::optional<Line> next();
  std::size_t limit() const { return maxLineBytes_; }

 private:
  bool refill();
  // The line of `length` bytes at start_, after `skipped` bytes already dropped.
  Line take(std::size_t length, std::size_t skipped) const;

  Source source_;
  std::size_t maxLineBytes_;
  std::string buffer_;     // bytes read but not yet returned
  std::size_t start_ = 0;  // where the unread part of buffer_ begins
  bool eof_ = false;
};

}  // namespace pixabots::mcp
