#include "server/render_gate.hpp"

#include <utility>

namespace pixabots::server {

RenderGate::RenderGate(int maxConcurrent) : max_(maxConcurrent) {}

RenderGate::Ticket& RenderGate::Ticket::operator=(Ticket&& other) noexcept {
  if (this != &other) {
    if (gate_) gate_->leave();
    gate_ = std::exchange(other.gate_, nullptr);
  }
  return *this;
}

RenderGate::Ticket::~Ticket() {
  if (gate_) gate_->leave();
}

std::optional<RenderGate::Ticket> RenderGate::tryEnter(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  const auto hasRoom = [this] { return max_ <= 0 || inFlight_ < max_; };
  // wait_for with a predicate copes with spurious wakeups and with another
  // waiter taking the slot first.
  if (!hasRoom() && (wait <= wait.zero() || !freed_.wait_for(lock, wait, hasRoom))) return std::nullopt;
  ++inFlight_;
  return Ticket(this);
}

void RenderGate::leave() {
  {
    const std::lock_guard lock(mutex_);
    --inFlight_;
  }
  freed_.notify_one();
}

int RenderGate::inFlight() const {
  const std::lock_guard lock(mutex_);
  return inFlight_;
}

}  // namespace pixabots::server
