#include "codecs/webp/vp8l_entropy.hpp"

namespace pixabots::core::detail::vp8l {

void histogramsOf(std::span<const Token> tokens, Histograms& h) {
  h.clear();
  for (const Token& t : tokens) {
    if (t.length == 0) {
      h.literal(t.argb);
      continue;
    }
    const Prefix d = prefixOf(t.distance);
    forEachCopy(t.length, [&](std::uint32_t chunk) {
      const Prefix l = prefixOf(chunk);
      h.green.add(static_cast<std::size_t>(kLiteralSymbols + l.symbol));
      h.distance.add(static_cast<std::size_t>(d.symbol));
      h.extraBits += static_cast<std::size_t>(l.extraBits + d.extraBits);
    });
  }
}

void writeTokens(BitWriter& w, std::span<const Token> tokens, Codes& codes) {
  codes.writeDescriptions(w);
  for (const Token& t : tokens) {
    if (t.length == 0) {
      codes.literal(w, t.argb);
      continue;
    }
    const Prefix d = prefixOf(t.distance);
    forEachCopy(t.length, [&](std::uint32_t chunk) {
      const Prefix l = prefixOf(chunk);
      codes.green.put(w, kLiteralSymbols + l.symbol);
      w.put(l.extra, l.extraBits);
      codes.distance.put(w, d.symbol);
      w.put(d.extra, d.extraBits);
    });
  }
}

}  // namespace pixabots::core::detail::vp8l
