#include "pack/manifest.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "pixabots/core/error.hpp"

namespace pixabots::core::detail {
namespace {

using nlohmann::json;

constexpr std::string_view kFormat = "pixabots-pack";
constexpr int kVersion = 1;
constexpr int kMaxFrames = 64;
constexpr std::size_t kMaxPartName = 64;
constexpr std::size_t kMaxText = 128;
// The format itself is 4 levels deep; anything much deeper is garbage, and
// refusing it early keeps the recursive dump() used in messages off deep trees.
constexpr int kMaxDepth = 8;

// Quotes a value for a message, cut short so that a hostile manifest cannot
// blow up the message (cut on a UTF-8 boundary to keep it valid text).
std::string describe(const json& value) {
  constexpr std::size_t kMaxShown = 40;
  std::string text = value.dump();
  if (text.size() <= kMaxShown) return text;
  std::size_t cut = kMaxShown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u) --cut;
  text.resize(cut);
  return text + "...";
}

std::string jsonQuote(std::string_view s) { return describe(json(s)); }

std::string joinKeys(std::initializer_list<std::string_view> keys) {
  std::string out;
  for (auto key : keys) {
    if (!out.empty()) out += ", ";
    out += key;
  }
  return out;
}

// An integer in [lo, hi], whatever its JSON representation (signed or unsigned).
std::optional<int> intInRange(const json& v, int lo, int hi) {
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(hi)) return std::nullopt;
    const int i = static_cast<int>(u);
    return i >= lo ? std::optional<int>(i) : std::nullopt;
  }
  if (v.is_number_integer()) {
    const auto i = v.get<std::int64_t>();
    if (i < lo || i > hi) return std::nullopt;
    return static_cast<int>(i);
  }
  return std::nullopt;
}

// Thrown after a problem is reported when checking, to skip what the problem
// leaves unreadable (the manifest, a category or a part); loading has thrown
// the Error already.
struct Abandon {};

