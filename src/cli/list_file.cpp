#include "cli/list_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "pixabots/core/error.hpp"

namespace pixabots::cli {

std::string listFileLabel(const std::string& path) { return path == "-" ? "stdin" : path; }

void readListFile(const std::string& path, const LineLimits& limits,
                  const std::function<void(std::string_view line, std::size_t number)>& take) {
  const std::string label = listFileLabel(path);
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(path == "-" ? nullptr : std::fopen(path.c_str(), "rb"),
                                                             &std::fclose);
  if (path != "-" && !file) throw core::Error(core::Errc::io, "cannot read " + path + ": " + std::strerror(errno));
  std::FILE* in = path == "-" ? stdin : file.get();
  auto tooMany = [&](std::size_t number) {
    const std::string limit = std::to_string(limits.lines);
    throw core::Error(core::Errc::invalid_option, label + ":" + std::to_string(number) + ": more than " + limit +
                                                      " lines: " + std::string(limits.option) + " takes at most " +
                                                      limit + " lines; split the list");
  };
  std::string line;
  std::size_t number = 1;
  auto finish = [&] {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // files written on Windows
    take(line, number);
    line.clear();
    ++number;
  };
  char buffer[65536];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, in)) {
    for (std::size_t i = 0; i < n; ++i) {
      if (number > limits.lines) tooMany(number);
      if (buffer[i] == '\n') {
        finish();
        continue;
      }
      // One byte over the limit is kept for a "\r" before the "\n".
      if (line.size() > limits.lineBytes || (line.size() == limits.lineBytes && buffer[i] != '\r')) {
        const std::string limit = std::to_string(limits.lineBytes);
        throw core::Error(core::Errc::invalid_option, label + ":" + std::to_string(number) + ": line longer than " +
                                                          limit + " bytes: " + std::string(limits.option) +
                                                          " takes lines of at most " + limit + " bytes");
      }
      line.push_back(buffer[i]);
    }
  }
  if (std::ferror(in)) throw core::Error(core::Errc::io, "cannot read " + label + ": " + std::strerror(errno));
  if (!line.empty()) {
    if (number > limits.lines) tooMany(number);
    finish();
  }
}

}  // namespace pixabots::cli
