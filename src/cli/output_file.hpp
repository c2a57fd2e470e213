#pragma once
// Output files: written whole or not at all, never through a symbolic link,
// and never over anything but a regular file. The CLI's -o, batch and the MCP
// tools' output_path all write this way.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace pixabots::cli {

// What a directory entry is, as a writer must know before replacing it.
enum class EntryKind { missing, regular, symlink, other };
struct EntryType {
  EntryKind kind;
  const char* name;  // for messages: "a regular file", "a character device", ...
};

// The entry `name` in the directory `dirFd`, not following a link there.
// Throws core::Error(io) naming `shown` when it cannot be looked at.
EntryType entryAt(int dirFd, const std::string& name, const std::string& shown);

// Writes `bytes` as `name` in the directory `dirFd`, whole or not at all. A
// new name gets an unnamed file (O_TMPFILE) linked in once complete, so even
// SIGKILL leaves nothing behind; otherwise (replacing, or no O_TMPFILE) the
// data goes to a new file of an unguessable name (O_CREAT|O_EXCL|O_NOFOLLOW)
// renamed into place and removed on any failure. Either way no existing file
// or link is ever opened, so a planted link cannot redirect the write. With
// `replace`, whatever has the name is replaced (callers check what it is
// first, with entryAt); without, the name must still be free when the file
// is linked in. No fsync: the promise is about failed and killed runs, not
// power loss (docs/cli.md). Throws core::Error(io) naming `shown` and why.
void writeFileAt(int dirFd, const std::string& name, std::span<const std::uint8_t> bytes, bool replace,
                 const std::string& shown);

// writeFileAt for a path: a directory, device, FIFO or socket there is
// refused, a symbolic link there is itself replaced by the file, and an
// existing regular file only with `replace` ("cannot create P: File exists").
void writeFile(const std::filesystem::path& path, std::span<const std::uint8_t> bytes, bool replace);

// A command's output (-o, --manifest): "-" is stdout, anything else is
// writeFile replacing what is there.
void writeOutput(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);

}  // namespace pixabots::cli
