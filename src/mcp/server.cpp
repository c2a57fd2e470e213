#include "mcp/server.hpp"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <string>

#include "io/fd.hpp"
#include "mcp/tools.hpp"

namespace pixabots::mcp {
namespace {

std::size_t readSome(int fd, char* buffer, std::size_t capacity) {
  for (;;) {
    const ssize_t n = ::read(fd, buffer, capacity);
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR) {
      std::clog << "pixabots mcp: cannot read stdin: " << std::strerror(errno) << "\n";
      return 0;
    }
  }
}

}  // namespace

void addLocalTools(ToolRegistry& registry, const core::Pack& pack, const WriteRoot* root) {
  addImageTools(registry, pack, root);
  addCatalogTools(registry, pack);
}

bool serve(Session& session, LineReader& reader, const Send& send) {
  while (const std::optional<Line> line = reader.next()) {
    std::optional<std::string> reply;
    if (line->oversized) {
      std::clog << "pixabots mcp: skipped a request of " << line->bytes << " bytes\n";
      reply = Session::oversizedReply(line->bytes, reader.limit());
    } else {
      reply = session.handleLine(line->text);
    }
    if (reply && !send(*reply)) return false;
  }
  return true;
}

int serveStdio(Session& session) {
  std::signal(SIGPIPE, SIG_IGN);
  std::cout.flush();
  const int protocol = ::dup(STDOUT_FILENO);
  if (protocol < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    std::clog << "pixabots mcp: cannot set up stdout: " << std::strerror(errno) << "\n";
    return 1;
  }
  LineReader reader([](char* buffer, std::size_t capacity) { return readSome(STDIN_FILENO, buffer, capacity); });
  // One write per message, newline included: each reply leaves at once.
  const bool ended = serve(session, reader, [protocol](std::string_view line) {
    const std::string message = std::string(line) + "\n";
    return io::writeAll(protocol, message.data(), message.size());
  });
  ::close(protocol);
  if (!ended) std::clog << "pixabots mcp: stdout closed; stopping\n";
  return ended ? 0 : 1;
}

}  // namespace pixabots::mcp
