#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "pixabots/core/json.hpp"

using namespace pixabots::core;

namespace {
Combo combo(const char* id) { return decodeId(Catalog::service(), id); }
}  // namespace

TEST_CASE("metadata JSON has the service's shape, field order and URLs") {
  CHECK(metadataJson(Pack::embedded(), combo("2156")) ==
        R"({"id":"2156","combo":{"eyes":2,"heads":1,"body":5,"top":6},)"
        R"("parts":{"eyes":"glasses","heads":"blob","body":"wings","top":"mohawk"},)"
        R"("png":"https://pixabots.com/api/pixabot/2156?size=128",)"
        R"("gif":"https://pixabots.com/api/pixabot/2156?size=128&animated=true"})");
  JsonOptions local;
  local.origin = "http://localhost:8080";
  local.size = 480;
  const auto doc = nlohmann::json::parse(metadataJson(Pack::embedded(), combo("f76b"), local));
  CHECK(doc["png"] == "http://localhost:8080/api/pixabot/f76b?size=480");
  CHECK(doc["parts"]["top"] == "spikes");
  local.size = 10;
  CHECK_THROWS_WITH(metadataJson(Pack::embedded(), combo("f76b"), local), Catch::Contains("size 10 is out of range"));
}

TEST_CASE("frames JSON is the timeline: 16 ticks, unrounded offsets, sprite indices and sheets") {
  const std::string text = framesJson(Pack::embedded(), combo("2156"));
  const auto doc = nlohmann::json::parse(text);
  CHECK(doc["id"] == "2156");
  CHECK(doc["animVersion"] == 2);
  CHECK(doc["frameMs"] == 72);
  CHECK(doc["loopLength"] == 16);
  CHECK(doc["layerOrder"] == nlohmann::json::array({"top", "body", "heads", "eyes"}));
  CHECK(doc["nativeSize"] == 32);
  REQUIRE(doc["frames"].size() == 16);
  CHECK(doc["frames"][5]["tick"] == 5);
  CHECK(doc["frames"][5]["offsets"]["top"] == 2.5);
  CHECK(doc["frames"][5]["offsets"]["heads"].is_number_integer());  // 2, not 2.0
  CHECK(doc["frames"][1]["spriteIndex"]["eyes"] == 1);              // glasses blink closed
  CHECK(doc["frames"][2]["spriteIndex"]["eyes"] == 0);
  CHECK(doc["sprites"]["eyes"] ==
        nlohmann::json({{"url", "https://pixabots.com/sprites/eyes/glasses.png"}, {"frames", 2}, {"kind", "blink"}}));
  CHECK(doc["sprites"]["top"]["kind"] == "static");
  // Field order as the service writes it.
  CHECK(text.find(R"("offsets":{"top":0,"heads":1,"eyes":1,"body":0})") != std::string::npos);
  CHECK(text.rfind(R"({"id":"2156","combo":)", 0) == 0);
}
