// `pixabots remote`: a generation provider's API from the command line
// (src/remote, docs/remote.md). Runs in the remote helper (cli/remote/
// helper.hpp), which `pixabots` execs; without remote generation built in it
// only says so.
#include <stdexcept>
#include <string>

#include "cli/commands.hpp"

#if defined(PIXABOTS_CLI_REMOTE_HELPER)
#include <unistd.h>

#include <algorithm>
#include <array>
#include <memory>

#include "cli/args.hpp"
#include "cli/remote/connection.hpp"
#include "cli/remote/input_json.hpp"
#include "cli/remote/interrupt.hpp"
#include "cli/remote/job_steps.hpp"
#include "cli/remote/report.hpp"
#include "cli/remote/wait_progress.hpp"
#include "pixabots/core/error.hpp"
#include "remote/job_json.hpp"
#include "remote/lifecycle.hpp"
#elif defined(PIXABOTS_WITH_REMOTE)
#include "cli/remote/helper.hpp"
#endif

namespace pixabots::cli {
namespace {

#if defined(PIXABOTS_CLI_REMOTE_HELPER)

[[noreturn]] void usage(const std::string& message) { throw core::Error(core::Errc::invalid_option, message); }

using remote::Json;

// One run of a subcommand: its arguments, the provider (connected only once
// the arguments are known to be good, so a usage error never waits on
// configuration) and the output.
class Invocation {
 public:
  explicit Invocation(const Args& arguments) : args(arguments) {}

  Connection& connect() {
    if (!connection_) {
      auto config = configFromArgs(args);
      if (!config) throw noProviderError();
      connection_ = std::make_unique<Connection>(std::move(*config));
    }
    return *connection_;
  }
  std::string_view apiKey() const { return connection_ ? connection_->apiKey() : std::string_view(); }
  bool json() const { return args.flag("--json"); }
  void print(std::string_view text) const { printRedacted(text, apiKey()); }
  void printJson(const Json& value) const { print(value.dump(2) + "\n"); }
  // --json: the value; otherwise the lines people read.
  void show(const Json& value, const std::string& human) const { json() ? printJson(value) : print(human); }

  const Args& args;

