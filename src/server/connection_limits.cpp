#include "server/connection_limits.hpp"

namespace pixabots::server {

ConnectionLimits::Admission ConnectionLimits::admit(const std::string& address) {
  const std::lock_guard lock(mutex_);
  if (open_ >= maxTotal_) return Admission::overTotal;
  int& mine = perAddress_[address];
  if (mine >= maxPerAddress_) return Admission::overAddress;
  ++mine;
  ++open_;
  return Admission::admitted;
}

void ConnectionLimits::release(const std::string& address) {
  const std::lock_guard lock(mutex_);
  const auto it = perAddress_.find(address);
  if (it == perAddress_.end()) return;
  --open_;
  // Entries go with their last connection, so the map holds open addresses only.
  if (--it->second == 0) perAddress_.erase(it);
}

int ConnectionLimits::open() const {
  const std::lock_guard lock(mutex_);
  return open_;
}

std::string ConnectionLimits::refusal(Admission admission) const {
  if (admission == Admission::overTotal) {
    return std::to_string(maxTotal_) + " connections open (--max-connections)";
  }
  return std::to_string(maxPerAddress_) + " connections open from this address (--max-connections-per-address)";
}

}  // namespace pixabots::server
