// waitForJob on a scripted provider and a FakeClock: the exact waits between
// polls (growth, cap, seeded jitter, server hints), the deadline never
// overslept, failure, cancellation and the progress callback.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "remote/config.hpp"
#include "remote/fake_clock.hpp"
#include "remote/lifecycle.hpp"
#include "remote/scripted_provider.hpp"
#include "remote/thrown_by.hpp"

using namespace pixabots::remote;
using pixabots::remote::test::FakeClock;
using pixabots::remote::test::NoTransport;
using pixabots::remote::test::ScriptedProvider;
using pixabots::remote::test::thrownBy;
using std::chrono::milliseconds;
using Sleeps = std::vector<milliseconds>;

namespace {

RemoteConfig offlineConfig() {
  RemoteConfig config;
  config.baseUrl = "http://127.0.0.1:9/api/v1";  // never contacted: polls go to the script
  return config;
}

// The provider, and a client that only lends its clock.
struct Rig {
  FakeClock clock;
  NoTransport transport;
  RemoteConfig config = offlineConfig();
  ApiClient client{config, transport, clock, 1};
  ScriptedProvider provider;

  // `n` polls answering `status`, then `last`.
  void script(int n, JobStatus status, Job last) {
    provider.script.assign(static_cast<std::size_t>(n), ScriptedProvider::job("job_1", status));
    provider.script.push_back(std::move(last));
  }
  Job wait(const WaitOptions& options) { return waitForJob(provider, client, "job_1", options); }
  milliseconds elapsed() { return std::chrono::duration_cast<milliseconds>(clock.now().time_since_epoch()); }
};

Job completed() { return ScriptedProvider::job("job_1", JobStatus::completed); }
Job processing() { return ScriptedProvider::job("job_1", JobStatus::processing); }

// Waits without jitter, so each is exactly the schedule's.
WaitOptions steady(milliseconds initial, double multiplier, milliseconds max,
                   milliseconds deadline = milliseconds(600'000)) {
  WaitOptions o;
  o.initialInterval = initial;
  o.multiplier = multiplier;
  o.maxInterval = max;
  o.deadline = deadline;
  o.jitter = 0;
  o.jitterSeed = 1;
  return o;
}

}  // namespace

TEST_CASE("wait: the interval grows by the multiplier up to the cap", "[remote][wait]") {
  Rig rig;
  rig.script(6, JobStatus::processing, completed());

  const Job job = rig.wait(steady(milliseconds(1000), 1.5, milliseconds(4000)));

  CHECK(job.status == JobStatus::completed);
  CHECK(rig.provider.polls.size() == 7);
  CHECK(rig.clock.sleeps() == Sleeps{milliseconds(1000), milliseconds(1500), milliseconds(2250), milliseconds(3375),
                                     milliseconds(4000), milliseconds(4000)});
  for (const auto& poll : rig.provider.polls) CHECK(poll.id == "job_1");
}

TEST_CASE("wait: a seeded jitter gives an exact, repeatable sequence within its bounds", "[remote][wait]") {
  WaitOptions options = steady(milliseconds(1000), 2.0, milliseconds(8000));
  options.jitter = 0.25;
  options.jitterSeed = 7;
  const auto run = [&](std::uint64_t seed) {
    Rig rig;
    rig.script(6, JobStatus::processing, completed());
    WaitOptions o = options;
    o.jitterSeed = seed;
    rig.wait(o);
    return rig.clock.sleeps();
  };

  const Sleeps sleeps = run(7);

  // Each wait is the schedule's scaled by the next draw from the seeded engine.
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> factor(0.75, 1.25);
  const std::vector<double> schedule = {1000, 2000, 4000, 8000, 8000, 8000};
  Sleeps expected;
  for (double base : schedule) expected.push_back(milliseconds(std::llround(base * factor(rng))));
  CHECK(sleeps == expected);
  bool jittered = false;
  for (std::size_t i = 0; i < sleeps.size(); ++i) {
    CHECK(sleeps[i].count() >= std::llround(schedule[i] * 0.75));
    CHECK(sleeps[i].count() <= std::llround(schedule[i] * 1.25));
    jittered = jittered || sleeps[i].count() != static_cast<long long>(schedule[i]);
  }
  CHECK(jittered);
  CHECK(run(7) == sleeps);
  CHECK(run(8) != sleeps);
}

TEST_CASE("wait: a server's poll hint replaces the computed wait and the schedule moves on", "[remote][wait]") {
  Rig rig;
  Job hinted = processing();
  hinted.pollHint = milliseconds(7000);
  rig.provider.script = {processing(), hinted, processing(), completed()};

  rig.wait(steady(milliseconds(1000), 1.5, milliseconds(15'000)));

  CHECK(rig.clock.sleeps() == Sleeps{milliseconds(1000), milliseconds(7000), milliseconds(2250)});
}

TEST_CASE("wait: the last sleep is cut to end at the deadline, where a final poll decides", "[remote][wait]") {
  Rig rig;
  rig.provider.script = {processing()};

  const Error e =
      thrownBy([&] { rig.wait(steady(milliseconds(1000), 2.0, milliseconds(15'000), milliseconds(10'000))); });

  CHECK(e.code() == Errc::timeout);
  CHECK(std::string(e.what()) == "job job_1 still processing after 10 s (deadline)");
  CHECK(rig.clock.sleeps() == Sleeps{milliseconds(1000), milliseconds(2000), milliseconds(4000), milliseconds(3000)});
  CHECK(rig.provider.polls.size() == 5);
  CHECK(rig.elapsed() == milliseconds(10'000));

  // A job done by that final poll is returned.
  Rig done;
  done.script(4, JobStatus::processing, completed());
  CHECK(done.wait(steady(milliseconds(1000), 2.0, milliseconds(15'000), milliseconds(10'000))).status ==
        JobStatus::completed);
  CHECK(done.elapsed() == milliseconds(10'000));
}

TEST_CASE("wait: a hint longer than the time left is cut to the deadline", "[remote][wait]") {
  Rig rig;
  Job hinted = processing();
  hinted.pollHint = milliseconds(60'000);
  rig.provider.script = {hinted};

  const Error e =
      thrownBy([&] { rig.wait(steady(milliseconds(1000), 2.0, milliseconds(15'000), milliseconds(5000))); });

  CHECK(e.code() == Errc::timeout);
  CHECK(rig.clock.sleeps() == Sleeps{milliseconds(5000)});
  CHECK(rig.provider.polls.size() == 2);
}

TEST_CASE("wait: time spent in slow polls counts against the deadline", "[remote][wait]") {
  Rig rig;
  rig.provider.script = {ScriptedProvider::job("job_1", JobStatus::pending)};
  rig.provider.beforeReply = [&](int) { rig.clock.advance(milliseconds(4000)); };

  const Error e =
      thrownBy([&] { rig.wait(steady(milliseconds(1000), 1.5, milliseconds(15'000), milliseconds(10'000))); });

  // Polls end at 4 s, 9 s and 14 s; the sleeps between never pass 10 s.
  CHECK(std::string(e.what()) == "job job_1 still pending after 14 s (deadline)");
  CHECK(rig.clock.sleeps() == Sleeps{milliseconds(1000), milliseconds(1000)});
  CHECK(rig.provider.polls.size() == 3);
}

TEST_CASE("wait: a zero deadline polls once and never sleeps", "[remote][wait]") {
  Rig rig;
  rig.provider.script = {processing()};
  const Error e = thrownBy([&] { rig.wait(steady(milliseconds(1000), 2.0, milliseconds(15'000), milliseconds(0))); });
  CHECK(std::string(e.what()) == "job job_1 still processing after 0 s (deadline)");
  CHECK(rig.provider.polls.size() == 1);
  CHECK(rig.clock.sleeps().empty());
}

TEST_CASE("wait: a failed job throws job_failed with the provider's reason", "[remote][wait]") {
  Rig rig;
  Job failed = ScriptedProvider::job("job_1", JobStatus::failed);
  failed.error = "NSFW content detected";
  rig.script(1, JobStatus::processing, failed);

  const Error e = thrownBy([&] { rig.wait(steady(milliseconds(1000), 2.0, milliseconds(15'000))); });

  CHECK(e.code() == Errc::job_failed);
  CHECK(std::string(e.what()) == "job job_1 failed: NSFW content detected");
  CHECK(rig.clock.sleeps() == Sleeps{milliseconds(1000)});

  Rig silent;
  silent.provider.script = {ScriptedProvider::job("job_1", JobStatus::failed)};
  CHECK(std::string(thrownBy([&] { silent.wait(steady(milliseconds(1000), 2.0, milliseconds(15'000))); }).what()) ==
        "job job_1 failed: the provider gave no reason");
}

TEST_CASE("wait: cancelling from the progress callback stops before the next sleep", "[remote][wait]") {
  Rig rig;
  rig.provider.script = {processing()};
  CancelToken cancel;
  WaitOptions options = steady(milliseconds(1000), 1.5, milliseconds(15'000));
  options.cancel = &cancel;
  options.onPoll = [&](const Job&, int count, milliseconds) {
    if (count == 3) cancel.cancel();
  };

  const Error e = thrownBy([&] { rig.wait(options); });

  CHECK(e.code() == Errc::cancelled);
  CHECK(std::string(e.what()) == "waiting for job job_1 was cancelled");
  CHECK(rig.provider.polls.size() == 3);
  CHECK(rig.clock.sleeps() == Sleeps{milliseconds(1000), milliseconds(1500)});
  // The token reaches each poll, so a poll's own retries stop too.
  for (const auto& poll : rig.provider.polls) CHECK(poll.cancel == &cancel);
}

TEST_CASE("wait: a token cancelled beforehand means no poll at all", "[remote][wait]") {
  Rig rig;
  rig.provider.script = {completed()};
  CancelToken cancel;
  cancel.cancel();
  WaitOptions options = steady(milliseconds(1000), 1.5, milliseconds(15'000));
  options.cancel = &cancel;

  CHECK(thrownBy([&] { rig.wait(options); }).code() == Errc::cancelled);
  CHECK(rig.provider.polls.empty());
}

TEST_CASE("wait: onPoll sees every poll with its count and the time elapsed", "[remote][wait]") {
  Rig rig;
  rig.provider.script = {ScriptedProvider::job("job_1", JobStatus::pending), processing(), processing(), completed()};
  std::vector<std::tuple<JobStatus, int, milliseconds>> seen;
  WaitOptions options = steady(milliseconds(1000), 2.0, milliseconds(15'000));
  options.onPoll = [&](const Job& job, int count, milliseconds elapsed) {
    seen.emplace_back(job.status, count, elapsed);
  };

  rig.wait(options);

  CHECK(seen == std::vector<std::tuple<JobStatus, int, milliseconds>>{
                    {JobStatus::pending, 1, milliseconds(0)},
                    {JobStatus::processing, 2, milliseconds(1000)},
                    {JobStatus::processing, 3, milliseconds(3000)},
                    {JobStatus::completed, 4, milliseconds(7000)},
                });
}

TEST_CASE("wait: poll options reach the provider, and a poll's error ends the wait", "[remote][wait]") {
  Rig rig;
  rig.provider.script = {processing()};
  rig.provider.beforeReply = [](int poll) {
    if (poll == 2) throw Error(Errc::expired, "GET /jobs/job_1: 410 gone");
  };
  WaitOptions options = steady(milliseconds(1000), 2.0, milliseconds(15'000));
  options.poll.refresh = "assets";

  const Error e = thrownBy([&] { rig.wait(options); });

  CHECK(e.code() == Errc::expired);
  REQUIRE(rig.provider.polls.size() == 2);
  CHECK(rig.provider.polls[0].refresh == "assets");
  CHECK(rig.provider.polls[1].refresh == "assets");
  CHECK(rig.clock.sleeps() == Sleeps{milliseconds(1000)});
}

TEST_CASE("wait: options out of range are refused before any poll", "[remote][wait]") {
  Rig rig;
  rig.provider.script = {completed()};
  const auto refused = [&](WaitOptions o) {
    const Error e = thrownBy([&] { rig.wait(o); });
    CHECK(e.code() == Errc::config);
    return std::string(e.what());
  };
  const WaitOptions ok = steady(milliseconds(1000), 2.0, milliseconds(15'000));
  WaitOptions o = ok;
  o.jitter = 1.0;
  CHECK(refused(o) == "wait options: jitter 1 is outside [0, 1)");
  o = ok;
  o.multiplier = 0.5;
  CHECK(refused(o) == "wait options: multiplier 0.5 must be at least 1");
  o = ok;
  o.initialInterval = milliseconds(0);
  CHECK(refused(o) == "wait options: initial interval 0 ms must be above 0");
  o = ok;
  o.maxInterval = milliseconds(500);
  CHECK(refused(o) == "wait options: max interval 500 ms is below the initial interval 1000 ms");
  o = ok;
  o.deadline = milliseconds(-1);
  CHECK(refused(o) == "wait options: deadline -1 ms is negative");
  CHECK(rig.provider.polls.empty());
}
