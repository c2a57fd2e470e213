#pragma once
// Runs the real `pixabots` binary (PIXABOTS_CLI) for the CLI tests.
#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "support/files.hpp"

namespace testing {

struct Run {
  int status;
  std::string output;  // stdout and stderr together
};

// A shell command's exit status and what it wrote on stdout.
inline Run runShell(const std::string& command) {
  std::FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string output;
  std::array<char, 4096> buf;
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) output.append(buf.data(), n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

inline Run run(const std::string& args) { return runShell(std::string(PIXABOTS_CLI) + " " + args + " 2>&1"); }

// A per-process scratch directory under the system's temp directory.
inline std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("pixabots_cli_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}

inline const std::string& conformancePackDir() {
  static const std::string dir = dataPath("conformance/pack").string();
  return dir;
}

// A run with stdout and stderr apart, for output a program reads (--json).
struct SplitRun {
  int status;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `env ENV PIXABOTS_CLI ARGS`: `env` holds what env(1) takes before the
// command (NAME=value words, -u NAME), already quoted for the shell like `args`.
inline SplitRun runSplit(const std::string& args, const std::string& env = "") {
  static int runs = 0;
  const std::filesystem::path errFile = scratch("stderr_" + std::to_string(++runs) + ".txt");
  const Run r = runShell("env " + env + " " + std::string(PIXABOTS_CLI) + " " + args + " 2>" + errFile.string());
  std::string err = readText(errFile);
  std::filesystem::remove(errFile);
  return {r.status, r.output, err};
}

// Runs the CLI expecting it to fail with `status` and say `message`.
inline void expectFailure(const std::string& args, int status, const std::string& message) {
  INFO(args);
  const Run r = run(args);
  CHECK(r.status == status);
  CHECK_THAT(r.output, Catch::Contains(message));
}

}  // namespace testing
