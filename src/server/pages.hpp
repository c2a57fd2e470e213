#pragma once
// The server's HTML pages: /embed/{id}, one avatar for others' <iframe>s, and
// /, what this server is. Plain HTML, no script; every value placed in it is
// escaped. Their one stylesheet is inline and allowed by its hash, so the
// Content-Security-Policy lets a page load nothing but this server's images.
#include <string>
#include <string_view>
#include <vector>

#include "server/query.hpp"

namespace pixabots::server {

inline constexpr std::string_view kHtml = "text/html; charset=utf-8";

// The stylesheet of both pages and its CSP source, 'sha256-' + base64 of its
// SHA-256 (a test recomputes it: edit both together).
inline constexpr std::string_view kPageStyle =
    "body{margin:0;font:16px/1.5 system-ui,sans-serif}img{image-rendering:pixelated}"
    ".embed{height:100vh;display:flex;align-items:center;justify-content:center;overflow:hidden}"
    ".embed picture{display:contents}.embed img{max-width:100%;max-height:100%;width:auto;height:auto}"
    "main{max-width:46rem;margin:0 auto;padding:1rem}td{padding:.15rem 1rem .15rem 0;vertical-align:top}";
inline constexpr std::string_view kPageStyleSource = "'sha256-WRKa/GpqKyT95s0pfNYGkRa2wwP171uQUBIyv05uimE='";

// `text` safe in HTML text and in quoted attribute values: & < > " ' as character references.
std::string escapeHtml(std::string_view text);

// No scripts, no plugins, no forms, no base; images only from `origin` (its
// scheme and host; 'self' when that is not a plain host), the page's
// stylesheet; framed by `frameAncestors` ("*" for the embed page).
std::string contentSecurityPolicy(std::string_view origin, std::string_view frameAncestors);

// One operation of the API, for the index page's list.
struct Route {
  std::string method;  // "GET"
  std::string path;    // "/api/pixabot/{id}"
  std::string summary;
};
// The operations an OpenAPI document lists, in its order, CORS preflights left out.
std::vector<Route> documentedRoutes(std::string_view openApiJson);

// A pixabot as the pages show it: its ID and its parts in words ("eyes: glasses, heads: blob, ...").
struct Portrait {
  std::string id;
  std::string parts;
};

// The embed page for `request`: the image route's URL at `origin` (the still
// PNG for reduced-motion viewers when animated).
std::string embedPage(const EmbedRequest& request, const Portrait& bot, std::string_view origin);
// The index page: the version, an example pixabot, the routes, a link to /openapi.json.
std::string indexPage(const Portrait& example, const std::vector<Route>& routes, std::string_view origin);

}  // namespace pixabots::server
