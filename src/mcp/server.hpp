#pragma once
// The MCP server's loop: lines in, replies out, until the input ends. The
// stdio binding keeps stdout for the protocol alone.
#include <functional>
#include <string_view>

#include "mcp/line_reader.hpp"
#include "mcp/session.hpp"

namespace pixabots::mcp {

// Sends one reply line (without its newline); false when the client is gone.
using Send = std::function<bool(std::string_view line)>;

// Answers every line `reader` yields (oversized ones with -32600) until the
// input ends or `send` fails. Returns true at the end of the input.
bool serve(Session& session, LineReader& reader, const Send& send);

// serve() over stdin and stdout. Protocol lines go to the original stdout;
// file descriptor 1 is pointed at stderr first, so nothing else in the
// process (a library's stray print) can corrupt the stream. SIGPIPE is
// ignored so a vanished client ends the loop instead of the process.
// Returns the exit status: 0 at the end of stdin, 1 when stdout fails.
int serveStdio(Session& session);

}  // namespace pixabots::mcp
