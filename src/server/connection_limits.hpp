#pragma once
// Caps on open connections, in total and per client address, so one client
// (or a crowd of idle ones) cannot use up the server's file descriptors.
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pixabots::server {

class ConnectionLimits {
 public:
  ConnectionLimits(int maxTotal, int maxPerAddress) : maxTotal_(maxTotal), maxPerAddress_(maxPerAddress) {}

  enum class Admission { admitted, overTotal, overAddress };
  // Counts a new connection from `address` unless a cap is reached.
  Admission admit(const std::string& address);
  // Uncounts a connection admit() let in.
  void release(const std::string& address);

  int open() const;
  // Words for the log and the 503 body.
  std::string refusal(Admission admission) const;

 private:
  const int maxTotal_, maxPerAddress_;
  mutable std::mutex mutex_;
  int open_ = 0;
  std::unordered_map<std::string, int> perAddress_;
};

}  // namespace pixabots::server
