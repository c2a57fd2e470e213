#pragma once
// `pixabots` links no libcurl: the commands that reach a provider (remote,
// generate for remote kinds, mcp's remote tools) run in pixabots-remote, a
// second program linked with libpixabots_remote. pixabots execs it with the
// same arguments, so its output, exit status and Ctrl-C handling are the
// command's own, and every other command starts without loading the
// network and TLS libraries (docs/cli.md, "Remote generation").
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pixabots::cli {

// pixabots-remote beside this executable, else in the libexec directory of
// its install prefix (PIXABOTS_REMOTE_HELPER_DIR, relative to the bin one);
// nullopt when neither is an executable file.
std::optional<std::filesystem::path> findRemoteHelper();

// Why there is no remote helper, naming every path looked at.
std::string remoteHelperMissing();

// Replaces this process with `helper COMMAND ARGS...`; throws
// std::runtime_error naming the helper when it cannot be started.
[[noreturn]] void execRemoteHelper(const std::filesystem::path& helper, std::string_view command,
                                   const std::vector<std::string_view>& args);

// execRemoteHelper with findRemoteHelper's program, or throws
// std::runtime_error(remoteHelperMissing()).
[[noreturn]] void runInRemoteHelper(std::string_view command, const std::vector<std::string_view>& args);

}  // namespace pixabots::cli
