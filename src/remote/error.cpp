#include "remote/error.hpp"

namespace pixabots::remote {

std::string_view errcName(Errc code) {
  switch (code) {
    case Errc::unauthorized: return "unauthorized";
    case Errc::insufficient_credits: return "insufficient_credits";
    case Errc::forbidden: return "forbidden";
    case Errc::validation: return "validation";
    case Errc::not_found: return "not_found";
    case Errc::expired: return "expired";
    case Errc::rate_limited: return "rate_limited";
    case Errc::server: return "server";
    case Errc::rejected: return "rejected";
    case Errc::timeout: return "timeout";
    case Errc::unreachable: return "unreachable";
    case Errc::network: return "network";
    case Errc::malformed_reply: return "malformed_reply";
    case Errc::too_large: return "too_large";
    case Errc::bad_content_type: return "bad_content_type";
    case Errc::job_failed: return "job_failed";
    case Errc::cancelled: return "cancelled";
    case Errc::unsupported: return "unsupported";
    case Errc::config: return "config";
    case Errc::io: return "io";
  }
  return "unknown";
}

}  // namespace pixabots::remote
