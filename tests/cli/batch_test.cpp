// `pixabots batch`: runs the real binary on small inputs and checks the files,
// their names, the manifest, sharding, resuming, bad lines and usage errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "pixabots/core.hpp"
#include "pixabots/pixabots.hpp"
#include "support/cli_run.hpp"
#include "support/files.hpp"

namespace fs = std::filesystem;
using namespace testing;  // run, Run, scratch, expectFailure, conformancePackDir

namespace {

// A fresh, empty directory for one test.
fs::path freshDir(const std::string& name) {
  const fs::path dir = scratch(name);
  fs::remove_all(dir);
  return dir;
}

fs::path writeLines(const std::string& name, const std::string& text) {
  const fs::path path = scratch(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::set<std::string> filesIn(const fs::path& dir) {
  std::set<std::string> names;
  if (!fs::exists(dir)) return names;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) names.insert(fs::relative(e.path(), dir).generic_string());
  }
  return names;
}

pixabots::core::Image expectedPixels(const std::string& id, int size) {
  using namespace pixabots::core;
  RenderOptions options;
  options.size = size;
  return render(Pack::embedded(), decodeId(Catalog::service(), id), options);
}

}  // namespace

TEST_CASE("batch writes what render writes, named from the template") {
  const fs::path out = freshDir("batch_ids");
  const fs::path ids = writeLines("batch_ids.txt", "2156\n3409\n");
  Run r =
      run("batch --ids " + ids.string() + " --size 64,128 --name '{index}/{id}_{size}.{format}' --out " + out.string());
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(filesIn(out) == std::set<std::string>{"0/2156_64.png", "0/2156_128.png", "1/3409_64.png", "1/3409_128.png"});
  for (const auto& [file, id, size] :
       {std::tuple{"0/2156_64.png", "2156", 64}, std::tuple{"1/3409_128.png", "3409", 128}}) {
    CHECK(pixabots::core::decodePng(testing::readBytes(out / file)) == expectedPixels(id, size));
  }
  // Byte for byte the file `render` writes.
  const fs::path single = scratch("batch_single.png");
  REQUIRE(run("render 3409 --size 128 -o " + single.string()).status == 0);
  CHECK(testing::readBytes(out / "1/3409_128.png") == testing::readBytes(single));
  CHECK_THAT(r.output, Catch::Contains("4 written, 0 skipped (already there), 0 failed"));
}

TEST_CASE("batch writes several formats in one pass with the render options") {
  const fs::path out = freshDir("batch_formats");
  const fs::path ids = writeLines("batch_formats.txt", "2156\n");
  REQUIRE(run("batch --ids " + ids.string() +
              " --format png,webp,gif,svg,json,frames --size 48 --hue 200 --bg '#fde68a'"
              " --animated --out " +
              out.string())
              .status == 0);
  CHECK(filesIn(out) ==
        std::set<std::string>{"2156.png", "2156.webp", "2156.gif", "2156.svg", "2156.json", "2156.frames.json"});
  // --animated makes png an APNG, as render does for a .png name.
  for (const char* ext : {"png", "webp", "gif", "svg", "json"}) {
    const fs::path single = scratch(std::string("batch_formats_single.") + ext);
    REQUIRE(run("render 2156 --size 48 --hue 200 --bg '#fde68a' --animated -o " + single.string()).status == 0);
    INFO(ext);
    CHECK(testing::readBytes(out / ("2156." + std::string(ext))) == testing::readBytes(single));
  }
}

