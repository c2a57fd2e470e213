#include "server/pages.hpp"

#include <nlohmann/json.hpp>

#include "pixabots/version.h"
#include "server/request_origin.hpp"

namespace pixabots::server {
namespace {

// The head both pages share, down to the opening <body>.
std::string head(std::string_view title, std::string_view bodyClass) {
  std::string html =
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  html += escapeHtml(title);
  html += "</title>\n<style>";
  html += kPageStyle;
  html += "</style>\n</head>\n<body";
  if (!bodyClass.empty()) html += " class=\"" + std::string(bodyClass) + "\"";
  html += ">\n";
  return html;
}

std::string altText(const Portrait& bot) { return "Pixabot " + bot.id + " (" + bot.parts + ")"; }

std::string imageUrl(std::string_view origin, std::string_view id, int size, const std::optional<std::string>& bg) {
  std::string url = std::string(origin) + "/api/pixabot/" + std::string(id) + "?size=" + std::to_string(size);
  if (bg) url += "&bg=%23" + bg->substr(1);
  return url;
}

}  // namespace

std::string escapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string contentSecurityPolicy(std::string_view origin, std::string_view frameAncestors) {
  // A source expression is scheme://host[:port]; a path would narrow it to one URL.
  const std::size_t scheme = origin.find("://");
  std::string_view host = scheme == std::string_view::npos ? std::string_view() : origin.substr(scheme + 3);
  host = host.substr(0, host.find('/'));
  const std::string images = validHost(host) ? std::string(origin.substr(0, scheme + 3 + host.size())) : "'self'";
  return "default-src 'none'; img-src " + images + "; style-src " + std::string(kPageStyleSource) +
         "; base-uri 'none'; form-action 'none'; frame-ancestors " + std::string(frameAncestors);
}

std::vector<Route> documentedRoutes(std::string_view openApiJson) {
  std::vector<Route> routes;
  const nlohmann::ordered_json document = nlohmann::ordered_json::parse(openApiJson);
  for (const auto& [path, item] : document.at("paths").items()) {
    for (const auto& [method, operation] : item.items()) {
      if (method == "options" || !operation.is_object() || !operation.contains("summary")) continue;
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
      routes.push_back({std::move(upper), path, operation.at("summary").get<std::string>()});
    }
  }
  return routes;
}

std::string embedPage(const EmbedRequest& request, const Portrait& bot, std::string_view origin) {
  const std::string still = imageUrl(origin, request.id, request.size, request.bg);
  const std::string size = std::to_string(request.size);
  std::string html = head("Pixabot " + bot.id, "embed");
  if (request.animated) {
    // No script needed: the browser picks the still PNG when its viewer asked for less motion.
    html += "<picture><source media=\"(prefers-reduced-motion: reduce)\" srcset=\"" + escapeHtml(still) + "\">";
  }
  html += "<img src=\"" + escapeHtml(request.animated ? still + "&animated=true" : still) + "\" width=\"" + size +
          "\" height=\"" + size + "\" alt=\"" + escapeHtml(altText(bot)) + "\">";
  if (request.animated) html += "</picture>";
  html += "\n</body>\n</html>\n";
  return html;
}

std::string indexPage(const Portrait& example, const std::vector<Route>& routes, std::string_view origin) {
  const std::string base = escapeHtml(origin);
  const std::string id = escapeHtml(example.id);
  std::string html = head("pixabots serve " PIXABOTS_VERSION_STRING, "");
  html +=
      "<main>\n<h1>pixabots serve</h1>\n<p>A self-hosted Pixabots API: deterministic pixel avatars rendered by the "
      "pixabots library, version " PIXABOTS_VERSION_STRING ".</p>\n";
  html += "<p><img src=\"" + escapeHtml(imageUrl(origin, example.id, 128, std::nullopt)) +
          "\" width=\"128\" height=\"128\" alt=\"" + escapeHtml(altText(example)) + "\"></p>\n";
  html += "<p>This one is <a href=\"" + base + "/api/pixabot/" + id + "?format=json\"><code>" + id +
          "</code></a>; <a href=\"" + base + "/embed/" + id +
          "?animated=true\">its embed page</a> goes in an "
          "<code>&lt;iframe&gt;</code>.</p>\n";
  html += "<p>The contract: <a href=\"" + base + "/openapi.json\"><code>/openapi.json</code></a> (OpenAPI 3.1).</p>\n";
  html += "<h2>Routes</h2>\n<table>\n";
  for (const Route& route : routes) {
    html += "<tr><td><code>" + escapeHtml(route.method) + "</code></td><td><code>" + escapeHtml(route.path) +
            "</code></td><td>" + escapeHtml(route.summary) + "</td></tr>\n";
  }
  html += "</table>\n</main>\n</body>\n</html>\n";
  return html;
}

}  // namespace pixabots::server
