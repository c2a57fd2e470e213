#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace pixabots::remote {

// A file being downloaded: written with no final name, so a reader of the
// directory never sees a partial asset, and named only by commit(). An
// unnamed O_TMPFILE where the filesystem has it (even SIGKILL then leaves
// nothing behind); elsewhere a hidden "<hint>.<pid>-<n>.part" file that the
// destructor removes unless committed.
class PendingFile {
 public:
  // Opens the temporary file in `dir`; `hint` names the fallback temp.
  // Throws Error(io) naming the directory and the system's reason.
  PendingFile(const std::filesystem::path& dir, std::string_view hint);
  ~PendingFile();
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  void write(std::string_view bytes);  // throws Error(io)
  void restart();                      // empties it, for a retried download
  // Gives the complete file the name `path` (flushed to disk first),
  // atomically replacing a file already there. Once only.
  void commit(const std::filesystem::path& path);

 private:
  [[noreturn]] void fail(const std::string& what, int err) const;

  std::filesystem::path dir_;
  std::filesystem::path named_;  // the fallback temp's name; empty for O_TMPFILE
  std::string hint_;
  int fd_ = -1;
};

}  // namespace pixabots::remote
