// `pixabots manpage [COMMAND]`: the manual pages in roff, printed or written
// to a directory (the build installs them, gzipped, from there).
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <span>
#include <string>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/manpage.hpp"
#include "io/output_file.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/pixabots.hpp"

namespace pixabots::cli {
namespace {

// The date pages carry unless SOURCE_DATE_EPOCH says otherwise: that of the
// release the text describes, so the same sources always make the same pages
// (never the build's own time). Moves with PROJECT_VERSION.
constexpr std::string_view kManualDate = "2026-12-07";

constexpr Operand kOperands[] = {
    {.name = "COMMAND",
     .help = "the command whose page, pixabots-COMMAND(1), to print (default: pixabots(1))",
     .complete = Completion::command}};

constexpr Option kOptions[] = {
    {.name = "--out",
     .value = "DIR",
     .help = "write every page into DIR instead, as pixabots.1 and pixabots-COMMAND.1",
     .complete = Completion::directory},
};

[[noreturn]] void usage(const std::string& message) { throw core::Error(core::Errc::invalid_option, message); }

// SOURCE_DATE_EPOCH (reproducible-builds.org): seconds since 1970, as a UTC date.
std::string manualDate() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch) return std::string(kManualDate);
  char* end = nullptr;
  const long long seconds = std::strtoll(epoch, &end, 10);
  std::tm utc{};
  const auto time = static_cast<std::time_t>(seconds);
  char text[16];
  if (*epoch == '\0' || *end != '\0' || seconds < 0 || !gmtime_r(&time, &utc) ||
      std::strftime(text, sizeof text, "%Y-%m-%d", &utc) == 0) {
    usage("SOURCE_DATE_EPOCH \"" + std::string(epoch) + "\" is not a number of seconds since 1970");
  }
  return text;
}

void writeText(const std::filesystem::path& file, const std::string& text) {
  io::writeOutput(file, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

int manpage(const std::vector<std::string_view>& argv) {
  const Args args(argv, kOptions);
  const ManualEdition edition{manualDate(), std::string(version())};
  const auto& operands = args.positionals();
  if (operands.size() > 1) usage("manpage takes at most one command, got " + std::to_string(operands.size()));
  if (const auto dir = args.value("--out")) {
    if (!operands.empty()) usage("--out writes every page: give no command with it");
    std::filesystem::create_directories(*dir);
    writeText(std::filesystem::path(*dir) / "pixabots.1", overviewManPage(commands(), edition));
    for (const Command* c : commands()) {
      writeText(std::filesystem::path(*dir) / ("pixabots-" + std::string(c->name) + ".1"), commandManPage(*c, edition));
    }
    return 0;
  }
  if (operands.empty()) {
    std::cout << overviewManPage(commands(), edition);
    return 0;
  }
  std::cout << commandManPage(commandNamed(operands[0]), edition);
  return 0;
}

}  // namespace

const Command kManpageCommand{
    .name = "manpage",
    .summary = "the manual pages, in roff",
    .synopsis =
        "[COMMAND]\n"
        "--out DIR",
    .description =
        "Prints pixabots(1), the overview, or pixabots-COMMAND(1), made from the same table\n"
        "as --help. The pages carry the version and the date SOURCE_DATE_EPOCH gives (seconds\n"
        "since 1970, UTC), else the release's date: never the time they were made, so the\n"
        "same sources make the same pages. Packages install them; man -l reads one that is not\n"
        "installed.",
    .operands = kOperands,
    .options = kOptions,
    .examples =
        "pixabots manpage render | man -l -\n"
        "pixabots manpage --out share/man/man1",
    .run = manpage,
};

}  // namespace pixabots::cli
