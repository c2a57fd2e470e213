#include "cli/remote/helper.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace pixabots::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHelperName = "pixabots-remote";

// Where pixabots-remote may be, in the order looked at. Relative to the real
// executable (/proc/self/exe), never to $PATH: a helper of another version
// found there would take these arguments.
std::vector<fs::path> candidates() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const fs::path dir = self.parent_path();
  return {dir / kHelperName, (dir / PIXABOTS_REMOTE_HELPER_DIR / kHelperName).lexically_normal()};
}

}  // namespace

std::optional<fs::path> findRemoteHelper() {
  for (const fs::path& path : candidates()) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0) return path;
  }
  return std::nullopt;
}

std::string remoteHelperMissing() {
  std::string looked;
  for (const fs::path& path : candidates()) looked += (looked.empty() ? "" : " and ") + path.string();
  if (looked.empty()) looked = "nothing (/proc/self/exe cannot be read)";
  return std::string("remote generation runs in the program ") + kHelperName + ", which was not found: looked for " +
         looked + ". Install it with pixabots (cmake --install), or build with libcurl (PIXABOTS_REMOTE=ON)";
}

void execRemoteHelper(const fs::path& helper, std::string_view command, const std::vector<std::string_view>& args) {
  std::vector<std::string> owned{helper.string(), std::string(command)};
  for (std::string_view a : args) owned.emplace_back(a);
  std::vector<char*> argv;
  for (std::string& s : owned) argv.push_back(s.data());
  argv.push_back(nullptr);
  ::execv(argv[0], argv.data());
  throw std::runtime_error("cannot start " + helper.string() + ": " + std::strerror(errno));
}

void runInRemoteHelper(std::string_view command, const std::vector<std::string_view>& args) {
  const auto helper = findRemoteHelper();
  if (!helper) throw std::runtime_error(remoteHelperMissing());
  execRemoteHelper(*helper, command, args);
}

}  // namespace pixabots::cli
