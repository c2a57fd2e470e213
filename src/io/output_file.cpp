#include "io/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

#include "pixabots/core/error.hpp"

namespace pixabots::io {
namespace {

[[noreturn]] void fail(const std::string& what, const std::string& shown, int err) {
  throw core::Error(core::Errc::io, "cannot " + what + " " + shown + ": " + std::strerror(err));
}

// What is at `name`, refused when a writer may not replace it: anything but a
// regular file or a link, or anything at all without `replace`.
EntryType replaceable(int dirFd, const std::string& name, bool replace, const std::string& shown,
                      std::string_view refusalHint) {
  const EntryType entry = entryAt(dirFd, name, shown);
  if (entry.kind == EntryKind::other) {
    throw core::Error(core::Errc::io, "cannot write \"" + shown + "\": it is " + entry.name + ", not a regular file" +
                                          std::string(refusalHint));
  }
  if (entry.kind != EntryKind::missing && !replace) fail("create", shown, EEXIST);
  return entry;
}

// An unnamed file gets its name by linkat of its /proc name (AT_EMPTY_PATH
// would need a privilege), so without /proc it could never be named.
bool canNameUnnamed() {
  static const bool procMounted = ::access("/proc/self/fd", X_OK) == 0;
  return procMounted;
}

// ".bot.png.Xk3_9qLm-2aZ": hidden, named after its target, and 72 random
// bits that nobody can guess to plant a link there first.
std::string tempName(const std::string& hint) {
  static constexpr std::string_view kAlphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  std::random_device random;
  std::string temp = "." + hint.substr(0, 200) + ".";  // stays under NAME_MAX (255)
  for (int i = 0; i < 12; ++i) temp += kAlphabet[random() % kAlphabet.size()];
  return temp;
}

// A fresh temporary name taken by `take` (0 or an errno). A name taken by
// chance (or by anyone) is never opened: `take` fails with EEXIST and another
// is drawn.
template <class Take>
std::string drawName(const std::string& hint, const std::string& shown, Take take) {
  for (int attempt = 0; attempt < 16; ++attempt) {
    std::string temp = tempName(hint);
    const int err = take(temp);
    if (err == 0) return temp;
    if (err != EEXIST) fail("create", shown, err);
  }
  fail("create", shown, EEXIST);
}

// Moves the finished temporary file to `name`; -1 with errno set on failure.
int moveInto(int dirFd, const std::string& temp, const std::string& name, bool replace) {
  if (replace) return ::renameat(dirFd, temp.c_str(), dirFd, name.c_str());
  if (::renameat2(dirFd, temp.c_str(), dirFd, name.c_str(), RENAME_NOREPLACE) == 0) return 0;
  // Filesystems without RENAME_NOREPLACE still refuse to link over a name.
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) return -1;
  if (::linkat(dirFd, temp.c_str(), dirFd, name.c_str(), 0) != 0) return -1;
  ::unlinkat(dirFd, temp.c_str(), 0);
  return 0;
}

// The directory of `path` (opened without reading it) and the name in it.
struct Place {
  Fd dir;
  std::string name;
};
Place placeOf(const std::filesystem::path& path, const std::string& shown) {
  std::filesystem::path dir = path.parent_path();
  std::string name = path.filename().string();
  if (dir.empty()) dir = ".";
  if (name.empty()) name = ".";  // "out/" names the directory itself
  Fd dirFd(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (dirFd.get() < 0) fail("create", shown, errno);
  return {std::move(dirFd), std::move(name)};
}

void writeAtPath(const std::filesystem::path& path, std::span<const std::uint8_t> bytes, bool replace,
                 std::string_view refusalHint) {
  const std::string shown = path.string();
  const Place place = placeOf(path, shown);
  // Checked before anything is written, with the caller's hint; commit checks again.
  replaceable(place.dir.get(), place.name, replace, shown, refusalHint);
  writeFileAt(place.dir.get(), place.name, bytes, replace, shown);
}

}  // namespace

EntryType entryAt(int dirFd, const std::string& name, const std::string& shown) {
  struct stat st {};
  if (::fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno == ENOENT) return {EntryKind::missing, "nothing"};
    fail("create", shown, errno);
  }
  switch (st.st_mode & S_IFMT) {
    case S_IFREG: return {EntryKind::regular, "a regular file"};
    case S_IFLNK: return {EntryKind::symlink, "a symbolic link"};
    case S_IFDIR: return {EntryKind::other, "a directory"};
    case S_IFCHR: return {EntryKind::other, "a character device"};
    case S_IFBLK: return {EntryKind::other, "a block device"};
    case S_IFIFO: return {EntryKind::other, "a FIFO"};
    case S_IFSOCK: return {EntryKind::other, "a socket"};
    default: return {EntryKind::other, "a special file"};
  }
}

