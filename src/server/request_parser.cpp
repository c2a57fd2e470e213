#include "server/request_parser.hpp"

#include <boost/beast/http/error.hpp>

namespace pixabots::server {

namespace http = boost::beast::http;

RequestParser::RequestParser(const RequestLimits& limits) : limits_(limits) {
  header_limit(static_cast<std::uint32_t>(limits.maxHeaderBytes));
  body_limit(limits.maxBodyBytes);
}

void RequestParser::on_request_impl(http::verb, boost::beast::string_view method, boost::beast::string_view target,
                                    int version, boost::beast::error_code& ec) {
  if (target.size() > limits_.maxTargetBytes) return refuse(414, "URI too long", http::error::bad_target, ec);
  head_.method.assign(method.data(), method.size());
  head_.target.assign(target.data(), target.size());
  head_.version = version;
}

void RequestParser::on_field_impl(http::field name, boost::beast::string_view nameText, boost::beast::string_view value,
                                  boost::beast::error_code& ec) {
  if (++fields_ > limits_.maxHeaders) {
    refuse(431, "Request header fields too large", http::error::header_limit, ec);
    return;
  }
  // A repeated header the API reads is ambiguous (two Hosts are how request
  // smuggling starts): refuse rather than pick one.
  const auto once = [&](std::string& into, bool& seen) {
    if (seen) return refuse(400, "Bad request", http::error::bad_field, ec);
    seen = true;
    into.assign(value.data(), value.size());
  };
  // Proxies append: several lines of a list header are one list.
  const auto append = [&](std::string& into) {
    if (!into.empty()) into += ",";
    into.append(value.data(), value.size());
  };
  if (name == http::field::host) {
    once(head_.host, head_.hasHost);
  } else if (name == http::field::if_none_match) {
    append(head_.ifNoneMatch);
  } else if (name == http::field::unknown) {
    if (boost::beast::iequals(nameText, "x-forwarded-for"))
      append(head_.forwardedFor);
    else if (boost::beast::iequals(nameText, "x-forwarded-proto"))
      append(head_.forwardedProto);
    else if (boost::beast::iequals(nameText, "x-forwarded-host"))
      append(head_.forwardedHost);
    else if (boost::beast::iequals(nameText, "sec-ch-prefers-reduced-motion"))
      append(head_.reducedMotion);
  }
}

bool prefersReducedMotion(const RequestHead& head) {
  std::string_view value = head.reducedMotion;
  while (value.starts_with(' ')) value.remove_prefix(1);
  while (value.ends_with(' ')) value.remove_suffix(1);
  return value == "reduce";
}

void RequestParser::refuse(int status, std::string_view message, http::error error, boost::beast::error_code& ec) {
  refusal_ = status;
  refusalMessage_ = message;
  ec = error;
}

int RequestParser::refusalStatus(boost::beast::error_code ec) const {
  if (refusal_ != 0) return refusal_;
  if (ec == http::error::header_limit) return 431;
  if (ec == http::error::body_limit) return 413;
  return 400;
}

std::string RequestParser::refusalMessage(boost::beast::error_code ec) const {
  if (refusal_ != 0) return refusalMessage_;
  if (ec == http::error::header_limit) return "Request header fields too large";
  if (ec == http::error::body_limit) return "Payload too large";
  return "Bad request";
}

}  // namespace pixabots::server