TEST_CASE("batch manifest lists every file exactly, as JSON Lines or CSV") {
  // alice twice: one file, two rows. A CRLF line ending and a blank line are not part of any seed.
  const fs::path seeds = writeLines("batch_seeds.txt", "alice\r\n\nmallory, \"the\" tester\nalice\n");
  const fs::path out = freshDir("batch_manifest");
  const fs::path jsonl = scratch("batch_manifest.jsonl"), csv = scratch("batch_manifest.csv");
  REQUIRE(run("batch --seeds " + seeds.string() + " --out " + out.string() + " --manifest " + jsonl.string()).status ==
          0);
  REQUIRE(run("batch --seeds " + seeds.string() + " --out " + out.string() + " --manifest " + csv.string()).status ==
          0);
  // seededId: alice = 3409, mallory... = d44a.
  CHECK(filesIn(out) == std::set<std::string>{"3409.png", "d44a.png"});
  const std::string alice = std::to_string(fs::file_size(out / "3409.png"));
  const std::string mallory = std::to_string(fs::file_size(out / "d44a.png"));
  const std::string aliceRow =
      "{\"id\":\"3409\",\"seed\":\"alice\",\"parts\":{\"eyes\":\"human\",\"heads\":\"box\",\"body\":\"backpack\","
      "\"top\":\"bun\"},\"format\":\"png\",\"size\":128,\"file\":\"3409.png\",\"bytes\":" +
      alice + "}\n";
  CHECK(testing::readText(jsonl) ==
        aliceRow +
            "{\"id\":\"d44a\",\"seed\":\"mallory, \\\"the\\\" tester\",\"parts\":{\"eyes\":\"visor\",\"heads\":\"box\","
            "\"body\":\"tank\",\"top\":\"horns\"},\"format\":\"png\",\"size\":128,\"file\":\"d44a.png\",\"bytes\":" +
            mallory + "}\n" + aliceRow);
  CHECK(testing::readText(csv) ==
        "id,seed,eyes,heads,body,top,format,size,file,bytes\n"
        "3409,alice,human,box,backpack,bun,png,128,3409.png," +
            alice +
            "\n"
            "d44a,\"mallory, \"\"the\"\" tester\",visor,box,tank,horns,png,128,d44a.png," +
            mallory +
            "\n"
            "3409,alice,human,box,backpack,bun,png,128,3409.png," +
            alice + "\n");
  // Without --seeds the seed is null (JSON) or empty (CSV).
  const fs::path ids = writeLines("batch_manifest_ids.txt", "2156\n");
  REQUIRE(
      run("batch --ids " + ids.string() + " --size 64 --out " + out.string() + " --manifest " + csv.string()).status ==
      0);
  CHECK(testing::readText(csv) ==
        "id,seed,eyes,heads,body,top,format,size,file,bytes\n"
        "2156,,glasses,blob,wings,mohawk,png,64,2156.png," +
            std::to_string(fs::file_size(out / "2156.png")) + "\n");
  REQUIRE(run("batch --ids " + ids.string() + " --size 64 --out " + out.string() + " --manifest " + jsonl.string())
              .status == 0);
  CHECK_THAT(testing::readText(jsonl),
             Catch::StartsWith("{\"id\":\"2156\",\"seed\":null,\"parts\":{\"eyes\":\"glasses\""));
  expectFailure("batch --all --out " + out.string() + " --manifest " + scratch("m.txt").string(), 2,
                "--manifest \"" + scratch("m.txt").string() + "\": name it .jsonl (JSON Lines) or .csv");
}

TEST_CASE("batch --seeds gives render --seed's avatars, and {seed} is a safe file name") {
  const fs::path seeds = writeLines("batch_seed_names.txt", "alice@example.com\na/b\n.hidden\n");
  const fs::path out = freshDir("batch_seed_names");
  Run r = run("batch --seeds " + seeds.string() + " --name '{seed}.{format}' --out " + out.string());
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(filesIn(out) == std::set<std::string>{"alice@example.com.png", "a%2Fb.png", "%2Ehidden.png"});
  const fs::path single = scratch("batch_seed_single.png");
  REQUIRE(run("render --seed a/b -o " + single.string()).status == 0);
  CHECK(testing::readBytes(out / "a%2Fb.png") == testing::readBytes(single));
}

