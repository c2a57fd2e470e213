// Pack::fromDirectory, and the directory reading that checkPackDirectory shares.
#include "pack/directory.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <iterator>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "io/fd.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core {
namespace detail {
namespace {

namespace fs = std::filesystem;

using io::Fd;

std::string errnoMessage() { return std::generic_category().message(errno); }

// The pack directory as files are read from it: resolved once, and held open.
struct Root {
  fs::path real;  // canonical
  Fd fd;
};

// Reads `path` into `buffer` (reused between files: only one is looked at at a
// time). Symbolic links are followed only as far as they stay inside the pack:
// the path is resolved, refused when it leads out, and the resolved path is
// then opened from the root one component at a time without following links,
// so a link planted after the check cannot lead out either. The size is
// checked on the open file before reading.
FoundFile readFile(const Root& root, const fs::path& dir, const std::string& path, std::size_t maxBytes,
                   Problems& problems, std::vector<std::uint8_t>& buffer) {
  const FoundFile unreadable{FoundFile::State::unreadable, {}};
  std::error_code ec;
  const fs::path real = fs::canonical(dir / path, ec);
  if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) return FoundFile{};
  if (ec) {
    problems.report(path, "cannot read: " + ec.message(), Errc::io);
    return unreadable;
  }
  const fs::path inside = real.lexically_relative(root.real);
  if (inside.empty() || *inside.begin() == "..") {
    problems.report(path, "resolves to " + real.generic_string() +
                              ", outside the pack directory; symbolic links must stay inside it");
    return unreadable;
  }

  Fd file;
  int at = root.fd.get();
  for (auto part = inside.begin(); part != inside.end(); ++part) {
    const bool last = std::next(part) == inside.end();
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    const int flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (last ? O_NONBLOCK : O_DIRECTORY);
    const int fd = ::openat(at, part->c_str(), flags);
    if (fd < 0) {
      problems.report(path, "cannot read: " + errnoMessage(), Errc::io);
      return unreadable;
    }
    file = Fd(fd);
    at = fd;
  }

  struct stat info {};
  if (::fstat(file.get(), &info) != 0) {
    problems.report(path, "cannot read: " + errnoMessage(), Errc::io);
    return unreadable;
  }
  // Also keeps FIFOs and devices out: reading one could block or never end.
  if (!S_ISREG(info.st_mode)) {
    problems.report(path, "not a regular file");
    return unreadable;
  }
  const auto size = static_cast<std::uintmax_t>(info.st_size);
  if (size > maxBytes) {
    problems.report(path, tooBig(size, maxBytes));
    return unreadable;
  }

  // One byte more than the size, to notice a file that grew.
  buffer.resize(static_cast<std::size_t>(size) + 1);
  std::size_t got = 0;
  while (got < buffer.size()) {
    const ssize_t n = ::read(file.get(), buffer.data() + got, buffer.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      problems.report(path, "cannot read: " + errnoMessage(), Errc::io);
      return unreadable;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got != size) {
    problems.report(path, "cannot read: the file changed while it was being read", Errc::io);
    return unreadable;
  }
  buffer.resize(got);
  return FoundFile{FoundFile::State::found, buffer};
}

}  // namespace

std::optional<PackContents> loadDirectory(const fs::path& dir, const PackLimits& limits, Problems& problems) {
  const std::string origin = dir.generic_string();
  std::error_code ec;
  const auto status = fs::status(dir, ec);
  if (status.type() == fs::file_type::not_found) {
    throw Error(Errc::io, "pack directory " + origin + ": does not exist");
  }
  if (ec) throw Error(Errc::io, "pack directory " + origin + ": cannot read: " + ec.message());
  if (!fs::is_directory(status)) throw Error(Errc::io, "pack directory " + origin + ": not a directory");

  // Without a manifest name the pack is named after the directory; resolve
  // "." or "packs/robots/" to the directory's real name first.
  const fs::path absolute = fs::absolute(dir, ec);
  std::string unnamed = ec ? std::string() : baseName(absolute.lexically_normal().generic_string());
  if (unnamed.empty()) unnamed = unnamedPack(origin);

  Root root{fs::canonical(dir, ec), Fd()};
  if (!ec) root.fd = Fd(::open(root.real.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (ec || root.fd.get() < 0) {
    throw Error(Errc::io, "pack directory " + origin + ": cannot read: " + (ec ? ec.message() : errnoMessage()));
  }

  std::vector<std::uint8_t> buffer;
  const FileSource source = [&](const std::string& path) {
    return readFile(root, dir, path, limits.maxFileBytes, problems, buffer);
  };
  return assemblePack(source, limits, problems, unnamed);
}

}  // namespace detail

Pack Pack::fromDirectory(const std::filesystem::path& dir, const PackLimits& limits) {
  detail::Problems problems(dir.generic_string());
  // Loading throws at the first problem, so there are contents when it returns.
  auto contents = detail::loadDirectory(dir, limits, problems).value();
  return Pack(std::move(contents.name), std::move(contents.catalog), std::move(contents.sheets));
}

}  // namespace pixabots::core
