#include "cli/output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <system_error>

#include <unistd.h>

#include "pixabots/core/error.hpp"

namespace pixabots::cli {

void writeOutput(const std::filesystem::path& path, std::span<const std::uint8_t> bytes) {
  auto fail = [&](const std::string& what, int err) {
    throw core::Error(core::Errc::io, "cannot " + what + " " + path.string() + ": " + std::strerror(err));
  };
  if (path == "-") {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() || std::fflush(stdout) != 0) {
      fail("write", errno);
    }
    return;
  }
  const std::filesystem::path temp = path.string() + ".tmp" + std::to_string(::getpid());
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) fail("create", errno);
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  const int writeErr = errno;
  if (std::fclose(f) != 0 || !written) {
    std::remove(temp.c_str());
    fail("write", written ? errno : writeErr);
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::remove(temp.c_str());
    fail("rename into", ec.value());
  }
}

}  // namespace pixabots::cli