TEST_CASE("batch --shard i/n: the shards together write exactly the whole batch, once") {
  const std::string input = "--count 60 --random-seed 7 --out ";
  const fs::path whole = freshDir("batch_whole"), shards = freshDir("batch_shards");
  REQUIRE(run("batch " + input + whole.string()).status == 0);
  REQUIRE(run("batch " + input + shards.string() + " --shard 0/2").status == 0);
  const std::set<std::string> first = filesIn(shards);
  REQUIRE(run("batch " + input + shards.string() + " --shard 1/2").status == 0);
  const std::set<std::string> both = filesIn(shards);
  CHECK(filesIn(whole).size() == 60);  // 60 different IDs
  CHECK(both == filesIn(whole));
  CHECK(first.size() > 10);
  CHECK(first.size() < 50);
  // The second shard wrote only files the first did not: nothing was skipped.
  Run again = run("batch " + input + shards.string() + " --shard 1/2");
  CHECK_THAT(again.output, Catch::Contains(std::to_string(60 - first.size()) + " skipped"));
  // Without a fixed seed, every shard would draw other IDs.
  expectFailure("batch --count 5 --shard 0/2 --out " + shards.string(), 2, "--shard with --count needs --random-seed");
}

TEST_CASE("batch resumes: files already there are skipped and it says so") {
  const fs::path out = freshDir("batch_resume");
  const fs::path ids = writeLines("batch_resume.txt", "2156\n3409\n0000\n");
  const std::string args = "batch --ids " + ids.string() + " --out " + out.string();
  REQUIRE(run(args).status == 0);
  std::ofstream(out / "3409.png", std::ios::binary) << "kept";  // a skipped file is not read or rewritten
  fs::remove(out / "0000.png");
  Run again = run(args);
  CHECK(again.status == 0);
  CHECK_THAT(again.output, Catch::Contains("1 written, 2 skipped (already there), 0 failed"));
  CHECK(testing::readText(out / "3409.png") == "kept");
  CHECK(filesIn(out) == std::set<std::string>{"0000.png", "2156.png", "3409.png"});  // no temporary files left
  Run forced = run(args + " --overwrite");
  CHECK_THAT(forced.output, Catch::Contains("3 written, 0 skipped"));
  CHECK(pixabots::core::decodePng(testing::readBytes(out / "3409.png")) == expectedPixels("3409", 128));
}

TEST_CASE("batch reports a bad line with its number and writes the others, --strict stops") {
  const fs::path ids = writeLines("batch_bad.txt", "2156\nzzzz\n\n# a comment\n000A\n00b0\n");
  const fs::path out = freshDir("batch_bad");
  Run r = run("batch --ids " + ids.string() + " --out " + out.string());
  INFO(r.output);
  CHECK(r.status == 1);
  CHECK_THAT(r.output, Catch::Contains(ids.string() + ":2: invalid ID \"zzzz\""));
  CHECK_THAT(r.output, Catch::Contains(ids.string() + ":6: invalid ID \"00b0\": body index 11 is out of range 0..6"));
  CHECK_THAT(r.output, Catch::Contains("2 written, 0 skipped (already there), 0 failed, 2 bad input lines"));
  CHECK(filesIn(out) == std::set<std::string>{"2156.png", "000a.png"});  // upper case is lowered, as the service does

  const fs::path strict = freshDir("batch_strict");
  Run s = run("batch --strict --ids " + ids.string() + " --out " + strict.string());
  CHECK(s.status == 1);
  CHECK_THAT(s.output, Catch::Contains(":2: invalid ID \"zzzz\""));
  CHECK_THAT(s.output, Catch::Contains("--strict: 2 bad input line(s), nothing written"));
  CHECK(filesIn(strict).empty());

  const fs::path seeds = writeLines("batch_bad_seeds.txt", "alice\n\xff\xfe\nbob\n");
  const fs::path seedOut = freshDir("batch_bad_seeds");
  Run u = run("batch --seeds " + seeds.string() + " --name '{seed}.{format}' --out " + seedOut.string());
  CHECK(u.status == 1);
  CHECK_THAT(u.output, Catch::Contains(seeds.string() + ":2: the seed is not valid UTF-8"));
  CHECK(filesIn(seedOut) == std::set<std::string>{"alice.png", "bob.png"});
}

