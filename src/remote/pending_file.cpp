#include "remote/pending_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <functional>

#include "remote/error.hpp"

namespace pixabots::remote {
namespace {

// Temp names differ across threads of one process; the pid separates processes.
std::atomic<unsigned> tempCounter{0};

// A fresh hidden name in `dir`, taken by `create` (which returns 0 or an
// errno): tries the next name while one exists; returns the errno of any
// other failure, with `name` unset.
int takeUniqueName(const std::filesystem::path& dir, const std::string& hint, std::filesystem::path& name,
                   const std::function<int(const std::filesystem::path&)>& create) {
  for (;;) {
    const std::filesystem::path candidate =
        dir / ("." + hint + "." + std::to_string(::getpid()) + "-" + std::to_string(tempCounter++) + ".part");
    const int err = create(candidate);
    if (err == 0) name = candidate;
    if (err != EEXIST) return err;
  }
}

}  // namespace

PendingFile::PendingFile(const std::filesystem::path& dir, std::string_view hint) : dir_(dir), hint_(hint) {
#ifdef O_TMPFILE
  // commit() names an unnamed file through /proc (linkat with AT_EMPTY_PATH
  // would need a privilege), so without /proc it is of no use.
  if (::access("/proc/self/fd", X_OK) == 0) {
    fd_ = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (fd_ >= 0) return;
  }
#endif
  // No O_TMPFILE on this filesystem or kernel: a named temp, the same way a
  // real failure (no such directory, no permission) is reported.
  const int err = takeUniqueName(dir_, hint_, named_, [this](const std::filesystem::path& p) {
    fd_ = ::open(p.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
    return fd_ < 0 ? errno : 0;
  });
  if (err != 0) fail("cannot create a temporary file in " + dir_.string(), err);
}

PendingFile::~PendingFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!named_.empty()) ::unlink(named_.c_str());
}

void PendingFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("cannot write a temporary file in " + dir_.string(), n < 0 ? errno : EIO);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void PendingFile::restart() {
  if (::ftruncate(fd_, 0) != 0 || ::lseek(fd_, 0, SEEK_SET) != 0)
    fail("cannot empty a temporary file in " + dir_.string(), errno);
}

void PendingFile::commit(const std::filesystem::path& path) {
  if (::fsync(fd_) != 0) fail("cannot flush " + path.string(), errno);
  if (named_.empty()) {
    const std::string self = "/proc/self/fd/" + std::to_string(fd_);
    const auto link = [&](const std::filesystem::path& to) {
      return ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, to.c_str(), AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
    };
    const int err = link(path);
    if (err == 0) return;
    if (err != EEXIST) fail("cannot create " + path.string(), err);
    // linkat never replaces: a temporary name first, then rename over the
    // old file, so the name always holds a whole file.
    if (const int tempErr = takeUniqueName(dir_, hint_, named_, link))
      fail("cannot create a temporary file in " + dir_.string(), tempErr);
  }
  if (::rename(named_.c_str(), path.c_str()) != 0) fail("cannot rename a temporary file to " + path.string(), errno);
  named_.clear();
}

void PendingFile::fail(const std::string& what, int err) const {
  throw Error(Errc::io, what + ": " + std::strerror(err));
}

}  // namespace pixabots::remote
