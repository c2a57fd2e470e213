#pragma once
#include <cstdint>
#include <span>
#include <string>

namespace pixabots::mcp {

// Standard base64 (RFC 4648, with '=' padding), as MCP image content carries it.
std::string base64Encode(std::span<const std::uint8_t> bytes);

}  // namespace pixabots::mcp
