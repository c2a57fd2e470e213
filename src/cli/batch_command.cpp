// `pixabots batch`: many avatars into a directory, on all cores. The pieces
// live in cli/batch/: the input (work_list), formats x sizes (variants), file
// names (name_template, plan), --shard, the worker pool (runner), the
// progress bar and the manifest.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include <unistd.h>

#include "cli/args.hpp"
#include "cli/batch/manifest.hpp"
#include "cli/batch/name_template.hpp"
#include "cli/batch/plan.hpp"
#include "cli/batch/progress.hpp"
#include "cli/batch/runner.hpp"
#include "cli/batch/shard.hpp"
#include "cli/batch/variants.hpp"
#include "cli/batch/work_list.hpp"
#include "cli/commands.hpp"
#include "cli/image_options.hpp"
#include "cli/list_file.hpp"
#include "cli/pack_option.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/json.hpp"
#include "pixabots/pixabots.hpp"

namespace pixabots::cli {
namespace {

using namespace batch;

constexpr int kMaxJobs = 1024;

[[noreturn]] void usage(const std::string& message) { throw core::Error(core::Errc::invalid_option, message); }

int inRange(const Args& args, std::string_view flag, int fallback, int low, int high) {
  const int v = args.integer(flag).value_or(fallback);
  if (v < low || v > high) {
    usage(std::string(flag) + " " + std::to_string(v) + " is out of range: must be an integer between " +
          std::to_string(low) + " and " + std::to_string(high));
  }
  return v;
}

// Exactly one of the four inputs, read and checked line by line.
WorkList readInput(const Args& args, const Context& ctx, const Shard& shard) {
  const int given = int(args.flag("--all")) + int(args.value("--ids").has_value()) +
                    int(args.value("--seeds").has_value()) + int(args.value("--count").has_value());
  if (given != 1) usage("batch needs exactly one input: --all, --ids FILE, --seeds FILE or --count N");
  if (args.value("--random-seed") && !args.value("--count")) usage("--random-seed goes with --count");
  if (args.flag("--all")) return allIds(ctx);
  if (auto ids = args.value("--ids")) return idsFromFile(ctx, *ids);
  if (auto seeds = args.value("--seeds")) return seedsFromFile(ctx, *seeds);
  const int total = static_cast<int>(ctx.comboCount());
  const int count = inRange(args, "--count", 1, 1, total);
  // Every shard must draw the same IDs, so a sharded random batch needs a fixed seed.
  if (shard.count > 1 && !args.value("--random-seed")) usage("--shard with --count needs --random-seed N");
  std::uint64_t seed = 0;
  if (args.value("--random-seed")) {
    seed = static_cast<std::uint64_t>(inRange(args, "--random-seed", 0, 0, std::numeric_limits<int>::max()));
  } else {
    seed = (std::uint64_t{std::random_device{}()} << 32) | std::random_device{}();
  }
  return randomIds(ctx, static_cast<std::uint32_t>(count), seed);
}

Options renderOptions(const Args& args) {
  Options options;
  if (auto hue = args.number("--hue")) options.hue = *hue;
  if (auto saturate = args.number("--saturate")) options.saturate = *saturate;
  options.bg = args.value("--bg");
  if (auto speed = args.number("--speed")) options.speed = *speed;
  options.compactSvg = args.flag("--compact");
  if (auto origin = args.value("--origin")) options.origin = core::parseOrigin(*origin);
  return options;
}

// Keeps this shard's share: entries by combo index, bad lines by position
// (so each bad line is reported by exactly one shard).
void keepShard(WorkList& list, const Shard& shard) {
  std::erase_if(list.entries, [&](const Entry& e) { return !shard.owns(e.combo); });
  std::erase_if(list.bad, [&](const BadEntry& b) { return !shard.owns(b.index); });
}

std::string summary(const RunResult& run, std::size_t bad, std::size_t unreported, double seconds,
                    const std::filesystem::path& out) {
  std::size_t written = 0, skipped = 0, failed = 0;
  for (const JobResult& r : run.results) {
    written += r.outcome == Outcome::written;
    skipped += r.outcome == Outcome::skipped;
    failed += r.outcome == Outcome::failed;
  }
  char time[32];
  std::snprintf(time, sizeof time, "%.2f s", seconds);
  std::string text = std::to_string(written) + " written, " + std::to_string(skipped) + " skipped (already there), " +
                     std::to_string(failed) + " failed";
  if (bad > 0) text += ", " + std::to_string(bad) + " bad input line" + (bad == 1 ? "" : "s");
  if (run.interrupted) text += ", interrupted";
  text += " in " + std::string(time) + " -> " + out.string();
  if (unreported > 0) text += " (" + std::to_string(unreported) + " more problems not shown)";
  return text;
}

constexpr Option kOptions[] = {
    {.name = "--all",
     .help = "every ID, in browse order (10,752 with the built-in catalog)",
     .group = "input (exactly one)"},
    {.name = "--ids",
     .value = "FILE",
     .help = "one ID per line ('-' = stdin); blank lines and # comments skipped",
     .complete = Completion::file},
    {.name = "--seeds",
     .value = "FILE",
     .help = "one seed per line (user names, e-mails): the avatar of each text",
     .complete = Completion::file},
    {.name = "--count", .value = "N", .help = "N different random IDs, 1..10752"},
    {.name = "--random-seed", .value = "S", .help = "with --count: draws the same IDs every time (0..2147483647)"},
    {.name = "--out",
     .value = "DIR",
     .help = "the directory (created if missing)",
     .complete = Completion::directory,
     .group = "output"},
    {.name = "--name",
     .value = "TEMPLATE",
     .help = "file names inside DIR, '/' makes subdirectories; placeholders {id} {seed} {index} {size} "
             "{format} (default {id}.{format}, or {id}-{size}.{format} with several sizes)"},
    {.name = "--format",
     .value = "LIST",
     .help = "png, apng, gif, webp, svg, json, frames, comma-separated (default png)"},
    {.name = "--size", .value = "LIST", .help = "sizes 32..1920, comma-separated (default 128)"},
    kHueOption,
    kSaturateOption,
    kBgOption,
    kAnimatedOption,
    kSpeedOption,
    kCompactOption,
    kOriginOption,
    kPackOption,
    {.name = "--manifest",
     .value = "FILE",
     .help = "list of the files: FILE.jsonl (JSON Lines) or FILE.csv (id, seed, parts, format, size, file, "
             "bytes)",
     .complete = Completion::file},
    {.name = "--jobs", .value = "N", .help = "worker threads, 1..1024 (default: every core)", .group = "running"},
    {.name = "--shard", .value = "i/n", .help = "do only share i of n (0 <= i < n), to split a batch over machines"},
    {.name = "--overwrite", .help = "render files that already exist (default: skip them, so a rerun resumes)"},
    {.name = "--strict", .help = "any bad input line stops the batch before it starts; any failed file stops it"},
    {.name = "--quiet", .help = "no progress bar and no summary (problems are still reported)"},
};

int runBatch(const std::vector<std::string_view>& argv) {
  const Args args(argv, kOptions);
  if (!args.positionals().empty()) {
    usage("unexpected argument \"" + args.positionals()[0] + "\": IDs go in a file given with --ids FILE");
  }
  const auto out = args.value("--out");
  if (!out) usage("batch needs an output directory: --out DIR");
  const auto hardware = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  const unsigned threads = static_cast<unsigned>(inRange(args, "--jobs", std::min(hardware, kMaxJobs), 1, kMaxJobs));
  const Shard shard = parseShard(args.value("--shard").value_or("0/1"));
  const std::vector<Variant> variants =
      parseVariants(args.value("--format").value_or("png"), args.value("--size").value_or("128"), renderOptions(args),
                    args.flag("--animated"));
  // Several sizes need {size} in the name to tell their files apart.
  const bool sized = std::any_of(variants.begin(), variants.end(),
                                 [&](const Variant& v) { return v.options.size != variants[0].options.size; });
  const NameTemplate name(args.value("--name").value_or(sized ? "{id}-{size}.{format}" : "{id}.{format}"));
  if (name.usesSeed() && !args.value("--seeds")) usage("{seed} in --name needs --seeds FILE");
  std::optional<Manifest> manifest;
  if (auto path = args.value("--manifest")) manifest.emplace(*path);

  const auto pack = args.value("--pack");
  const Context ctx = pack ? Context::fromDirectory(*pack) : Context();
  // Bad options (size 20, --bg red) fail here, before any file is touched.
  for (const Variant& v : variants) (void)ctx.render(ctx.idAt(0), v.options);

  WorkList input = readInput(args, ctx, shard);
  keepShard(input, shard);
  const Plan plan = makePlan(input.entries, variants, name, *out);

  const bool quiet = args.flag("--quiet");
  Progress progress(plan.jobs.size(), !quiet && ::isatty(STDERR_FILENO) == 1);
  for (const BadEntry& b : input.bad) progress.report(b.message);
  if (args.flag("--strict") && !input.bad.empty()) {
    progress.message("--strict: " + std::to_string(input.bad.size()) + " bad input line(s), nothing written");
    return 1;
  }
  for (const std::filesystem::path& dir : plan.directories) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw core::Error(core::Errc::io, "cannot create directory " + dir.string() + ": " + ec.message());
  }

