// `pixabots remote`: a generation provider's API from the command line
// (src/remote, docs/remote.md). Runs in the remote helper (cli/remote/
// helper.hpp), which `pixabots` execs; without remote generation built in it
// only says so.
#include <array>
#include <iterator>
#include <stdexcept>
#include <string>

#include "cli/commands.hpp"
#include "cli/remote/provider_options.hpp"

#if defined(PIXABOTS_CLI_REMOTE_HELPER)
#include <unistd.h>

#include <algorithm>
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

constexpr Option kWaitOption{.name = "--wait", .help = "poll until the job ends (a failed job exits 1)"};
constexpr Option kOutOption{.name = "--out",
                            .value = "DIR",
                            .help = "download the outputs into DIR (implies --wait)",
                            .complete = Completion::directory};
constexpr Option kDeadlineOption{
    .name = "--deadline", .value = "S", .help = "give up waiting after S seconds (default 600)"};
constexpr Option kRefreshOption{.name = "--refresh",
                                .value = "1|assets",
                                .help = "tasks provider: 1 asks upstream for the state, assets keeps the files",
                                .choices = "1 assets"};
constexpr Option kSortOption{
    .name = "--sort", .value = "ORDER", .help = "recent or popular", .choices = "recent popular"};

constexpr Option kRunOptions[] = {
    {.name = "--input",
     .value = "JSON|@FILE",
     .help = "the model's input: a JSON object, or @FILE to read it from a file (at most 4 MiB)"},
    kWaitOption,
    kOutOption,
    kDeadlineOption,
    {.name = "--validate", .help = "check the input against the model's schema first (the default)"},
    {.name = "--no-validate", .help = "submit the input unchecked"},
};
constexpr Option kJobOptions[] = {kRefreshOption, kWaitOption, kOutOption, kDeadlineOption};
constexpr Option kJobsOptions[] = {{.name = "--limit", .value = "N", .help = "at most N jobs"}};
constexpr Option kImagesOptions[] = {
    {.name = "--q", .value = "TEXT", .help = "search text"},
    {.name = "--category", .value = "C", .help = "only this category"},
    {.name = "--tag", .value = "T", .help = "only this tag"},
    {.name = "--filter", .value = "F", .help = "the provider's filter"},
    kSortOption,
    {.name = "--cursor", .value = "C", .help = "the page after the one that printed next: --cursor C"},
    {.name = "--limit", .value = "N", .help = "images per page, 1..50"},
};

constexpr Subcommand kSubcommands[] = {
    {.name = "models", .summary = "the models the provider offers (jobs, images providers)"},
    {.name = "schema", .operand = "MODEL", .summary = "the JSON Schema of a model's input"},
    {.name = "run",
     .operand = "MODEL",
     .summary = "start a generation; the input is checked against the model's schema first (every problem "
                "listed) unless --no-validate",
     .options = kRunOptions},
    {.name = "job", .operand = "ID", .summary = "a job's state", .options = kJobOptions},
    {.name = "jobs", .summary = "recent jobs (jobs provider)", .options = kJobsOptions},
    {.name = "webhook", .operand = "ID", .summary = "a job's webhook delivery state (jobs provider)"},
    {.name = "replay-webhook", .operand = "ID", .summary = "sends a finished job's webhook again (jobs provider)"},
    {.name = "me", .summary = "the key owner's account and credits (images provider)"},
    {.name = "images", .summary = "browse or search the image library (images provider)", .options = kImagesOptions},
    {.name = "image", .operand = "ID_OR_SLUG", .summary = "one library image (images provider)"},
};

// Every subcommand's besides its own.
constexpr auto kOptions =
    joinOptions(std::to_array<Option>({{.name = "--json",
                                        .help = "machine-readable JSON on stdout (jobs as {id, status, outputs, "
                                                "error, expiresAt, raw}; with --out also files)"}}),
                kProviderOptions);

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

// The option's value, when given, is one of its declared choices.
void requireChoice(const Args& args, const Option& option) {
  const auto value = args.value(option.name);
  if (!value) return;
  std::string list;
  for (std::string_view rest = option.choices; !rest.empty();) {
    const std::string_view choice = rest.substr(0, rest.find(' '));
    if (*value == choice) return;
    list += (list.empty() ? "" : ", ") + std::string(choice);
    rest.remove_prefix(std::min(rest.size(), choice.size() + 1));
  }
  usage(std::string(option.name) + " \"" + *value + "\" is not one of " + list);
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
  requireChoice(inv.args, kRefreshOption);
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
  requireChoice(inv.args, kSortOption);
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

// kSubcommands' run functions, in its order.
using Run = int (*)(Invocation&, const std::string& operand);
constexpr std::array<Run, std::size(kSubcommands)> kRuns = {models,  schema,        run, job,    jobs,
                                                            webhook, replayWebhook, me,  images, image};

std::string subcommandNames() {
  std::string names;
  for (const Subcommand& s : kSubcommands) names += (names.empty() ? "" : ", ") + std::string(s.name);
  return names;
}

int remoteCommand(const std::vector<std::string_view>& argv) {
  if (argv.empty() || argv[0].starts_with('-')) usage("remote needs a subcommand: " + subcommandNames());
  const auto sub = std::find_if(std::begin(kSubcommands), std::end(kSubcommands),
                                [&](const Subcommand& s) { return s.name == argv[0]; });
  if (sub == std::end(kSubcommands)) {
    usage("unknown remote subcommand \"" + std::string(argv[0]) + "\"; one of " + subcommandNames());
  }
  std::vector<Option> options(kOptions.begin(), kOptions.end());
  options.insert(options.end(), sub->options.begin(), sub->options.end());
  const Args args({argv.begin() + 1, argv.end()}, options);

  const std::string name = "remote " + std::string(sub->name);
  const auto& operands = args.positionals();
  if (sub->operand.empty() && !operands.empty()) usage(name + " takes no arguments, got \"" + operands[0] + "\"");
  if (!sub->operand.empty() && operands.size() != 1) {
    usage(name + " needs exactly one " + std::string(sub->operand) +
          (operands.empty() ? "" : ", got " + std::to_string(operands.size()) + " arguments"));
  }

  Invocation inv(args);
  try {
    return kRuns[static_cast<std::size_t>(sub - std::begin(kSubcommands))](
        inv, operands.empty() ? std::string() : operands[0]);
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
    .name = "remote",
    .summary = "a remote generation provider's API (models, run, jobs, ...)",
    .synopsis = "SUBCOMMAND [operand] [options]",
    .description =
        "Talks to a remote image/video generation provider, only when one is configured\n"
        "(nothing here is needed for avatars, which are always drawn locally). docs/remote.md",
    .options = kOptions,
    .subcommands = kSubcommands,
    .notes =
        "The API key comes only from PIXABOTS_API_KEY or the config file's api_key. There is no\n"
        "flag for it: command lines show in `ps` and shell history. It is never printed.\n"
        "While waiting, progress goes to stderr; Ctrl-C cancels the wait (exit 130).\n"
        "\n"
        "Exit status: 0 done, 1 failure (provider, network, job failed, no provider\n"
        "configured), 2 bad usage, 130 cancelled.",
    .examples =
        "pixabots remote models --provider jobs\n"
        "pixabots remote run flux-1.1-pro --input '{\"prompt\": \"a fox\"}' --out renders/\n"
        "pixabots remote job job_abc123 --wait",
    .run = remoteCommand,
};

}  // namespace pixabots::cli
