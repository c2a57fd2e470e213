// `pixabots generate`: any kind of picture through one command. The local
// kinds (pixabot, og) are drawn by generate::drawLocal, as the remote
// Generator draws them, with no provider and no network, in every build
// (they never read the remote configuration either). Other kinds go to the
// configured provider through remote::Generator, in the remote helper
// (cli/remote/helper.hpp), which `pixabots` execs for them.
#include <array>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pack_option.hpp"
#include "generate/local_kinds.hpp"
#include "io/output_file.hpp"
#include "cli/remote/provider_options.hpp"
#include "pixabots/core/error.hpp"

#if defined(PIXABOTS_CLI_REMOTE_HELPER)
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "cli/remote/connection.hpp"
#include "cli/remote/input_json.hpp"
#include "cli/remote/interrupt.hpp"
#include "cli/remote/job_steps.hpp"
#include "cli/remote/report.hpp"
#include "remote/generator.hpp"
#elif defined(PIXABOTS_WITH_REMOTE)
#include "cli/remote/helper.hpp"
#endif

namespace pixabots::cli {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void usage(const std::string& message) { throw core::Error(core::Errc::invalid_option, message); }

// The format a local kind is written in: --format, else the output file's
// extension when it is one of them, else PNG.
std::string localFormat(const Args& args, const std::optional<std::string>& output) {
  if (auto format = args.value("--format")) return *format;
  if (output) {
    const std::string ext = fs::path(*output).extension().string();
    for (const char* known : {".png", ".gif", ".webp", ".svg"}) {
      if (ext == known) return ext.substr(1);
    }
  }
  return "png";
}

int generateLocal(const Args& args, const std::string& kind, const std::optional<std::string>& output) {
  for (const char* remoteOnly : {"--prompt", "--model", "--input", "--deadline"}) {
    if (args.value(remoteOnly)) usage("kind " + kind + " is drawn locally: " + remoteOnly + " is for remote kinds");
  }
  if (args.flag("--no-wait")) usage("kind " + kind + " is drawn locally: --no-wait is for remote kinds");
  const PackOption pack(args);
  generate::LocalRequest request;
  request.kind = kind;
  request.id = args.value("--id").value_or("");
  request.seed = args.value("--seed");
  if (auto size = args.integer("--size")) request.size = *size;
  request.format = localFormat(args, output);
  const generate::LocalImage image = generate::drawLocal(pack.pack(), request);

  fs::path file;
  if (output) {
    file = *output;
  } else {
    // As for remote outputs, a missing --out directory is created.
    const fs::path dir = args.value("--out").value_or(".");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw core::Error(core::Errc::io, "cannot create directory " + dir.string() + ": " + ec.message());
    file = dir / ((image.id.empty() ? kind : image.id) + "." + request.format);
  }
  io::writeOutput(file, image.bytes);
  if (file == "-") return 0;
  if (args.flag("--json")) {
    const nlohmann::json doc{{"kind", kind},
                             {"id", image.id.empty() ? nlohmann::json(nullptr) : nlohmann::json(image.id)},
                             {"files", {file.string()}}};
    std::cout << doc.dump(2) << "\n";
  } else {
    std::cout << (image.id.empty() ? kind : image.id) << " -> " << file.string() << "\n";
  }
  return 0;
}

#if defined(PIXABOTS_CLI_REMOTE_HELPER)

// A directory beside `file` that is removed with everything in it when this
// goes out of scope: downloads land there, then the one output is renamed
// onto `file` (the same file system, so the rename is atomic).
class DownloadDir {
 public:
  explicit DownloadDir(const fs::path& file) {
    const fs::path parent = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    std::string pattern = (parent / ".pixabots-download-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
      throw remote::Error(remote::Errc::io,
                          "cannot create a download directory in " + parent.string() + ": " + std::strerror(errno));
    }
    path_ = pattern;
  }
  ~DownloadDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  DownloadDir(const DownloadDir&) = delete;
  DownloadDir& operator=(const DownloadDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// -o FILE: the job's single output, written to FILE.
fs::path downloadTo(remote::ApiClient& client, const remote::Job& job, const fs::path& file,
                    const remote::DownloadOptions& options) {
  if (job.outputs.size() != 1) {
    throw remote::Error(remote::Errc::unsupported, "-o FILE takes one output, and job " + job.id + " has " +
                                                       std::to_string(job.outputs.size()) +
                                                       ": use --out DIR to keep them all");
  }
  const DownloadDir dir(file);
  const auto written = remote::downloadOutputs(client, job, dir.path(), options);
  io::renameOutput(written.at(0), file);
  return file;
}

int generateRemote(const Args& args, const std::string& kind, const std::optional<std::string>& output,
                   const std::vector<std::string_view>&) {
  for (const char* localOnly : {"--id", "--seed", "--size", "--format", "--pack"}) {
    if (args.value(localOnly))
      usage("kind " + kind + " is generated remotely: " + localOnly + " is for pixabot and og");
  }
  const bool wait = !args.flag("--no-wait");
  if (!wait && (output || args.value("--out"))) usage("--no-wait leaves nothing to download: drop -o / --out");
  if (output && *output == "-") usage("a remote kind's output cannot go to stdout: give -o FILE or --out DIR");
  // Before the job is paid for; downloadTo checks again when the file is whole.
  if (output) io::checkOutputTarget(*output);

  remote::GenerateRequest request;
  request.kind = kind;
  request.prompt = args.value("--prompt").value_or("");
  request.model = args.value("--model").value_or("");
  if (auto input = args.value("--input")) request.input = parseInputOption(*input);
  request.wait = wait;
  const auto deadline = deadlineOption(args);

  std::unique_ptr<Connection> connection;
  std::string apiKey;
  try {
    // No provider is not an error here: the Generator says what the kind needs.
    if (auto config = configFromArgs(args)) connection = std::make_unique<Connection>(std::move(*config));
    if (connection) apiKey = connection->apiKey();
    remote::CancelToken cancel;
    const InterruptCancels interrupt(cancel);
    WaitProgress progress(::isatty(STDERR_FILENO) == 1, apiKey);
    request.waitOptions = waitOptions(progress, cancel, deadline);
    remote::Generator generator(core::Pack::embedded(), connection ? &connection->provider() : nullptr,
                                connection ? &connection->client() : nullptr);
    const remote::Job job = *generator.generate(request).job;
    std::optional<std::vector<fs::path>> files;
    if (wait) {
      requireNotFailed(job);
      remote::DownloadOptions download;
      download.cancel = &cancel;
      files = output ? std::vector<fs::path>{downloadTo(connection->client(), job, *output, download)}
                     : remote::downloadOutputs(connection->client(), job, args.value("--out").value_or("."), download);
    }
    printRedacted(jobText(job, files, args.flag("--json")), apiKey);
    return 0;
  } catch (const remote::Error& e) {
    return reportFailure("generate", e, apiKey);
  }
}

#elif defined(PIXABOTS_WITH_REMOTE)

int generateRemote(const Args&, const std::string&, const std::optional<std::string>&,
                   const std::vector<std::string_view>& argv) {
  runInRemoteHelper("generate", argv);
}

#else

int generateRemote(const Args&, const std::string& kind, const std::optional<std::string>&,
                   const std::vector<std::string_view>&) {
  throw std::runtime_error("kind " + kind +
                           " needs a remote provider, and remote generation is not built in: this pixabots was "
                           "built without libcurl (or with PIXABOTS_REMOTE=OFF); the local kinds are pixabot and og");
}

#endif

constexpr auto kOwnOptions = std::to_array<Option>({
    {.name = "--kind",
     .value = "KIND",
     .help = "pixabot or og (drawn here), or a remote kind: text-to-image, image-to-image, text-to-video, "
             "image-to-video or any scene the provider offers",
     .choices = "pixabot og text-to-image image-to-image text-to-video image-to-video"},
    {.name = "--output",
     .alias = "-o",
     .value = "FILE",
     .help = "the picture (local kinds: '-' for stdout; remote: the job's one output)",
     .complete = Completion::file},
    {.name = "--out",
     .value = "DIR",
     .help = "the directory (default .): local kinds as ID.FORMAT or og.png, remote outputs as JOB-N.EXT",
     .complete = Completion::directory},
    {.name = "--json",
     .help = "print {kind, id, files} (local) or the job {id, status, outputs, error, expiresAt, raw, files} "
             "(remote) instead of the lines for people"},
    {.name = "--id", .value = "ID", .help = "pixabot, og: the avatar's ID", .group = "local kinds"},
    {.name = "--seed",
     .value = "TEXT",
     .help = "pixabot: the avatar of a text when there is no --id (else a random one); og: the grid's seed"},
    {.name = "--size", .value = "N", .help = "pixabot: width and height, 32..1920 (default 128)"},
    {.name = "--format",
     .value = "FORMAT",
     .help = "pixabot: png, gif, webp or svg (default: from -o's extension, else png)",
     .choices = "png gif webp svg"},
    kPackOption,
    {.name = "--prompt", .value = "TEXT", .help = "what to generate", .group = "remote kinds"},
    {.name = "--model",
     .value = "M",
     .help = "the model (`pixabots remote models`); required by the jobs and tasks providers; the input is "
             "checked against its schema first"},
    {.name = "--input", .value = "JSON|@FILE", .help = "more model input, a JSON object (--prompt sets \"prompt\")"},
    {.name = "--no-wait", .help = "submit and print the job (ID, status) without waiting"},
    {.name = "--deadline", .value = "S", .help = "give up waiting after S seconds (default 600)"},
});
constexpr auto kOptions = joinOptions(kOwnOptions, kProviderOptions);

int generate(const std::vector<std::string_view>& argv) {
  const Args args(argv, kOptions);
  if (!args.positionals().empty()) usage("generate takes options only, got \"" + args.positionals()[0] + "\"");
  const auto kind = args.value("--kind");
  if (!kind) usage("generate needs --kind: pixabot or og (drawn locally), or a remote kind such as text-to-image");
  const auto output = args.value("--output");
  if (output && args.value("--out")) usage("give -o FILE or --out DIR, not both");
  if (output && *output == "-" && args.flag("--json")) usage("--json and -o - would both write to stdout");
  return generate::isLocalKind(*kind) ? generateLocal(args, *kind, output) : generateRemote(args, *kind, output, argv);
}

}  // namespace

const Command kGenerateCommand{
    .name = "generate",
    .summary = "a picture of any kind: pixabot and og locally, others remotely",
    .synopsis = "--kind KIND [options] [-o FILE | --out DIR]",
    .description =
        "A picture of any kind through one command. The local kinds are drawn here, with no\n"
        "network: pixabot (an avatar, the bytes render writes) and og (the 1200x630 PNG card\n"
        "of --id alone, else the grid --seed picks). Remote kinds go to the configured\n"
        "provider, never silently: without one they fail saying how to configure it\n"
        "(docs/remote.md, pixabots remote). The API key comes only from PIXABOTS_API_KEY or\n"
        "the config file: flags show in `ps`.",
    .options = kOptions,
    .notes =
        "Files are written under a temporary name and renamed into place: never half a file.\n"
        "\n"
        "Exit status: 0 done, 1 failure, 2 bad usage, 130 cancelled (Ctrl-C while waiting).",
    .examples =
        "pixabots generate --kind pixabot --seed alice -o alice.png\n"
        "pixabots generate --kind og --id 2156 -o card.png\n"
        "pixabots generate --kind text-to-image --prompt 'a fox' --model flux-1.1-pro",
    .run = generate,
};

}  // namespace pixabots::cli
