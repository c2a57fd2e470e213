#pragma once
// Beast's HTTP/1.1 request parser, keeping only what the API reads (method,
// target and a handful of headers) and enforcing the server's limits as it
// goes: request-line and header bytes (Beast checks them while reading),
// header count, target length, a body that is read and dropped.
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace pixabots::server {

struct RequestLimits {
  std::size_t maxHeaderBytes = 16 * 1024;  // request line and header lines together
  int maxHeaders = 100;
  std::size_t maxTargetBytes = 8 * 1024;
  std::size_t maxBodyBytes = 8 * 1024;  // GET bodies mean nothing here; they are discarded
};

// What the server answers from.
struct RequestHead {
  std::string method;
  std::string target;
  int version = 11;  // 10 or 11
  bool hasHost = false;
  std::string host;
  std::string ifNoneMatch;
  std::string forwardedFor, forwardedProto, forwardedHost;  // X-Forwarded-*, read with --trust-proxy
  std::string reducedMotion;  // Sec-CH-Prefers-Reduced-Motion, repeated lines joined by commas
};

// The client asked for reduced motion: its Sec-CH-Prefers-Reduced-Motion is
// the structured-field token `reduce` (spaces around it allowed). Any other
// value, repeated lines included, does not parse as one token and is ignored
// (RFC 8941 4.2), as if the hint were absent.
bool prefersReducedMotion(const RequestHead& head);

class RequestParser : public boost::beast::http::basic_parser<true> {
 public:
  explicit RequestParser(const RequestLimits& limits);

  const RequestHead& head() const { return head_; }
  // The status a failed parse is answered with (400, 413, 414, 431) and the
  // words for it; 400 "Bad request" when Beast itself refused the bytes.
  int refusalStatus(boost::beast::error_code ec) const;
  std::string refusalMessage(boost::beast::error_code ec) const;

 private:
  void on_request_impl(boost::beast::http::verb, boost::beast::string_view method, boost::beast::string_view target,
                       int version, boost::beast::error_code& ec) override;
  void on_response_impl(int, boost::beast::string_view, int, boost::beast::error_code&) override {}
  void on_field_impl(boost::beast::http::field name, boost::beast::string_view nameText,
                     boost::beast::string_view value, boost::beast::error_code& ec) override;
  void on_header_impl(boost::beast::error_code&) override {}
  void on_body_init_impl(const boost::optional<std::uint64_t>&, boost::beast::error_code&) override {}
  std::size_t on_body_impl(boost::beast::string_view body, boost::beast::error_code&) override { return body.size(); }
  void on_chunk_header_impl(std::uint64_t, boost::beast::string_view, boost::beast::error_code&) override {}
  std::size_t on_chunk_body_impl(std::uint64_t, boost::beast::string_view body, boost::beast::error_code&) override {
    return body.size();
  }
  void on_finish_impl(boost::beast::error_code&) override {}

  void refuse(int status, std::string_view message, boost::beast::http::error error, boost::beast::error_code& ec);

  RequestLimits limits_;
  RequestHead head_;
  int fields_ = 0;
  int refusal_ = 0;  // set by our own checks; 0 when Beast refused
  std::string refusalMessage_;
};

}  // namespace pixabots::server
