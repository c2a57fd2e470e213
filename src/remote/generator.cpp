#include "remote/generator.hpp"

#include <stdexcept>
#include <utility>

#include "generate/local_kinds.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::remote {
namespace {

[[noreturn]] void badOption(const std::string& message) { throw core::Error(core::Errc::invalid_option, message); }

// Kinds are names such as text-to-image; anything else is a typo or a
// prompt given as the kind, caught before it reaches a provider.
void checkKindName(std::string_view kind) {
  const auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  bool valid = !kind.empty();
  for (const char c : kind) valid = valid && allowed(c);
  if (valid) return;
  badOption(
      (kind.empty() ? std::string("the kind is empty") : "kind \"" + std::string(kind) + "\" is not a kind name") +
      ": use lower-case letters, digits and '-'; local kinds: " + std::string(generate::kLocalKinds) +
      "; remote kinds (text-to-image, image-to-image, text-to-video, image-to-video, ...) need a provider");
}

// Local kinds are drawn from the pack: a prompt or model there would be
// ignored, so it is refused instead.
void checkNoRemoteFields(const GenerateRequest& request) {
  if (!request.prompt.empty() || !request.model.empty() || !(request.input.is_object() && request.input.empty())) {
    badOption(
        "kind " + request.kind +
        " is drawn locally and takes no prompt, model or input: those are for remote kinds such as text-to-image");
  }
}

GenerateResult drawLocal(const core::Pack& pack, const GenerateRequest& request) {
  checkNoRemoteFields(request);
  generate::LocalImage image = generate::drawLocal(
      pack, generate::LocalRequest{request.kind, request.id, request.seed, request.size, request.format});
  GenerateResult result;
  result.bytes = std::move(image.bytes);
  result.mimeType = std::move(image.mimeType);
  result.id = std::move(image.id);
  return result;
}

// How a kind becomes a provider call:
// - jobs: the model decides what is generated; it is required.
// - images: generates images from text only, so only text-to-image; without a
//   model the API's default (free) model is used.
// - tasks: the kind is the task's scene; the model is required.
// The input is request.input with "prompt" set from request.prompt, checked
// against the model's schema before anything is spent.
Job generateRemote(Provider* remote, ApiClient* client, const GenerateRequest& request) {
  const std::string& kind = request.kind;
  if (remote == nullptr) {
    throw Error(Errc::unsupported,
                "unsupported offline: kind " + kind +
                    " needs a remote provider; configure one with --provider and --base-url (or "
                    "PIXABOTS_PROVIDER, PIXABOTS_BASE_URL, or a config file) and set PIXABOTS_API_KEY");
  }
  if (!request.input.is_object()) {
    throw Error(Errc::validation, "the input must be a JSON object, not " + std::string(request.input.type_name()), 0,
                std::nullopt, {"input: must be an object"});
  }
  const ProviderKind provider = remote->kind();
  const std::string providerLabel = "the " + std::string(providerName(provider)) + " provider";
  if (provider == ProviderKind::images && kind != "text-to-image") {
    throw Error(Errc::unsupported, providerLabel + " generates images from text only (kind text-to-image): kind " +
                                       kind + " needs the jobs or tasks provider");
  }
  if (request.model.empty() && provider != ProviderKind::images) {
    throw Error(Errc::config, "kind " + kind + " on " + providerLabel +
                                  " needs a model: pass --model MODEL (`pixabots remote models` lists them)");
  }

  Json input = request.input;
  if (!request.prompt.empty()) input["prompt"] = request.prompt;
  if (provider == ProviderKind::tasks) {
    if (input.contains("scene") && input["scene"] != kind) {
      throw Error(Errc::validation, "the input's scene " + input["scene"].dump() + " contradicts kind " + kind, 0,
                  std::nullopt, {"scene: must be the kind, " + kind});
    }
    input["scene"] = kind;
  }

  const CancelToken* cancel = request.waitOptions.cancel;
  // Without a model the images API picks its default, whose schema is not
  // known here: the server checks that input.
  Job job = request.model.empty() ? remote->submit(request.model, input, cancel)
                                  : submitValidated(*remote, request.model, input, cancel);
  if (request.wait && job.status != JobStatus::completed) {
    job = waitForJob(*remote, *client, job.id, request.waitOptions);
  }
  return job;
}

}  // namespace

Generator::Generator(const core::Pack& pack, Provider* remote, ApiClient* client)
    : pack_(pack), remote_(remote), client_(client) {
  // Waiting polls through the client, so a provider always comes with one.
  if ((remote == nullptr) != (client == nullptr)) {
    throw std::invalid_argument("Generator: give both a provider and its client, or neither (offline)");
  }
}

bool Generator::isLocalKind(std::string_view kind) { return generate::isLocalKind(kind); }

GenerateResult Generator::generate(const GenerateRequest& request) {
  checkKindName(request.kind);
  if (isLocalKind(request.kind)) return drawLocal(pack_, request);
  GenerateResult result;
  result.local = false;
  result.job = generateRemote(remote_, client_, request);
  return result;
}

}  // namespace pixabots::remote
