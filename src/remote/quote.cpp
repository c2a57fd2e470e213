#include "remote/quote.hpp"

#include <cctype>

namespace pixabots::remote {

std::string quote(std::string_view text, std::size_t limit) {
  std::string out;
  for (char c : text) out += std::iscntrl(static_cast<unsigned char>(c)) ? ' ' : c;
  if (out.size() <= limit) return out;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out + "...";
}

}  // namespace pixabots::remote
