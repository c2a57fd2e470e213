// pxb_render_og, pxb_render_contact_sheet and pxb_catalog_json: the core's
// pictures of many avatars, and the catalog, behind the C ABI.
#include <string>
#include <vector>

#include "capi/buffer.hpp"
#include "capi/context.hpp"
#include "capi/guard.hpp"
#include "capi/ids.hpp"
#include "capi/sized_struct.hpp"
#include "pixabots/core/color.hpp"
#include "pixabots/core/contact_sheet.hpp"
#include "pixabots/core/json.hpp"
#include "pixabots/core/og.hpp"
#include "pixabots/core/png.hpp"

namespace pixabots::capi {
namespace {

// The layouts of the first release that had these structs.
constexpr std::size_t kOgOptionsFirstSize = sizeof(pxb_og_options);
constexpr std::size_t kContactSheetOptionsFirstSize = sizeof(pxb_contact_sheet_options);

pxb_og_options defaultOgOptions() {
  pxb_og_options o{};
  o.struct_size = sizeof(pxb_og_options);
  o.layout = PXB_OG_GRID;
  return o;
}

pxb_contact_sheet_options defaultContactSheetOptions() {
  pxb_contact_sheet_options o{};
  o.struct_size = sizeof(pxb_contact_sheet_options);
  o.size = core::kDefaultSize;
  return o;
}

std::vector<core::Combo> combosOf(const core::Catalog& catalog, const char* const* ids, std::size_t count) {
  if (count > 0) require(ids, "ids");
  std::vector<core::Combo> combos;
  combos.reserve(std::min<std::size_t>(count, core::kContactSheetMaxBots + 1));
  for (std::size_t i = 0; i < count; ++i) {
    // Past every layout's limit the core refuses the count; decoding more would only cost.
    if (combos.size() > static_cast<std::size_t>(core::kContactSheetMaxBots)) break;
    combos.push_back(comboOf(catalog, ids[i]));
  }
  return combos;
}

core::OgOptions ogOptionsOf(const core::Pack& pack, const pxb_og_options* given) {
  const pxb_og_options o = readSized(given, defaultOgOptions(), kOgOptionsFirstSize, "pxb_og_options");
  if (o.layout < PXB_OG_GRID || o.layout > PXB_OG_COMPARE) {
    throw InvalidArgument{"layout " + std::to_string(o.layout) + " is not a pxb_og_layout (0..2)"};
  }
  core::OgOptions og;
  og.layout = static_cast<core::OgLayout>(o.layout);
  og.bots = combosOf(pack.catalog(), o.ids, o.id_count);
  if (o.seed != nullptr) og.seed = o.seed;
  if (o.title != nullptr) og.title = o.title;
  if (o.subtitle != nullptr) og.subtitle = o.subtitle;
  if (o.bg != nullptr) og.bg = core::parseColor(o.bg);
  return og;
}

}  // namespace
}  // namespace pixabots::capi

extern "C" {

using namespace pixabots;

pxb_status pxb_og_options_init_size(pxb_og_options* options, size_t struct_size) {
  return capi::guarded([&] {
    capi::initSized(options, struct_size, capi::defaultOgOptions(), capi::kOgOptionsFirstSize, "pxb_og_options");
    return PXB_OK;
  });
}

pxb_status pxb_contact_sheet_options_init_size(pxb_contact_sheet_options* options, size_t struct_size) {
  return capi::guarded([&] {
    capi::initSized(options, struct_size, capi::defaultContactSheetOptions(), capi::kContactSheetOptionsFirstSize,
                    "pxb_contact_sheet_options");
    return PXB_OK;
  });
}

pxb_status pxb_render_og(const pxb_ctx* ctx, const pxb_og_options* options, uint8_t** out, size_t* out_size) {
  return capi::guarded([&] {
    capi::clearOutput(out, out_size);
    const core::Pack& pack = capi::packOf(ctx);
    const core::Image card = core::renderOg(pack, capi::ogOptionsOf(pack, options));
    capi::handOver(core::encodePng(card.view()), out, out_size);
    return PXB_OK;
  });
}

pxb_status pxb_render_contact_sheet(const pxb_ctx* ctx, const char* const* ids, size_t count,
                                    const pxb_contact_sheet_options* options, uint8_t** out, size_t* out_size) {
  return capi::guarded([&] {
    capi::clearOutput(out, out_size);
    const core::Pack& pack = capi::packOf(ctx);
    const pxb_contact_sheet_options o = capi::readSized(
        options, capi::defaultContactSheetOptions(), capi::kContactSheetOptionsFirstSize, "pxb_contact_sheet_options");
    core::ContactSheetOptions sheet;
    sheet.bots = capi::combosOf(pack.catalog(), ids, count);
    sheet.size = o.size;
    if (o.columns != 0) sheet.columns = o.columns;
    sheet.labels = o.labels != 0;
    if (o.bg != nullptr) sheet.bg = core::parseColor(o.bg);
    capi::handOver(core::encodePng(core::renderContactSheet(pack, sheet).view()), out, out_size);
    return PXB_OK;
  });
}

pxb_status pxb_catalog_json(const pxb_ctx* ctx, uint8_t** out, size_t* out_size) {
  return capi::guarded([&] {
    capi::clearOutput(out, out_size);
    capi::handOver(core::catalogJson(capi::packOf(ctx)), out, out_size);
    return PXB_OK;
  });
}

}  // extern "C"
