/* libpixabots_remote's C ABI from C99: compiled with -std=c99 -pedantic
   -Werror against the shared library, every entry point once against a port
   nothing listens on, everything released, so valgrind can prove it leaks
   nothing (ctest: capi_remote_valgrind). */
#include <stdio.h>
#include <string.h>

#include "pixabots/remote.h"

#define EXPECT_LAST_ERROR() pxb_remote_last_error()
#include "expect.h"

/* Every call that hands over JSON fails with a network error, leaves the
   output empty and keeps the API key out of the message. */
static void unreachable(pxb_remote* remote) {
  uint8_t* json = (uint8_t*)&failures;
  size_t size = 1;
  EXPECT(pxb_remote_models(remote, &json, &size) == PXB_REMOTE_ERR_NETWORK);
  EXPECT(json == NULL && size == 0);
  EXPECT(strstr(pxb_remote_last_error(), "127.0.0.1:1") != NULL);
  EXPECT(strstr(pxb_remote_last_error(), "pxb_smoke_key") == NULL);
  EXPECT(pxb_remote_schema(remote, "m", &json, &size) == PXB_REMOTE_ERR_NETWORK);
  EXPECT(pxb_remote_submit(remote, "m", "{}", 0, &json, &size) == PXB_REMOTE_ERR_NETWORK);
  EXPECT(pxb_remote_poll(remote, "job_1", &json, &size) == PXB_REMOTE_ERR_NETWORK);
  EXPECT(pxb_remote_wait(remote, "job_1", 1000, &json, &size) == PXB_REMOTE_ERR_NETWORK);
  EXPECT(pxb_remote_fetch(remote, "job_1", "unused-dir", &json, &size) == PXB_REMOTE_ERR_NETWORK);
  EXPECT(json == NULL && size == 0);
}

int main(void) {
  pxb_remote_options options;
  pxb_remote* remote = NULL;
  EXPECT(pxb_remote_options_init(&options) == PXB_REMOTE_OK);
  EXPECT(pxb_remote_options_init_version(&options, 99) == PXB_REMOTE_ERR_VERSION_MISMATCH);
  EXPECT(strstr(pxb_remote_last_error(), "pxb_remote_options version 99") != NULL);
  options.provider = PXB_PROVIDER_JOBS;
  options.base_url = "http://127.0.0.1:1";
  options.api_key = "pxb_smoke_key";
  options.max_retries = 0;
  EXPECT(pxb_remote_new(&options, &remote) == PXB_REMOTE_OK && remote != NULL);
  unreachable(remote);
  EXPECT(pxb_remote_models(NULL, NULL, NULL) == PXB_REMOTE_ERR_INVALID_ARGUMENT);
  EXPECT(strcmp(pxb_remote_strerror(PXB_REMOTE_ERR_NOT_READY), "the job has not completed yet") == 0);
  EXPECT(strcmp(pxb_remote_strerror(-5), "unknown status") == 0);
  pxb_remote_cancel(remote);
  pxb_remote_free(remote);
  pxb_remote_cancel(NULL);
  pxb_remote_free(NULL);
  if (failures != 0) return 1;
  puts("c_remote_smoke: ok");
  return 0;
}
