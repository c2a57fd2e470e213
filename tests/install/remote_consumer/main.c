/* An installed-libpixabots_remote consumer: a client made (no request is
   sent to a port nothing listens on until a call), one call failing with a
   network error and its message, the buffer rules shared with libpixabots. */
#include <pixabots/remote.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  pxb_remote_options options;
  pxb_remote* remote = NULL;
  uint8_t* json = NULL;
  size_t size = 0;
  if (pxb_remote_options_init(&options) != PXB_REMOTE_OK) return 1;
  options.provider = PXB_PROVIDER_JOBS;
  options.base_url = "http://127.0.0.1:1";
  options.api_key = "consumer_key";
  options.max_retries = 0;
  if (pxb_remote_new(&options, &remote) != PXB_REMOTE_OK) {
    fprintf(stderr, "pxb_remote_new: %s\n", pxb_remote_last_error());
    return 1;
  }
  if (pxb_remote_models(remote, &json, &size) != PXB_REMOTE_ERR_NETWORK || json != NULL ||
      strstr(pxb_remote_last_error(), "consumer_key") != NULL) {
    fprintf(stderr, "pxb_remote_models: %s\n", pxb_remote_last_error());
    return 1;
  }
  pxb_free(json); /* libpixabots's, which pixabots-remote brings along */
  pxb_remote_free(remote);
  printf("remote consumer: %s\n", pxb_remote_strerror(PXB_REMOTE_ERR_NETWORK));
  return 0;
}
