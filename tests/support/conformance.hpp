#pragma once
// The conformance fixtures (tests/data/conformance): the synthetic sprite pack
// and the render options of a case in cases.json.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pixabots/core/pack.hpp"
#include "pixabots/core/render.hpp"
#include "support/files.hpp"

namespace testing {

inline const pixabots::core::Pack& conformancePack() {
  static const pixabots::core::Pack pack = pixabots::core::Pack::fromDirectory(dataPath("conformance/pack"));
  return pack;
}

inline pixabots::core::RenderOptions caseOptions(const nlohmann::json& c) {
  pixabots::core::RenderOptions o;
  o.size = c["size"].get<int>();
  o.speed = c.value("speed", 1.0);
  o.hue = c.value("hue", 0.0);
  o.saturate = c.value("saturate", 1.0);
  if (c.contains("bg")) o.bg = pixabots::core::parseColor(c["bg"].get<std::string>());
  return o;
}

// The cases of one kind ("png", "svg", "ticks", "gif", "webp"), in file order.
inline std::vector<nlohmann::json> conformanceCases(std::string_view kind) {
  static const nlohmann::json all = nlohmann::json::parse(readText(dataPath("conformance/cases.json")));
  std::vector<nlohmann::json> cases;
  for (const auto& c : all["cases"]) {
    if (c["kind"] == kind) cases.push_back(c);
  }
  return cases;
}

}  // namespace testing
