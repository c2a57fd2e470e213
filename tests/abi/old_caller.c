/* A caller built against release 1.0's header, frozen in tests/abi
   (pixabots_1_0.h and the version.h it includes), run against the library
   built from this tree: the ABI-growth promise of pixabots.h ("Growing
   structs") held to. Compiled with only tests/abi on the include path, so
   every struct, macro and constant here is 1.0's; the structs' struct_size
   is 1.0's sizeof, whatever the library's own has grown to.

   Usage: old_caller CONFORMANCE_DIR (tests/data/conformance: pack/ and
   expected/, the service's reference renders). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pixabots_1_0.h"

#define EXPECT_LAST_ERROR() pxb_last_error()
#include "../capi/expect.h"

static const uint8_t kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

typedef struct Bytes {
  uint8_t* data;
  size_t size;
} Bytes;

static int sameBytes(Bytes a, Bytes b) {
  return a.data != NULL && b.data != NULL && a.size == b.size && memcmp(a.data, b.data, a.size) == 0;
}

static int isPng(Bytes b) { return b.data != NULL && b.size > 8 && memcmp(b.data, kPngSignature, 8) == 0; }

static void release(Bytes* b) {
  pxb_free(b->data);
  b->data = NULL;
  b->size = 0;
}

static Bytes render(const pxb_ctx* ctx, const char* id, const pxb_options* options) {
  Bytes b = {NULL, 0};
  EXPECT(pxb_render(ctx, id, options, &b.data, &b.size) == PXB_OK);
  return b;
}

/* The decoded pixels of a PNG, in a buffer the library handed over. */
static Bytes decode(Bytes png, int32_t* width, int32_t* height) {
  Bytes rgba = {NULL, 0};
  EXPECT(pxb_decode_png(png.data, png.size, &rgba.data, width, height) == PXB_OK);
  if (rgba.data != NULL) rgba.size = (size_t)*width * (size_t)*height * 4;
  return rgba;
}

static Bytes readFile(const char* path) {
  Bytes b = {NULL, 0};
  FILE* f = fopen(path, "rb");
  long n;
  EXPECT(f != NULL);
  if (f == NULL) return b;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
    b.data = (uint8_t*)malloc((size_t)n);
    if (b.data != NULL && fread(b.data, 1, (size_t)n, f) == (size_t)n) b.size = (size_t)n;
  }
  fclose(f);
  EXPECT(b.size > 0);
  return b;
}

/* The library reads 1.0's pxb_options as 1.0 meant it. */
static void options(const pxb_ctx* embedded) {
  pxb_options o;
  Bytes initialised;
  Bytes defaults;
  Bytes rgba;
  Bytes decoded;
  int32_t width = 0;
  int32_t height = 0;
  EXPECT(pxb_options_init(&o) == PXB_OK);
  EXPECT(o.struct_size == sizeof(pxb_options));
  EXPECT(o.size == 128 && o.saturate == 1 && o.speed == 1 && o.format == PXB_FORMAT_PNG && o.tick == PXB_TICK_STILL);

  /* 1.0's defaults are the library's defaults, byte for byte. */
  initialised = render(embedded, "2156", &o);
  defaults = render(embedded, "2156", NULL);
  EXPECT(isPng(initialised));
  EXPECT(sameBytes(initialised, defaults));

  /* Fields set through 1.0's layout land where the library reads them. */
  o.size = 77;
  o.hue = 120;
  o.bg = "#102030";
  release(&initialised);
  initialised = render(embedded, "2156", &o);
  o.format = PXB_FORMAT_RGBA;
  rgba = render(embedded, "2156", &o);
  EXPECT(rgba.size == 77 * 77 * 4);
  decoded = decode(initialised, &width, &height);
  EXPECT(width == 77 && height == 77);
  EXPECT(sameBytes(decoded, rgba));
  release(&initialised);
  release(&defaults);
  release(&rgba);
  release(&decoded);
}

/* One reference render of the service (no palette, so exact): the pixels must match. */
static void reference(const char* conformance) {
  char path[4096];
  pxb_ctx* ctx = NULL;
  pxb_options o;
  Bytes expected;
  Bytes got;
  Bytes expectedPixels;
  Bytes gotPixels;
  int32_t width = 0;
  int32_t height = 0;
  snprintf(path, sizeof path, "%s/pack", conformance);
  EXPECT(pxb_ctx_new_from_dir(path, &ctx) == PXB_OK);
  snprintf(path, sizeof path, "%s/expected/2156_128_bg_fde68a.png", conformance);
  expected = readFile(path);
  EXPECT(pxb_options_init(&o) == PXB_OK);
  o.bg = "#fde68a";
  got = render(ctx, "2156", &o);
  EXPECT(isPng(got));
  expectedPixels = decode(expected, &width, &height);
  EXPECT(width == 128 && height == 128);
  gotPixels = decode(got, &width, &height);
  EXPECT(width == 128 && height == 128);
  EXPECT(sameBytes(expectedPixels, gotPixels));
  free(expected.data);
  release(&got);
  release(&expectedPixels);
  release(&gotPixels);
  pxb_ctx_free(ctx);
}