TEST_CASE("batch: bad usage exits 2 naming the flag and what it accepts, and writes nothing") {
  const fs::path out = freshDir("batch_usage");
  const std::string o = " --out " + out.string();
  struct Case {
    std::string args, message;
  };
  for (const Case& c : {
           Case{"--all --jobs 0" + o, "--jobs 0 is out of range: must be an integer between 1 and 1024"},
           Case{"--count 0" + o, "--count 0 is out of range: must be an integer between 1 and 10752"},
           Case{"--count 3 --size 20" + o, "size 20 is out of range: must be an integer between 32 and 1920"},
           Case{"--count 3 --size 64,abc" + o, "--size \"64,abc\": \"abc\" is not an integer"},
           Case{"--count 3 --saturate 9" + o, "saturate 9 is out of range: must be between 0 and 4"},
           Case{"--all --shard 2/2" + o,
                "--shard \"2/2\" is not valid: expected i/n with n between 1 and 1000000 and i between 0 and n-1"},
           Case{"--all --format sheet" + o,
                "--format \"sheet\" is not available in batch: use png, apng, gif, webp, svg, json or frames"},
           Case{"--all --format bmp" + o, "--format \"bmp\" is not one of png, apng, gif"},
           Case{"--all --name x.png" + o, "needs {id}, {seed} or {index}"},
           Case{"--all --name '{id}.{ext}'" + o,
                "unknown placeholder {ext}; use {id}, {seed}, {index}, {size}, {format}"},
           Case{"--all --name '../{id}.png'" + o, "must stay inside --out"},
           Case{"--all --name '{seed}.png'" + o, "{seed} in --name needs --seeds FILE"},
           Case{"--all --format png,apng" + o,
                "gives the same file \"0000.png\" to 0000 (png 128) and 0000 (apng 128)"},
           Case{"--all --size 64,128 --name '{id}.png'" + o, "gives the same file"},
           Case{o, "batch needs exactly one input: --all, --ids FILE, --seeds FILE or --count N"},
           Case{"--all --count 3" + o, "batch needs exactly one input"},
           Case{"--all --random-seed 3" + o, "--random-seed goes with --count"},
           Case{"--all 2156" + o, "unexpected argument \"2156\""},
           Case{"--all --frobnicate" + o, "unknown option --frobnicate"},
           Case{"--all", "batch needs an output directory: --out DIR"},
       }) {
    expectFailure("batch " + c.args, 2, c.message);
    CHECK_FALSE(fs::exists(out));
  }
  // Failures that are not usage: status 1.
  expectFailure("batch --ids /nonexistent/ids.txt" + o, 1, "cannot read /nonexistent/ids.txt");
  const fs::path file = writeLines("batch_not_a_dir", "x");
  expectFailure("batch --count 2 --out " + file.string() + "/sub", 1,
                "cannot create directory " + file.string() + "/sub");
}

TEST_CASE("batch shows a progress bar on a terminal only") {
  const fs::path out = freshDir("batch_progress");
  const fs::path ids = writeLines("batch_progress.txt", "2156\n3409\n");
  Run piped = run("batch --ids " + ids.string() + " --out " + out.string());
  REQUIRE(piped.status == 0);
  CHECK(piped.output.find('\r') == std::string::npos);
  CHECK(piped.output.find("[#") == std::string::npos);
  CHECK(std::count(piped.output.begin(), piped.output.end(), '\n') == 1);  // the summary only
  CHECK(run("batch --quiet --overwrite --ids " + ids.string() + " --out " + out.string()).output.empty());

  // util-linux's `script` runs the command on a pseudo-terminal; `run` starts
  // the CLI itself, so it prints its version first and `script` does the rest.
  if (!fs::exists("/usr/bin/script")) return;
  const std::string command =
      std::string(PIXABOTS_CLI) + " batch --overwrite --ids " + ids.string() + " --out " + out.string();
  Run tty = run("--version >/dev/null; script -qec '" + command + "' /dev/null </dev/null");
  INFO(tty.output);
  CHECK_THAT(tty.output, Catch::Contains("[##############################] 2/2 100%"));
  CHECK_THAT(tty.output, Catch::Contains("2 written"));
}

TEST_CASE("batch --help describes every option") {
  Run r = run("batch --help");
  CHECK(r.status == 0);
  for (const char* flag :
       {"--all", "--ids", "--seeds", "--count", "--random-seed", "--out", "--name", "--format", "--size", "--animated",
        "--pack", "--manifest", "--jobs", "--shard", "--overwrite", "--strict", "{index}", "Exit status"}) {
    CHECK_THAT(r.output, Catch::Contains(flag));
  }
}