bool isPartName(std::string_view s) {
  return !s.empty() && s.size() <= kMaxPartName && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// nlohmann keeps the last of repeated keys silently; a strict manifest must
// refuse them, and can only see them while parsing. This tracks the JSON path
// of the value being parsed so the error can name it.
class ParseWatcher {
 public:
  explicit ParseWatcher(Problems& problems) : problems_(problems) {}

  bool operator()(int depth, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        if (depth >= kMaxDepth) {
          problems_.report(kManifestPath, where() + " nests deeper than " + std::to_string(kMaxDepth) +
                                              " levels, which the format never does");
          throw Abandon{};
        }
        stack_.push_back(Frame{event == json::parse_event_t::array_start, 0, {}, {}});
        break;
      case json::parse_event_t::key: {
        auto& top = stack_.back();
        top.key = parsed.get<std::string>();
        if (!top.keys.insert(top.key).second) {
          problems_.report(kManifestPath, where() + " appears twice");
        }
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        stack_.pop_back();
        valueDone();
        break;
      case json::parse_event_t::value: valueDone(); break;
    }
    return true;
  }

 private:
  struct Frame {
    bool array;
    std::size_t index;
    std::string key;
    std::set<std::string> keys;
  };

  void valueDone() {
    if (!stack_.empty() && stack_.back().array) ++stack_.back().index;
  }

  // Path of the value now being parsed, e.g. "categories.eyes[3].frames".
  std::string where() const {
    std::string path;
    for (const auto& frame : stack_) {
      if (frame.array) {
        path += '[' + std::to_string(frame.index) + ']';
      } else {
        if (!path.empty()) path += '.';
        path += frame.key;
      }
    }
    return path.empty() ? "the top level" : path;
  }

  Problems& problems_;
  std::vector<Frame> stack_;
};

class ManifestReader {
 public:
  explicit ManifestReader(Problems& problems) : problems_(problems) {}

  Manifest read(const json& root) {
    if (!root.is_object()) fail("", "must be an object, got " + describe(root));
    // Format and version first: a future version's new keys should be reported
    // as a version mismatch, not as unknown keys.
    const json& format = require(root, "format", "");
    if (!format.is_string() || format.get<std::string>() != kFormat) {
      fail("format", "must be " + jsonQuote(kFormat) + ", got " + describe(format));
    }
    const json& version = require(root, "version", "");
    if (intInRange(version, kVersion, kVersion) != kVersion) {
      fail("version",
           "must be " + std::to_string(kVersion) + " (the only version this library reads), got " + describe(version));
    }
    requireObject(root, "", {"format", "version", "name", "license", "categories"});
    Manifest manifest;
    manifest.name = optionalText(root, "name");
    optionalText(root, "license");

    const json& categories = require(root, "categories", "");
    requireObject(categories, "categories", {"eyes", "heads", "body", "top"});
    for (Category c : kEncodingOrder) {
      const std::string key(categoryName(c));
      try {
        manifest.parts[static_cast<std::size_t>(c)] =
            readCategory(require(categories, key, "categories"), "categories." + key);
      } catch (const Abandon&) {
        // This category is unreadable; the others still name sheets to check.
      }
    }
    return manifest;
  }

 private:
  // A problem that leaves the rest of the current part, category or manifest unreadable.
  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    flag(path, problem);
    throw Abandon{};
  }

  // A problem after which reading can go on.
  void flag(const std::string& path, const std::string& problem) const {
    problems_.report(kManifestPath, (path.empty() ? "the top level" : path) + " " + problem);
  }

  static std::string child(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

  void requireObject(const json& v, const std::string& path, std::initializer_list<std::string_view> allowed) const {
    if (!v.is_object()) fail(path, "must be an object, got " + describe(v));
    for (const auto& item : v.items()) {
      if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
        flag(path, "has an unknown key " + jsonQuote(item.key()) + "; allowed: " + joinKeys(allowed));
      }
    }
  }

  const json& require(const json& object, const std::string& key, const std::string& path) const {
    const auto it = object.find(key);
    if (it == object.end()) fail(child(path, key), "is required");
    return *it;
  }

  std::string optionalText(const json& object, const std::string& key) const {
    const auto it = object.find(key);
    if (it == object.end()) return {};
    if (!it->is_string() || it->get_ref<const std::string&>().empty() ||
        it->get_ref<const std::string&>().size() > kMaxText) {
      flag(key, "must be a non-empty string of at most " + std::to_string(kMaxText) + " bytes, got " + describe(*it));
      return {};
    }
    return it->get<std::string>();
  }

  std::vector<Part> readCategory(const json& list, const std::string& path) const {
    const std::string range = "1.." + std::to_string(kMaxPartsPerCategory);
    if (!list.is_array()) fail(path, "must be an array of " + range + " parts, got " + describe(list));
    if (list.empty() || list.size() > static_cast<std::size_t>(kMaxPartsPerCategory)) {
      const std::string problem =
          "must hold " + range + " parts (one base-36 ID character), got " + std::to_string(list.size());
      // Too many parts still name sheets worth checking.
      if (list.empty()) fail(path, problem);
      flag(path, problem);
    }

    std::vector<Part> parts;
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string partPath = path + "[" + std::to_string(i) + "]";
      try {
        Part part = readPart(list[i], partPath);
        const auto same = std::find_if(parts.begin(), parts.end(), [&](const Part& p) { return p.name == part.name; });
        if (same != parts.end()) {
          // Positions in the list, not in `parts`, which lacks the unreadable ones.
          flag(partPath + ".name", jsonQuote(part.name) + " repeats " + path + "[" +
                                       std::to_string(positions[static_cast<std::size_t>(same - parts.begin())]) +
                                       "].name");
          continue;  // its sheet is checked once, for the first
        }
        parts.push_back(std::move(part));
        positions.push_back(i);
      } catch (const Abandon&) {
        // This part is unreadable; the next ones still are.
      }
    }
    return parts;
  }

  Part readPart(const json& v, const std::string& path) const {
    requireObject(v, path, {"name", "frames", "kind"});
    Part part;

    const json& name = require(v, "name", path);
    if (!name.is_string() || !isPartName(name.get_ref<const std::string&>())) {
      fail(path + ".name", "must be 1.." + std::to_string(kMaxPartName) +
                               " characters of a-z, 0-9 and '-' (it names a file), got " + describe(name));
    }
    part.name = name.get<std::string>();

    if (const auto it = v.find("frames"); it != v.end()) {
      const auto frames = intInRange(*it, 1, kMaxFrames);
      if (!frames) {
        fail(path + ".frames", "must be an integer 1.." + std::to_string(kMaxFrames) + ", got " + describe(*it));
      }
      part.frames = *frames;
    }

    // A multi-frame part without a kind most likely means "play every frame".
    part.kind = part.frames == 1 ? PartKind::still : PartKind::sequence;
    if (const auto it = v.find("kind"); it != v.end()) {
      const std::string_view kind =
          it->is_string() ? std::string_view(it->get_ref<const std::string&>()) : std::string_view();
      if (kind == "static") {
        part.kind = PartKind::still;
      } else if (kind == "blink") {
        part.kind = PartKind::blink;
      } else if (kind == "sequence") {
        part.kind = PartKind::sequence;
      } else {
        flag(path + ".kind", R"(must be one of "static", "blink", "sequence", got )" + describe(*it));
        return part;
      }
      checkKindFrames(part, path);
    }
    return part;
  }

  // The animation plays each kind in a fixed way, so a frame count that does
  // not fit the kind is a mistake in the manifest.
  void checkKindFrames(const Part& part, const std::string& path) const {
    const std::string got = ", got frames " + std::to_string(part.frames);
    switch (part.kind) {
      case PartKind::still:
        if (part.frames != 1) flag(path + ".kind", R"("static" needs 1 frame)" + got);
        break;
      case PartKind::blink:
        if (part.frames != 2) flag(path + ".kind", R"("blink" needs 2 frames [open, closed])" + got);
        break;
      case PartKind::sequence:
        if (part.frames < 2) flag(path + ".kind", R"("sequence" needs 2..64 frames)" + got);
        break;
    }
  }

  Problems& problems_;
};

