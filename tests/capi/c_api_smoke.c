/* The C ABI from C99: compiled with -std=c99 -pedantic -Werror against the
   shared library, exercising every entry point once and releasing everything,
   so that valgrind can prove the ABI leaks nothing (ctest: capi_valgrind). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pixabots/pixabots.h"

#define EXPECT_LAST_ERROR() pxb_last_error()
#include "expect.h"

static void renderEveryFormat(const pxb_ctx* ctx) {
  pxb_options options;
  int format;
  EXPECT(pxb_options_init(&options) == PXB_OK);
  options.size = 48;
  options.bg = "#102030";
  for (format = PXB_FORMAT_PNG; format <= PXB_FORMAT_SHEET_JSON; ++format) {
    uint8_t* data = NULL;
    size_t size = 0;
    options.format = format;
    EXPECT(pxb_render(ctx, "2156", &options, &data, &size) == PXB_OK);
    EXPECT(data != NULL && size > 0);
    pxb_free(data);
  }
}

static void rgbaIntoBuffer(const pxb_ctx* ctx) {
  pxb_options options;
  size_t needed = 0;
  size_t written = 0;
  uint8_t* pixels;
  EXPECT(pxb_options_init(&options) == PXB_OK);
  options.format = PXB_FORMAT_RGBA;
  options.tick = PXB_TICK_ALL;
  EXPECT(pxb_render_into(ctx, "2156", &options, NULL, 0, &needed) == PXB_ERR_BUFFER_TOO_SMALL);
  pixels = (uint8_t*)malloc(needed);
  EXPECT(pixels != NULL);
  EXPECT(pxb_render_into(ctx, "2156", &options, pixels, needed, &written) == PXB_OK);
  EXPECT(written == needed);
  free(pixels);
}

static void pngRoundTrip(const pxb_ctx* ctx) {
  pxb_options options;
  uint8_t* png = NULL;
  uint8_t* rgba = NULL;
  size_t size = 0;
  int32_t width = 0;
  int32_t height = 0;
  static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  EXPECT(pxb_options_init(&options) == PXB_OK);
  options.size = 32;
  EXPECT(pxb_render(ctx, "0000", &options, &png, &size) == PXB_OK);
  EXPECT(size > 8 && memcmp(png, signature, 8) == 0);
  EXPECT(pxb_decode_png(png, size, &rgba, &width, &height) == PXB_OK);
  EXPECT(width == 32 && height == 32);
  pxb_free(rgba);
  EXPECT(pxb_decode_png(png, 30, &rgba, &width, &height) == PXB_ERR_CODEC);
  pxb_free(png);
}

static void idsAndErrors(const pxb_ctx* ctx) {
  pxb_combo combo;
  char id[PXB_ID_BUFFER_SIZE];
  const char* name = NULL;
  uint32_t index = 0;
  int32_t count = 0;
  uint8_t* data = NULL;
  size_t size = 0;
  EXPECT(pxb_decode_id(ctx, "2156", &combo) == PXB_OK);
  EXPECT(pxb_encode_id(ctx, &combo, id) == PXB_OK && strcmp(id, "2156") == 0);
  EXPECT(pxb_seeded_id(ctx, "alice", 5, id) == PXB_OK && strcmp(id, "3409") == 0);
  EXPECT(pxb_random_id(ctx, id) == PXB_OK && pxb_check_id(ctx, id) == PXB_OK);
  EXPECT(pxb_combo_index(ctx, "2156", &index) == PXB_OK);
  EXPECT(pxb_id_at(ctx, index, id) == PXB_OK && strcmp(id, "2156") == 0);
  EXPECT(pxb_next_id(ctx, "2156", id) == PXB_OK);
  EXPECT(pxb_previous_id(ctx, id, id) == PXB_OK && strcmp(id, "2156") == 0);
  EXPECT(pxb_part_count(ctx, PXB_CATEGORY_TOP, &count) == PXB_OK && count == 12);
  EXPECT(pxb_part_name(ctx, PXB_CATEGORY_EYES, 0, &name) == PXB_OK && name != NULL);
  EXPECT(pxb_tick_count(ctx, "2156", &count) == PXB_OK);
  EXPECT(strcmp(pxb_category_name(PXB_CATEGORY_HEADS), "heads") == 0);

  EXPECT(pxb_render(ctx, "ZZZZ", NULL, &data, &size) == PXB_ERR_INVALID_ID);
  EXPECT(data == NULL && strstr(pxb_last_error(), "upper case") != NULL);
  EXPECT(strcmp(pxb_strerror(PXB_ERR_INVALID_ID), "invalid pixabot ID") == 0);
}

int main(int argc, char** argv) {
  pxb_ctx* ctx = NULL;
  pxb_ctx* pack = NULL;
  EXPECT(strcmp(pxb_version(), PIXABOTS_VERSION_STRING) == 0);
  EXPECT(pxb_version_number() == PIXABOTS_VERSION_NUMBER);
  EXPECT(pxb_ctx_new(&ctx) == PXB_OK);
  renderEveryFormat(ctx);
  rgbaIntoBuffer(ctx);
  pngRoundTrip(ctx);
  idsAndErrors(ctx);
  if (argc > 1) { /* a sprite pack directory */
    EXPECT(pxb_ctx_new_from_dir(argv[1], &pack) == PXB_OK);
    renderEveryFormat(pack);
  }
  {
    pxb_ctx* missing = NULL;
    EXPECT(pxb_ctx_new_from_dir("/nonexistent", &missing) == PXB_ERR_IO && missing == NULL);
  }
  pxb_ctx_free(pack);
  pxb_ctx_free(ctx);
  if (failures == 0) printf("c_api_smoke: ok\n");
  return failures == 0 ? 0 : 1;
}
