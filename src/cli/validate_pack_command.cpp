// `pixabots validate-pack`: every problem of a sprite pack at once, so an
// artist fixes them in one pass instead of one load error at a time.
#include <filesystem>
#include <iostream>
#include <string>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::cli {
namespace {

using namespace pixabots::core;

constexpr Operand kOperands[] = {
    {.name = "DIR", .help = "the sprite pack directory (docs/packs.md)", .complete = Completion::directory}};

int validatePack(const std::vector<std::string_view>& argv) {
  const Args args(argv, {});
  if (args.positionals().size() != 1) {
    throw Error(Errc::invalid_option, "validate-pack needs exactly one pack directory");
  }
  const std::filesystem::path dir = args.positionals()[0];
  const auto problems = checkPackDirectory(dir);
  if (!problems.empty()) {
    for (const PackProblem& p : problems) std::cout << (dir / p.file).generic_string() << ": " << p.problem << "\n";
    std::cerr << dir.generic_string() << ": " << problems.size() << (problems.size() == 1 ? " problem" : " problems")
              << "\n";
    return 1;
  }

  const Pack pack = Pack::fromDirectory(dir);
  const Catalog& catalog = pack.catalog();
  std::cout << pack.name() << ": valid:";
  for (Category c : kEncodingOrder) {
    std::cout << " " << catalog.count(c) << " " << categoryName(c) << ",";
  }
  std::cout << " " << catalog.combinations() << " combinations\n";
  return 0;
}

}  // namespace

const Command kValidatePackCommand{
    .name = "validate-pack",
    .summary = "every problem in a sprite pack",
    .synopsis = "DIR",
    .description =
        "Checks a sprite pack directory (docs/packs.md) by the rules the library loads it\n"
        "with, and lists every problem, one a line: FILE: PROBLEM (a missing or broken\n"
        "sheet, a wrong size, a bad manifest entry, ...).",
    .operands = kOperands,
    .notes =
        "Exit status 0 when the pack is valid (one line: its name, parts per category and\n"
        "combinations), 1 when problems were found.",
    .examples = "pixabots validate-pack my-pack",
    .run = validatePack,
};

}  // namespace pixabots::cli