static int append(void* user, const uint8_t* data, size_t size) {
  Bytes* b = (Bytes*)user;
  uint8_t* grown = (uint8_t*)realloc(b->data, b->size + size);
  if (grown == NULL) return 1;
  memcpy(grown + b->size, data, size);
  b->data = grown;
  b->size += size;
  return 0;
}

static void writerAndTiming(const pxb_ctx* embedded) {
  pxb_options o;
  Bytes streamed = {NULL, 0};
  Bytes whole;
  int32_t ms = 0;
  EXPECT(pxb_options_init(&o) == PXB_OK);
  o.format = PXB_FORMAT_GIF;
  o.size = 64;
  EXPECT(pxb_render_to(embedded, "2156", &o, append, &streamed) == PXB_OK);
  whole = render(embedded, "2156", &o);
  EXPECT(sameBytes(streamed, whole));
  free(streamed.data);
  release(&whole);
  EXPECT(pxb_tick_duration_ms(1, &ms) == PXB_OK && ms == 72);
  EXPECT(pxb_tick_duration_ms(0.25, &ms) == PXB_OK && ms == 288);
  EXPECT(pxb_loop_duration_ms(embedded, "2156", 2, &ms) == PXB_OK && ms > 0 && ms % 36 == 0);
}

/* 1.0's OG and contact sheet options, initialised by its macros. */
static void pictures(const pxb_ctx* embedded) {
  static const char* const ids[] = {"2156", "a153", "0000"};
  pxb_og_options og;
  pxb_contact_sheet_options sheet;
  Bytes initialised = {NULL, 0};
  Bytes defaults = {NULL, 0};
  Bytes pixels;
  int32_t width = 0;
  int32_t height = 0;

  EXPECT(pxb_og_options_init(&og) == PXB_OK);
  EXPECT(og.struct_size == sizeof(pxb_og_options) && og.layout == PXB_OG_GRID);
  EXPECT(pxb_render_og(embedded, &og, &initialised.data, &initialised.size) == PXB_OK);
  EXPECT(pxb_render_og(embedded, NULL, &defaults.data, &defaults.size) == PXB_OK);
  EXPECT(isPng(initialised));
  EXPECT(sameBytes(initialised, defaults));
  release(&initialised);
  og.layout = PXB_OG_COMPARE;
  og.ids = ids;
  og.id_count = 3;
  EXPECT(pxb_render_og(embedded, &og, &initialised.data, &initialised.size) == PXB_OK);
  EXPECT(!sameBytes(initialised, defaults));
  pixels = decode(initialised, &width, &height);
  EXPECT(width == 1200 && height == 630);
  release(&initialised);
  release(&defaults);
  release(&pixels);

  EXPECT(pxb_contact_sheet_options_init(&sheet) == PXB_OK);
  EXPECT(sheet.struct_size == sizeof(pxb_contact_sheet_options) && sheet.size == 128 && sheet.columns == 0);
  EXPECT(pxb_render_contact_sheet(embedded, ids, 3, &sheet, &initialised.data, &initialised.size) == PXB_OK);
  EXPECT(pxb_render_contact_sheet(embedded, ids, 3, NULL, &defaults.data, &defaults.size) == PXB_OK);
  EXPECT(isPng(initialised));
  EXPECT(sameBytes(initialised, defaults));
  release(&initialised);
  sheet.size = 64;
  sheet.columns = 2;
  EXPECT(pxb_render_contact_sheet(embedded, ids, 3, &sheet, &initialised.data, &initialised.size) == PXB_OK);
  pixels = decode(initialised, &width, &height);
  EXPECT(width == 16 + 2 * (64 + 16) && height == 16 + 2 * (64 + 16)); /* 16 px margins and gaps */
  release(&initialised);
  release(&defaults);
  release(&pixels);
}

int main(int argc, char** argv) {
  pxb_ctx* embedded = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: %s CONFORMANCE_DIR\n", argv[0]);
    return 2;
  }
  /* Same major version: what the growth rule promises. */
  EXPECT(pxb_version_number() / 10000 == PIXABOTS_VERSION_MAJOR);
  EXPECT(pxb_version_number() >= PIXABOTS_VERSION_NUMBER);
  EXPECT(pxb_ctx_new(&embedded) == PXB_OK);
  options(embedded);
  reference(argv[1]);
  writerAndTiming(embedded);
  pictures(embedded);
  pxb_ctx_free(embedded);
  printf(
      "1.0 caller against library %s: %d failure(s); sizeof pxb_options %u, pxb_og_options %u, "
      "pxb_contact_sheet_options %u as 1.0 compiled them\n",
      pxb_version(), failures, (unsigned)sizeof(pxb_options), (unsigned)sizeof(pxb_og_options),
      (unsigned)sizeof(pxb_contact_sheet_options));
  return failures == 0 ? 0 : 1;
}
