#pragma once
// Output files: written whole or not at all, never through a symbolic link,
// and never over anything but a regular file. The CLI's -o, batch, the MCP
// tools' output_path and remote downloads all write this way.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "io/fd.hpp"

namespace pixabots::io {

// What a directory entry is, as a writer must know before replacing it.
enum class EntryKind { missing, regular, symlink, other };
struct EntryType {
  EntryKind kind;
  const char* name;  // for messages: "a regular file", "a character device", ...
};

// The entry `name` in the directory `dirFd`, not following a link there.
// Throws core::Error(io) naming `shown` when it cannot be looked at.
EntryType entryAt(int dirFd, const std::string& name, const std::string& shown);

// A file being written in the directory `dirFd` (which must outlive it),
// named only by commit(), so a reader never sees it partial. An unnamed file
// (O_TMPFILE) where the filesystem has it, so even SIGKILL leaves nothing
// behind; elsewhere a new file of an unguessable name beside the target
// (".<hint>." and 72 random bits, O_CREAT|O_EXCL|O_NOFOLLOW) that the
// destructor removes unless committed. No existing file or link is ever
// opened, so a planted link cannot redirect the data. Every failure throws
// core::Error(io) naming `shown` and the system's reason.
class PendingFile {
 public:
  PendingFile(int dirFd, const std::string& hint, std::string shown);
  ~PendingFile();
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  void write(std::span<const std::uint8_t> bytes);
  void restart();  // empties it, for a retried download
  // Gives the complete file the name `name` in the directory, once. A
  // directory, device, FIFO or socket there is refused ("cannot write
  // \"SHOWN\": it is a FIFO, not a regular file"); a regular file or a link
  // is replaced only with `replace` (the link itself, never its target), and
  // atomically. With `sync` the data reaches the disk before the name does.
  void commit(const std::string& name, bool replace, bool sync, const std::string& shown);

 private:
  int dirFd_;
  std::string hint_;
  std::string shown_;
  Fd fd_;
  std::string named_;  // the named temp; empty for an unnamed file or once committed
};

// Writes `bytes` as `name` in the directory `dirFd`, through a PendingFile.
// Without `replace`, the name must still be free when the file is linked in
// ("cannot create SHOWN: File exists"). No fsync: the promise is about failed
// and killed runs, not power loss (docs/cli.md).
void writeFileAt(int dirFd, const std::string& name, std::span<const std::uint8_t> bytes, bool replace,
                 const std::string& shown);

// writeFileAt for a path, refusing a target that is not a regular file or a
// link before anything is written.
void writeFile(const std::filesystem::path& path, std::span<const std::uint8_t> bytes, bool replace);

// A command's output (-o, --manifest): "-" is stdout, anything else is
// writeFile replacing what is there.
void writeOutput(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);

// Throws the refusal writeFile(path, ..., true) would, before the caller
// spends anything on the output (a download, a paid generation).
void checkOutputTarget(const std::filesystem::path& path);

// Renames the finished file `from` to `to` (on the same filesystem), refusing
// what writeFile refuses there and replacing what it replaces.
void renameOutput(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace pixabots::io