PendingFile::PendingFile(int dirFd, const std::string& hint, std::string shown)
    : dirFd_(dirFd), hint_(hint), shown_(std::move(shown)) {
#ifdef O_TMPFILE
  if (canNameUnnamed()) {
    fd_ = Fd(::openat(dirFd_, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666));
    if (fd_.get() >= 0) return;
  }
#endif
  // No O_TMPFILE here: a named temp, which also reports a real failure (no
  // such directory, no permission).
  named_ = drawName(hint_, shown_, [&](const std::string& temp) {
    fd_ = Fd(::openat(dirFd_, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
    return fd_.get() < 0 ? errno : 0;
  });
}

PendingFile::~PendingFile() {
  if (!named_.empty()) ::unlinkat(dirFd_, named_.c_str(), 0);
}

void PendingFile::write(std::span<const std::uint8_t> bytes) {
  if (!writeAll(fd_.get(), bytes.data(), bytes.size())) fail("write", shown_, errno);
}

void PendingFile::restart() {
  if (::ftruncate(fd_.get(), 0) != 0 || ::lseek(fd_.get(), 0, SEEK_SET) != 0) fail("write", shown_, errno);
}

void PendingFile::commit(const std::string& name, bool replace, bool sync, const std::string& shown) {
  const bool taken = replaceable(dirFd_, name, replace, shown, "").kind != EntryKind::missing;
  if (sync && ::fsync(fd_.get()) != 0) fail("write", shown, errno);
  if (named_.empty()) {
    const std::string self = "/proc/self/fd/" + std::to_string(fd_.get());
    const auto link = [&](const std::string& to) {
      return ::linkat(AT_FDCWD, self.c_str(), dirFd_, to.c_str(), AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
    };
    if (!taken) {
      const int err = link(name);
      if (err == 0) return;
      if (err != EEXIST || !replace) fail("create", shown, err);
    }
    // linkat never replaces: a temporary name first, then a rename over the old entry.
    named_ = drawName(hint_, shown, link);
  }
  // A network filesystem may report a failed write only at close.
  if (fd_.close() != 0) fail("write", shown, errno);
  if (moveInto(dirFd_, named_, name, replace) != 0) fail(replace ? "rename into" : "create", shown, errno);
  named_.clear();
}

void writeFileAt(int dirFd, const std::string& name, std::span<const std::uint8_t> bytes, bool replace,
                 const std::string& shown) {
  PendingFile file(dirFd, name, shown);
  file.write(bytes);
  file.commit(name, replace, false, shown);
}

void writeFile(const std::filesystem::path& path, std::span<const std::uint8_t> bytes, bool replace) {
  writeAtPath(path, bytes, replace, "");
}

void writeOutput(const std::filesystem::path& path, std::span<const std::uint8_t> bytes) {
  if (path == "-") {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() || std::fflush(stdout) != 0) {
      fail("write", "-", errno);
    }
    return;
  }
  writeAtPath(path, bytes, true, "; use - for stdout");
}

void checkOutputTarget(const std::filesystem::path& path) {
  const std::string shown = path.string();
  const Place place = placeOf(path, shown);
  replaceable(place.dir.get(), place.name, true, shown, "");
}

void renameOutput(const std::filesystem::path& from, const std::filesystem::path& to) {
  const std::string shown = to.string();
  const Place place = placeOf(to, shown);
  replaceable(place.dir.get(), place.name, true, shown, "");
  if (::renameat(AT_FDCWD, from.c_str(), place.dir.get(), place.name.c_str()) != 0) fail("rename into", shown, errno);
}

}  // namespace pixabots::io
