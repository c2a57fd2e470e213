#include "cli/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <string_view>

#include "io/fd.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::cli {
namespace {

[[noreturn]] void fail(const std::string& what, const std::string& shown, int err) {
  throw core::Error(core::Errc::io, "cannot " + what + " " + shown + ": " + std::strerror(err));
}

enum class Linked { yes, taken, unavailable };

// The O_TMPFILE way: the file has no name until linkat gives it one, which
// fails rather than replace anything. `unavailable` when the filesystem or
// kernel cannot (or /proc is missing), having linked nothing.
Linked linkUnnamed(int dirFd, const std::string& name, std::span<const std::uint8_t> bytes, const std::string& shown) {
#ifdef O_TMPFILE
  const io::Fd fd(::openat(dirFd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666));
  if (fd.get() < 0) return Linked::unavailable;
  // A failure leaves nothing: the unnamed file goes with its descriptor.
  if (!io::writeAll(fd.get(), bytes.data(), bytes.size())) fail("write", shown, errno);
  // linkat by the /proc name needs no privilege, unlike AT_EMPTY_PATH.
  const std::string self = "/proc/self/fd/" + std::to_string(fd.get());
  if (::linkat(AT_FDCWD, self.c_str(), dirFd, name.c_str(), AT_SYMLINK_FOLLOW) == 0) return Linked::yes;
  return errno == EEXIST ? Linked::taken : Linked::unavailable;
#else
  (void)dirFd, (void)name, (void)bytes, (void)shown;
  return Linked::unavailable;
#endif
}

// ".bot.png.Xk3_9qLm-2aZ": hidden, named after its target, and 72 random
// bits that nobody can guess to plant a link there first.
std::string tempName(const std::string& name) {
  static constexpr std::string_view kAlphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  std::random_device random;
  std::string temp = "." + name.substr(0, 200) + ".";  // stays under NAME_MAX (255)
  for (int i = 0; i < 12; ++i) temp += kAlphabet[random() % kAlphabet.size()];
  return temp;
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

void writeNamed(int dirFd, const std::string& name, std::span<const std::uint8_t> bytes, bool replace,
                const std::string& shown) {
  std::string temp;
  io::Fd fd;
  // A name taken by chance (or by anyone) is never opened: O_EXCL fails and another is drawn.
  for (int attempt = 0; attempt < 16 && fd.get() < 0; ++attempt) {
    temp = tempName(name);
    fd = io::Fd(::openat(dirFd, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
    if (fd.get() < 0 && errno != EEXIST) fail("create", shown, errno);
  }
  if (fd.get() < 0) fail("create", shown, EEXIST);
  int err = 0;
  if (!io::writeAll(fd.get(), bytes.data(), bytes.size())) err = errno;
  if (fd.close() != 0 && err == 0) err = errno;
  std::string what = "write";
  if (err == 0) {
    if (moveInto(dirFd, temp, name, replace) == 0) return;
    err = errno;
    what = replace ? "rename into" : "create";
  }
  ::unlinkat(dirFd, temp.c_str(), 0);
  fail(what, shown, err);
}

void writeAtPath(const std::filesystem::path& path, std::span<const std::uint8_t> bytes, bool replace,
                 std::string_view refusalHint) {
  const std::string shown = path.string();
  std::filesystem::path dir = path.parent_path();
  std::string name = path.filename().string();
  if (dir.empty()) dir = ".";
  if (name.empty()) name = ".";  // "out/" names the directory itself
  const io::Fd dirFd(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (dirFd.get() < 0) fail("create", shown, errno);
  const EntryType entry = entryAt(dirFd.get(), name, shown);
  if (entry.kind == EntryKind::other) {
    throw core::Error(core::Errc::io, "cannot write \"" + shown + "\": it is " + entry.name +
                                          ", not a regular file" + std::string(refusalHint));
  }
  writeFileAt(dirFd.get(), name, bytes, replace, shown);
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

void writeFileAt(int dirFd, const std::string& name, std::span<const std::uint8_t> bytes, bool replace,
                 const std::string& shown) {
  const bool taken = entryAt(dirFd, name, shown).kind != EntryKind::missing;
  if (taken && !replace) fail("create", shown, EEXIST);
  if (!taken) {
    const Linked linked = linkUnnamed(dirFd, name, bytes, shown);
    if (linked == Linked::yes) return;
    if (linked == Linked::taken && !replace) fail("create", shown, EEXIST);
  }
  writeNamed(dirFd, name, bytes, replace, shown);
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

}  // namespace pixabots::cli
