// The viewer's background answers: the coalition's health, the suggestions (missing sectors,
// candidates, introductions, succession) and a what-if scenario, computed by core/ on one worker
// thread from a copy of the document, so no frame ever waits for them. The latest request wins:
// a request made while another runs replaces any queued one, and the running one finishes.
// Nothing here touches ImGui or GL (tests/viz/test_insight.cpp drives it without a window).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/assess/health.hpp"
#include "core/assess/suggest.hpp"
#include "core/assess/whatif.hpp"

namespace wijknet::viz {

// A what-if scenario: members taken out and hypothetical ties, by id (as `wijknet whatif
// --remove ... --add-edge A:B`).
struct Scenario {
  std::vector<std::string> removed;
  std::vector<std::pair<std::string, std::string>> added;
  bool empty() const { return removed.empty() && added.empty(); }
  friend bool operator==(const Scenario&, const Scenario&) = default;
};

struct JobRequest {
  Coalition doc;
  std::uint64_t version = 0;  // AppState::content_version() of `doc`
  Lang lang = Lang::en;
  std::vector<Candidate> registry;
  bool registry_given = false;
  std::uint64_t registry_version = 0;
  std::optional<Scenario> scenario;  // a what-if too (the scenario may be empty: before == after)
  std::optional<Date> at;            // the coalition as it stood then (the date filter's); today when empty
};

struct Answers {
  std::uint64_t version = 0, registry_version = 0;
  Lang lang = Lang::en;
  HealthReport health;
  Suggestions suggestions;
  std::optional<Scenario> scenario;
  std::optional<WhatIf> whatif;
  std::optional<Date> at;  // the request's date (health.at is the date it resolved to)
  std::string error;  // what_if's message (an id the document no longer has)
  double seconds = 0;  // how long the computation took
};

class Jobs {
 public:
  Jobs() = default;
  Jobs(const Jobs&) = delete;
  Jobs& operator=(const Jobs&) = delete;
  ~Jobs();

  void request(JobRequest r);
  // Takes a finished computation as latest(); returns whether one arrived.
  bool poll();
  const Answers* latest() const { return latest_ ? &*latest_ : nullptr; }
  // A request queued or being computed.
  bool busy() const;
  // Seconds the current computation has run (0 when idle): panels show a progress line above 0.1 s.
  double busy_seconds() const;
  // Blocks until no request is queued or running, then polls (tests, --frames runs).
  void wait();

 private:
  void loop();

  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::thread thread_;
  bool stop_ = false, running_ = false;
  std::chrono::steady_clock::time_point started_;
  std::optional<JobRequest> queued_;
  std::optional<Answers> done_, latest_;
};

// Computes the answers to one request on the calling thread (what the worker runs).
Answers compute_answers(const JobRequest& r);

}  // namespace wijknet::viz
