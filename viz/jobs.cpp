#include "viz/jobs.hpp"

#include <stdexcept>

namespace wijknet::viz {

Answers compute_answers(const JobRequest& r) {
  const auto t0 = std::chrono::steady_clock::now();
  Answers a;
  a.version = r.version;
  a.registry_version = r.registry_version;
  a.lang = r.lang;
  a.scenario = r.scenario;
  a.at = r.at;
  bool have_health = false;
  if (r.scenario) {
    WhatIfOptions o;
    o.lang = r.lang;
    o.remove = r.scenario->removed;
    o.add_edges = r.scenario->added;
    o.at = r.at;
    try {
      a.whatif = what_if(r.doc, o);
      a.health = a.whatif->before;  // the document as it is
      have_health = true;
    } catch (const std::invalid_argument& e) {
      a.error = e.what();
    }
  }
  if (!have_health) a.health = assess_health(r.doc, HealthOptions{.at = r.at, .lang = r.lang});
  SuggestOptions so;
  so.lang = r.lang;
  so.at = r.at;
  a.suggestions = suggest(r.doc, r.registry, so);
  a.suggestions.registry_given = r.registry_given;
  a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return a;
}

Jobs::~Jobs() {
  {
    std::lock_guard lk(mutex_);
    stop_ = true;
    queued_.reset();
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Jobs::request(JobRequest r) {
  {
    std::lock_guard lk(mutex_);
    queued_ = std::move(r);
    if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
  }
  cv_.notify_all();
}

void Jobs::loop() {
  std::unique_lock lk(mutex_);
  while (true) {
    cv_.wait(lk, [&] { return stop_ || queued_.has_value(); });
    if (stop_) return;
    JobRequest r = std::move(*queued_);
    queued_.reset();
    running_ = true;
    started_ = std::chrono::steady_clock::now();
    lk.unlock();
    Answers a = compute_answers(r);
    lk.lock();
    running_ = false;
    done_ = std::move(a);
    cv_.notify_all();
  }
}

bool Jobs::poll() {
  std::lock_guard lk(mutex_);
  if (!done_) return false;
  latest_ = std::move(done_);
  done_.reset();
  return true;
}

bool Jobs::busy() const {
  std::lock_guard lk(mutex_);
  return running_ || queued_.has_value();
}

double Jobs::busy_seconds() const {
  std::lock_guard lk(mutex_);
  if (!running_) return 0.0;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

void Jobs::wait() {
  {
    std::unique_lock lk(mutex_);
    cv_.wait(lk, [&] { return !running_ && !queued_.has_value(); });
  }
  poll();
}

}  // namespace wijknet::viz
