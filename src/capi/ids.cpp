// IDs, the catalog and browse order.
#include "capi/ids.hpp"

#include <cstring>
#include <string>

#include "capi/context.hpp"
#include "capi/guard.hpp"
#include "pixabots/core/animation.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/seeded.hpp"

namespace pixabots::capi {

core::Combo comboOf(const core::Catalog& catalog, const char* id) {
  require(id, "id");
  return core::decodeId(catalog, id);
}

namespace {

core::Category categoryOf(int32_t value) {
  if (value < 0 || value >= core::kCategoryCount) {
    throw InvalidArgument{"category " + std::to_string(value) + " is not one of 0..3 (eyes, heads, body, top)"};
  }
  return static_cast<core::Category>(value);
}

core::Combo validCombo(const core::Catalog& catalog, const pxb_combo* combo) {
  require(combo, "combo");
  core::Combo c;
  for (int i = 0; i < core::kCategoryCount; ++i) c.parts[static_cast<std::size_t>(i)] = combo->part[i];
  core::validateCombo(catalog, c);
  return c;
}

pxb_status writeId(const core::Catalog& catalog, const core::Combo& combo, char* out) {
  const std::string id = core::encodeId(catalog, combo);
  std::memcpy(out, id.c_str(), PXB_ID_BUFFER_SIZE);
  return PXB_OK;
}

// An ID-to-ID call: decode `id`, apply `step`, write the result.
template <class Step>
pxb_status mapId(const pxb_ctx* ctx, const char* id, char* out, Step step) {
  return guarded([&] {
    const core::Catalog& catalog = packOf(ctx).catalog();
    require(out, "out_id");
    return writeId(catalog, step(catalog, comboOf(catalog, id)), out);
  });
}

}  // namespace
}  // namespace pixabots::capi

extern "C" {

using namespace pixabots;

pxb_status pxb_check_id(const pxb_ctx* ctx, const char* id) {
  return capi::guarded([&] {
    capi::comboOf(capi::packOf(ctx).catalog(), id);
    return PXB_OK;
  });
}

pxb_status pxb_decode_id(const pxb_ctx* ctx, const char* id, pxb_combo* out) {
  return capi::guarded([&] {
    capi::require(out, "out");
    const core::Combo combo = capi::comboOf(capi::packOf(ctx).catalog(), id);
    for (int i = 0; i < core::kCategoryCount; ++i) out->part[i] = combo.parts[static_cast<std::size_t>(i)];
    return PXB_OK;
  });
}

pxb_status pxb_encode_id(const pxb_ctx* ctx, const pxb_combo* combo, char out_id[PXB_ID_BUFFER_SIZE]) {
  return capi::guarded([&] {
    const core::Catalog& catalog = capi::packOf(ctx).catalog();
    capi::require(out_id, "out_id");
    return capi::writeId(catalog, capi::validCombo(catalog, combo), out_id);
  });
}

pxb_status pxb_seeded_id(const pxb_ctx* ctx, const char* text, size_t length, char out_id[PXB_ID_BUFFER_SIZE]) {
  return capi::guarded([&] {
    const core::Catalog& catalog = capi::packOf(ctx).catalog();
    if (length > 0) capi::require(text, "text");
    capi::require(out_id, "out_id");
    return capi::writeId(catalog, core::seededCombo(catalog, {text, length}), out_id);
  });
}

pxb_status pxb_random_id(const pxb_ctx* ctx, char out_id[PXB_ID_BUFFER_SIZE]) {
  return capi::guarded([&] {
    const core::Catalog& catalog = capi::packOf(ctx).catalog();
    capi::require(out_id, "out_id");
    return capi::writeId(catalog, core::randomCombo(catalog), out_id);
  });
}

pxb_status pxb_combo_count(const pxb_ctx* ctx, uint32_t* out) {
  return capi::guarded([&] {
    const core::Catalog& catalog = capi::packOf(ctx).catalog();
    capi::require(out, "out");
    *out = catalog.combinations();
    return PXB_OK;
  });
}

pxb_status pxb_combo_index(const pxb_ctx* ctx, const char* id, uint32_t* out) {
  return capi::guarded([&] {
    const core::Catalog& catalog = capi::packOf(ctx).catalog();
    capi::require(out, "out");
    *out = core::comboIndex(catalog, capi::comboOf(catalog, id));
    return PXB_OK;
  });
}

pxb_status pxb_id_at(const pxb_ctx* ctx, uint32_t index, char out_id[PXB_ID_BUFFER_SIZE]) {
  return capi::guarded([&] {
    const core::Catalog& catalog = capi::packOf(ctx).catalog();
    capi::require(out_id, "out_id");
    return capi::writeId(catalog, core::comboAt(catalog, index), out_id);
  });
}

pxb_status pxb_next_id(const pxb_ctx* ctx, const char* id, char out_id[PXB_ID_BUFFER_SIZE]) {
  return capi::mapId(ctx, id, out_id, core::nextCombo);
}

pxb_status pxb_previous_id(const pxb_ctx* ctx, const char* id, char out_id[PXB_ID_BUFFER_SIZE]) {
  return capi::mapId(ctx, id, out_id, core::previousCombo);
}

const char* pxb_category_name(int32_t value) {
  if (value < 0 || value >= core::kCategoryCount) return nullptr;
  return core::categoryName(static_cast<core::Category>(value)).data();
}

pxb_status pxb_part_count(const pxb_ctx* ctx, int32_t category, int32_t* out) {
  return capi::guarded([&] {
    const core::Catalog& catalog = capi::packOf(ctx).catalog();
    capi::require(out, "out");
    *out = catalog.count(capi::categoryOf(category));
    return PXB_OK;
  });
}

pxb_status pxb_part_name(const pxb_ctx* ctx, int32_t category, int32_t part, const char** out) {
  return capi::guarded([&] {
    const core::Catalog& catalog = capi::packOf(ctx).catalog();
    capi::require(out, "out");
    const core::Category c = capi::categoryOf(category);
    if (part < 0 || part >= catalog.count(c)) {
      throw core::Error(core::Errc::invalid_option, "part " + std::to_string(part) + " is out of range for " +
                                                        std::string(core::categoryName(c)) + ": must be 0.." +
                                                        std::to_string(catalog.count(c) - 1));
    }
    *out = catalog.part(c, part).name.c_str();
    return PXB_OK;
  });
}

pxb_status pxb_tick_count(const pxb_ctx* ctx, const char* id, int32_t* out) {
  return capi::guarded([&] {
    const core::Pack& pack = capi::packOf(ctx);
    capi::require(out, "out");
    *out = core::timeline(pack, capi::comboOf(pack.catalog(), id)).ticks;
    return PXB_OK;
  });
}

}  // extern "C"
