#pragma once
// A cap on concurrent expensive renders (animated, OG): a counting semaphore
// whose waits time out, so an overloaded server answers 503 + Retry-After
// instead of queueing work without bound.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <utility>

namespace pixabots::server {

class RenderGate {
 public:
  // maxConcurrent <= 0 means no cap (every tryEnter succeeds at once).
  explicit RenderGate(int maxConcurrent);
  RenderGate(const RenderGate&) = delete;
  RenderGate& operator=(const RenderGate&) = delete;

  // One admitted render; leaving its scope frees the slot. Movable, so it can
  // be handed to whatever finishes the response.
  class Ticket {
   public:
    Ticket(Ticket&& other) noexcept : gate_(std::exchange(other.gate_, nullptr)) {}
    Ticket& operator=(Ticket&& other) noexcept;
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    ~Ticket();

   private:
    friend class RenderGate;
    explicit Ticket(RenderGate* gate) : gate_(gate) {}
    RenderGate* gate_;
  };

  // A ticket once a slot is free, waiting at most `wait` (0: do not wait);
  // nullopt when the wait expires. The gate must outlive its tickets.
  std::optional<Ticket> tryEnter(std::chrono::milliseconds wait);

  int inFlight() const;  // tickets alive now
  int capacity() const { return max_; }

 private:
  void leave();

  const int max_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  int inFlight_ = 0;
};

}  // namespace pixabots::server