 private:
  std::unique_ptr<Connection> connection_;
};

// A count from 1 up (to `max` when there is one).
std::optional<int> countOption(const Args& args, std::string_view flag, std::optional<int> max = {}) {
  auto value = args.integer(flag);
  if (value && (*value < 1 || (max && *value > *max))) {
    usage(std::string(flag) + " " + std::to_string(*value) + " is out of range " +
          (max ? "1.." + std::to_string(*max) : "(must be at least 1)"));
  }
  return value;
}

void requireOneOf(const Args& args, std::string_view flag, std::initializer_list<std::string_view> accepted) {
  auto value = args.value(flag);
  if (!value || std::find(accepted.begin(), accepted.end(), *value) != accepted.end()) return;
  std::string list;
  for (std::string_view a : accepted) list += (list.empty() ? "" : ", ") + std::string(a);
  usage(std::string(flag) + " \"" + *value + "\" is not one of " + list);
}

// Waiting and downloading, shared by `run` and `job`: --wait polls until the
// job ends (a failed job is a failure, exit 1), --out DIR (which implies
// --wait) downloads its outputs. Ctrl-C cancels through `cancel`.
struct Finish {
  bool wait = false;
  std::optional<std::string> outDir;
  std::optional<std::chrono::milliseconds> deadline;
  remote::PollOptions poll;
};

Finish finishOptions(const Args& args) {
  Finish finish;
  finish.outDir = args.value("--out");
  finish.wait = args.flag("--wait") || finish.outDir.has_value();
  finish.deadline = deadlineOption(args);
  return finish;
}

int finishJob(Invocation& inv, remote::Job job, const Finish& finish, const remote::CancelToken& cancel) {
  Connection& connection = inv.connect();
  if (finish.wait && !remote::isTerminal(job.status)) {
    WaitProgress progress(::isatty(STDERR_FILENO) == 1, std::string(connection.apiKey()));
    remote::WaitOptions options = waitOptions(progress, cancel, finish.deadline);
    options.poll = finish.poll;
    job = remote::waitForJob(connection.provider(), connection.client(), job.id, options);
  }
  if (finish.wait) requireNotFailed(job);
  std::optional<std::vector<std::filesystem::path>> files;
  if (finish.outDir) {
    remote::DownloadOptions download;
    download.cancel = &cancel;
    files = remote::downloadOutputs(connection.client(), job, *finish.outDir, download);
  }
  inv.print(jobText(job, files, inv.json()));
  return 0;
}

int models(Invocation& inv, const std::string&) {
  const auto list = inv.connect().provider().listModels();
  Json doc = Json::array();
  for (const remote::Model& m : list) doc.push_back(remote::modelToJson(m));
  inv.show(doc, modelTable(list));
  return 0;
}

int schema(Invocation& inv, const std::string& model) {
  inv.printJson(inv.connect().provider().modelSchema(model));
  return 0;
}

int run(Invocation& inv, const std::string& model) {
  const auto text = inv.args.value("--input");
  if (!text) usage("remote run needs the model's input: --input JSON or --input @FILE");
  const Json input = parseInputOption(*text);
  if (inv.args.flag("--validate") && inv.args.flag("--no-validate"))
    usage("give --validate or --no-validate, not both");
  const bool validate = !inv.args.flag("--no-validate");
  const Finish finish = finishOptions(inv.args);
  Connection& connection = inv.connect();
  remote::CancelToken cancel;
  const InterruptCancels interrupt(cancel);
  remote::Job job = validate ? remote::submitValidated(connection.provider(), model, input, &cancel)
                             : connection.provider().submit(model, input, &cancel);
  return finishJob(inv, std::move(job), finish, cancel);
}

int job(Invocation& inv, const std::string& id) {
  requireOneOf(inv.args, "--refresh", {"1", "assets"});
  Finish finish = finishOptions(inv.args);
  finish.poll.refresh = inv.args.value("--refresh").value_or("");
  Connection& connection = inv.connect();
  remote::CancelToken cancel;
  const InterruptCancels interrupt(cancel);
  remote::Job job = connection.provider().getJob(id, finish.poll, &cancel);
  return finishJob(inv, std::move(job), finish, cancel);
}

int jobs(Invocation& inv, const std::string&) {
  const auto limit = countOption(inv.args, "--limit");
  const auto list = inv.connect().provider().listJobs(limit);
  Json doc = Json::array();
  std::vector<std::vector<std::string>> rows;
  for (const remote::Job& j : list) {
    doc.push_back(remote::jobToJson(j));
    rows.push_back(jobColumns(j));
  }
  inv.show(doc, table(rows));
  return 0;
}

// --json: the provider's object; otherwise its fields, a line each.
int showObject(Invocation& inv, const Json& object) {
  inv.show(object, fieldLines(object));
  return 0;
}

int webhook(Invocation& inv, const std::string& id) { return showObject(inv, inv.connect().provider().webhook(id)); }

int replayWebhook(Invocation& inv, const std::string& id) {
  return showObject(inv, inv.connect().provider().replayWebhook(id));
}

int me(Invocation& inv, const std::string&) { return showObject(inv, inv.connect().provider().account()); }

int images(Invocation& inv, const std::string&) {
  requireOneOf(inv.args, "--sort", {"recent", "popular"});
  remote::ImageQuery query;
  query.q = inv.args.value("--q").value_or("");
  query.category = inv.args.value("--category").value_or("");
  query.tag = inv.args.value("--tag").value_or("");
  query.filter = inv.args.value("--filter").value_or("");
  query.sort = inv.args.value("--sort").value_or("");
  query.cursor = inv.args.value("--cursor").value_or("");
  query.limit = countOption(inv.args, "--limit", 50);
  const remote::Page page = inv.connect().provider().listImages(query);
  const Json doc{{"items", page.items}, {"nextCursor", page.nextCursor ? Json(*page.nextCursor) : Json(nullptr)}};
  inv.show(doc, imageList(page));
  return 0;
}

int image(Invocation& inv, const std::string& idOrSlug) {
  return showObject(inv, inv.connect().provider().getImage(idOrSlug));
}

struct Subcommand {
  std::string_view name;
  std::string_view operand;                     // "MODEL", "ID", ...; empty: takes none
  std::vector<std::string_view> valued, flags;  // besides the provider options and --json
  int (*run)(Invocation&, const std::string& operand);
};

const std::array<Subcommand, 10> kSubcommands = {{
    {"models", "", {}, {}, models},
    {"schema", "MODEL", {}, {}, schema},
    {"run", "MODEL", {"--input", "--out", "--deadline"}, {"--validate", "--no-validate", "--wait"}, run},
    {"job", "ID", {"--refresh", "--out", "--deadline"}, {"--wait"}, job},
    {"jobs", "", {"--limit"}, {}, jobs},
    {"webhook", "ID", {}, {}, webhook},
    {"replay-webhook", "ID", {}, {}, replayWebhook},
    {"me", "", {}, {}, me},
    {"images", "", {"--q", "--category", "--tag", "--filter", "--sort", "--cursor", "--limit"}, {}, images},
    {"image", "ID_OR_SLUG", {}, {}, image},
}};

std::string subcommandNames() {
  std::string names;
  for (const Subcommand& s : kSubcommands) names += (names.empty() ? "" : ", ") + std::string(s.name);
  return names;
}

int remoteCommand(const std::vector<std::string_view>& argv) {
  if (argv.empty() || argv[0].starts_with('-')) usage("remote needs a subcommand: " + subcommandNames());
  const auto sub =
      std::find_if(kSubcommands.begin(), kSubcommands.end(), [&](const Subcommand& s) { return s.name == argv[0]; });
  if (sub == kSubcommands.end()) {
    usage("unknown remote subcommand \"" + std::string(argv[0]) + "\"; one of " + subcommandNames());
  }
  std::vector<std::string_view> valued(kProviderOptions.begin(), kProviderOptions.end());
  valued.insert(valued.end(), sub->valued.begin(), sub->valued.end());
  std::vector<std::string_view> flags = sub->flags;
  flags.push_back("--json");
  const Args args({argv.begin() + 1, argv.end()}, valued, flags);

  const std::string name = "remote " + std::string(sub->name);
  const auto& operands = args.positionals();
  if (sub->operand.empty() && !operands.empty()) usage(name + " takes no arguments, got \"" + operands[0] + "\"");
  if (!sub->operand.empty() && operands.size() != 1) {
    usage(name + " needs exactly one " + std::string(sub->operand) +
          (operands.empty() ? "" : ", got " + std::to_string(operands.size()) + " arguments"));
  }

  Invocation inv(args);
  try {
    return sub->run(inv, operands.empty() ? std::string() : operands[0]);
  } catch (const remote::Error& e) {
    return reportFailure("remote", e, inv.apiKey());
  }
}

#elif defined(PIXABOTS_WITH_REMOTE)

int remoteCommand(const std::vector<std::string_view>& argv) { runInRemoteHelper("remote", argv); }

#else

int remoteCommand(const std::vector<std::string_view>&) {
  throw std::runtime_error(
      "remote generation is not built in: this pixabots was built without libcurl (or with PIXABOTS_REMOTE=OFF)");
}

#endif

}  // namespace

const Command kRemoteCommand{
    "remote", "a remote generation provider's API (models, run, jobs, ...)",
    "usage: pixabots remote SUBCOMMAND [options]\n"
    "\n"
    "Talks to a remote image/video generation provider, only when one is configured\n"
    "(nothing here is needed for avatars, which are always drawn locally). docs/remote.md\n"
    "\n"
    "subcommands:\n"
    "  models                     the models the provider offers\n"
    "  schema MODEL               the JSON Schema of a model's input\n"
    "  run MODEL --input JSON|@FILE [--wait] [--out DIR] [--deadline S] [--no-validate]\n"
    "                             start a generation; the input is checked against the\n"
    "                             model's schema first (every problem listed) unless\n"
    "                             --no-validate; --wait polls until it ends; --out DIR\n"
    "                             (implies --wait) downloads the outputs into DIR\n"
    "  job ID [--refresh 1|assets] [--wait] [--out DIR] [--deadline S]\n"
    "                             a job's state (tasks: --refresh 1 asks upstream, assets\n"
    "                             keeps the files); --wait and --out as for run\n"
    "  jobs [--limit N]           recent jobs (jobs provider)\n"
    "  webhook ID                 a job's webhook delivery state (jobs provider)\n"
    "  replay-webhook ID          sends a finished job's webhook again (jobs provider)\n"
    "  me                         the key owner's account and credits (images provider)\n"
    "  images [--q TEXT] [--category C] [--tag T] [--filter F] [--sort recent|popular]\n"
    "         [--cursor C] [--limit 1..50]\n"
    "                             browse or search the image library (images provider)\n"
    "  image ID_OR_SLUG           one library image (images provider)\n"
    "\n"
    "options:\n"
    "  --provider jobs|images|tasks   the API shape (or PIXABOTS_PROVIDER, or the config file)\n"
    "  --base-url URL             the provider's base URL (or PIXABOTS_BASE_URL; default:\n"
    "                             the shape's public one)\n"
    "  --config FILE              settings file (default $PIXABOTS_CONFIG, else\n"
    "                             $XDG_CONFIG_HOME/pixabots/remote.json or\n"
    "                             ~/.config/pixabots/remote.json): a JSON object with\n"
    "                             provider, base_url, api_key, timeout_ms, task_provider\n"
    "  --timeout-ms N             per-request timeout in milliseconds, 1..3600000 (or\n"
    "                             PIXABOTS_TIMEOUT_MS; default 120000)\n"
    "  --task-provider NAME       tasks provider: the upstream \"provider\" field (e.g. evolink)\n"
    "  --deadline S               give up waiting after S seconds (default 600)\n"
    "  --json                     machine-readable JSON on stdout (jobs as {id, status,\n"
    "                             outputs, error, expiresAt, raw}; with --out also files)\n"
    "\n"
    "The API key comes only from PIXABOTS_API_KEY or the config file's api_key. There is\n"
    "no flag for it: command lines show in `ps` and shell history. It is never printed.\n"
    "While waiting, progress goes to stderr; Ctrl-C cancels the wait (exit 130).\n"
    "Exit status: 0 done, 1 failure (provider, network, job failed, no provider\n"
    "configured), 2 bad usage, 130 cancelled.\n",
    remoteCommand};

}  // namespace pixabots::cli