// One past the bracket that closes the top-level object or array, or the end
// of the input when nothing closes it. The parser cannot tell: it stops at a
// NUL byte as at the end of the input, so "{...}\0garbage" parses.
std::size_t valueEnd(std::span<const std::uint8_t> bytes) {
  int depth = 0;
  bool inString = false;
  bool escaped = false;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const std::uint8_t c = bytes[i];
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = false;
      }
    } else if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return bytes.size();
}

std::string describeByte(std::uint8_t c) {
  if (c > ' ' && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
  constexpr char kHex[] = "0123456789abcdef";
  return std::string("0x") + kHex[c >> 4] + kHex[c & 0xf];
}

}  // namespace

std::optional<Manifest> parseManifest(std::span<const std::uint8_t> bytes, Problems& problems) {
  // The JSON is parsed up to where it ends, and what follows checked here.
  const std::size_t end = valueEnd(bytes);
  json root;
  try {
    ParseWatcher watcher(problems);
    root = json::parse(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(end), std::ref(watcher));
  } catch (const json::exception& e) {
    // Syntax errors (parse_error) and numbers too large for a double
    // (out_of_range 406). what() is "[json.exception.parse_error.101] parse
    // error at line 1, column 5: ..."; keep the position and the reason, drop
    // the library's tag, and cap the length (it can quote the input).
    std::string_view what = e.what();
    if (const auto tagEnd = what.find("] "); tagEnd != std::string_view::npos) {
      what.remove_prefix(tagEnd + 2);
    }
    constexpr std::size_t kMaxReason = 200;
    std::string reason(what.substr(0, kMaxReason));
    if (what.size() > kMaxReason) reason += "...";
    problems.report(kManifestPath, "malformed JSON: " + reason);
    return std::nullopt;
  } catch (const Abandon&) {
    return std::nullopt;
  }
  const auto trailing = std::find_if(bytes.begin() + static_cast<std::ptrdiff_t>(end), bytes.end(),
                                     [](std::uint8_t c) { return c != ' ' && c != '\t' && c != '\n' && c != '\r'; });
  if (trailing != bytes.end()) {
    problems.report(kManifestPath, "trailing bytes after the JSON, from offset " +
                                       std::to_string(trailing - bytes.begin()) + " (" + describeByte(*trailing) +
                                       "): only whitespace may follow it");
    return std::nullopt;
  }
  try {
    return ManifestReader(problems).read(root);
  } catch (const Abandon&) {
    return std::nullopt;
  }
}

}  // namespace pixabots::core::detail