  const std::string source = args.value("--ids").value_or(args.value("--seeds").value_or(""));
  const RunResult run = runJobs(
      ctx, plan.jobs, {threads, args.flag("--overwrite"), args.flag("--strict"), listFileLabel(source)}, progress);
  bool failed = run.interrupted || !input.bad.empty();
  if (manifest) {
    for (const Row& row : plan.rows) {
      const JobResult& r = run.results[row.job];
      if (r.outcome == Outcome::written || r.outcome == Outcome::skipped) {
        manifest->add(ctx, *row.entry, *row.variant, plan.jobs[row.job].file, r.bytes);
      }
    }
    manifest->write();
  }
  // Pending: never started, because --strict or a signal stopped the run.
  for (const JobResult& r : run.results)
    failed = failed || r.outcome == Outcome::failed || r.outcome == Outcome::pending;
  if (!quiet) progress.message(summary(run, input.bad.size(), progress.unreported(), progress.elapsedSeconds(), *out));
  return failed ? 1 : 0;
}

}  // namespace

const Command kBatchCommand{
    .name = "batch",
    .summary = "many avatars to a directory, on all cores",
    .synopsis = "INPUT --out DIR [options]",
    .description =
        "Many avatars into a directory, in any of the formats and sizes render knows, with a\n"
        "progress bar on a terminal and an optional manifest of what was written. INPUT is\n"
        "one of --all, --ids FILE, --seeds FILE or --count N.",
    .options = kOptions,
    .notes =
        "A bad input line is reported with its line number and the others are still written.\n"
        "Files are written through a temporary file and renamed: an interrupted batch leaves\n"
        "no partial files, and running it again finishes it. A progress bar shows on a\n"
        "terminal only. docs/batch.md has a guide.\n"
        "\n"
        "Exit status: 0 every file written or already there; 1 some line bad or file failed\n"
        "(or interrupted); 2 bad usage.",
    .examples =
        "pixabots batch --all --out all/\n"
        "pixabots batch --seeds users.txt --format png,webp --size 64,256 --out out/\n"
        "pixabots batch --count 100 --random-seed 7 --shard 0/2 --out part0/",
    .run = runBatch,
};

}  // namespace pixabots::cli
