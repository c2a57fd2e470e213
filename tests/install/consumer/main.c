/* Renders 2156 with the embedded art through the C header and library: the
   output is a PNG that decodes to the raw RGBA render, and a bad ID is refused. */
#include <pixabots/pixabots.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  static const uint8_t png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  pxb_ctx* ctx = NULL;
  pxb_options options;
  uint8_t* png = NULL;
  uint8_t* decoded = NULL;
  size_t png_size = 0;
  size_t rgba_size = 0;
  uint8_t* rgba;
  int32_t width = 0;
  int32_t height = 0;
  int ok;

  if (pxb_ctx_new(&ctx) != PXB_OK || pxb_options_init(&options) != PXB_OK) return 1;
  options.size = 64;
  if (pxb_render(ctx, "2156", &options, &png, &png_size) != PXB_OK) return 1;
  if (pxb_decode_png(png, png_size, &decoded, &width, &height) != PXB_OK) return 1;
  options.format = PXB_FORMAT_RGBA;
  if (pxb_render_into(ctx, "2156", &options, NULL, 0, &rgba_size) != PXB_ERR_BUFFER_TOO_SMALL) return 1;
  rgba = (uint8_t*)malloc(rgba_size);
  if (rgba == NULL || pxb_render_into(ctx, "2156", &options, rgba, rgba_size, &rgba_size) != PXB_OK) return 1;
  ok = png_size > 8 && memcmp(png, png_signature, 8) == 0;
  ok = ok && width == 64 && height == 64 && rgba_size == 64 * 64 * 4 && memcmp(decoded, rgba, rgba_size) == 0;
  ok = ok && pxb_check_id(ctx, "zzzz") == PXB_ERR_INVALID_ID && strlen(pxb_last_error()) > 0;
  ok = ok && strcmp(pxb_version(), PIXABOTS_VERSION_STRING) == 0;
  printf("C consumer: pixabots %s, %zu byte PNG\n", pxb_version(), png_size);
  free(rgba);
  pxb_free(decoded);
  pxb_free(png);
  pxb_ctx_free(ctx);
  return ok ? 0 : 1;
}
