#pragma once
// Lists given as files (batch --ids and --seeds, sheet --ids-file), read line
// by line within limits, so that /dev/zero or an endless pipe ends with an
// error instead of filling memory.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace pixabots::cli {

struct LineLimits {
  std::string_view option;  // the flag the file came with, for messages: "--ids"
  std::size_t lineBytes;    // the longest line, without its line ending
  std::size_t lines;        // the most lines, blank ones included
};

// "stdin" for "-", else the path: how messages name a list file.
std::string listFileLabel(const std::string& path);

// Calls `take(line, number)` for each line of `path` ("-": stdin) without its
// "\n" or "\r\n", numbered from 1, holding one line at a time. Throws
// core::Error(invalid_option) past a limit, e.g. "/dev/zero:1: line longer
// than 4096 bytes: --ids takes lines of at most 4096 bytes", and
// core::Error(io) when the file cannot be read.
void readListFile(const std::string& path, const LineLimits& limits,
                  const std::function<void(std::string_view line, std::size_t number)>& take);

}  // namespace pixabots::cli
