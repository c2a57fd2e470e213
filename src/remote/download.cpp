// A completed job's assets, fetched into files that appear only when whole.
#include <fcntl.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include "io/output_file.hpp"
#include "pixabots/core/error.hpp"
#include "remote/config.hpp"
#include "remote/lifecycle.hpp"
#include "remote/provider_support.hpp"

namespace pixabots::remote {
namespace {

// "image/png" of "Image/PNG; charset=binary"; also puts an accepted prefix
// in the same form.
std::string mediaType(std::string_view contentType) {
  std::string_view type = contentType.substr(0, contentType.find(';'));
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.front()))) type.remove_prefix(1);
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) type.remove_suffix(1);
  std::string media;
  for (char c : type) media += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return media;
}

std::string extensionFor(const std::string& media) {
  static const std::pair<const char*, const char*> known[] = {
      {"image/png", ".png"}, {"image/jpeg", ".jpg"},  {"image/webp", ".webp"}, {"image/gif", ".gif"},
      {"video/mp4", ".mp4"}, {"video/webm", ".webm"}, {"audio/mpeg", ".mp3"},  {"audio/wav", ".wav"}};
  for (const auto& [type, extension] : known)
    if (media == type) return extension;
  return ".bin";
}

// The job id as a file name: the provider chose it, so nothing in it may
// reach another directory or hide the file.
std::string fileStem(std::string_view jobId) {
  std::string stem(jobId);
  for (char& c : stem)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  return stem.empty() ? "job" : stem;
}

std::string acceptedList(const std::vector<std::string>& types) {
  std::string out;
  for (const std::string& t : types) out += (out.empty() ? "" : ", ") + t;
  return out;
}

}  // namespace

std::vector<std::filesystem::path> downloadOutputs(ApiClient& client, const Job& job, const std::filesystem::path& dir,
                                                   const DownloadOptions& options) {
  const std::string& key = client.config().apiKey;
  if (job.status != JobStatus::completed)
    throw Error(Errc::validation, "job " + redact(job.id, key) + " is " + std::string(jobStatusName(job.status)) +
                                      ": only completed jobs have outputs to download");
  // Every URL is checked before anything is fetched, so a bad one does not
  // leave the job half downloaded.
  for (std::size_t i = 0; i < job.outputs.size(); ++i)
    if (!detail::isHttpUrl(job.outputs[i]))
      throw Error(Errc::malformed_reply, "output " + std::to_string(i + 1) + " of job " + redact(job.id, key) +
                                             " is not an http(s) URL: " + redact(job.outputs[i], key));
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error(Errc::io, "cannot create the directory " + dir.string() + ": " + ec.message());
  const io::Fd dirFd(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (dirFd.get() < 0) throw Error(Errc::io, "cannot open the directory " + dir.string() + ": " + std::strerror(errno));

  const std::string stem = fileStem(job.id);
  std::vector<std::filesystem::path> written;
  for (std::size_t i = 0; i < job.outputs.size(); ++i) {
    const std::string name = stem + "-" + std::to_string(i + 1);
    const std::string what = "output " + std::to_string(i + 1) + " of job " + redact(job.id, key);
    try {
      // The CLI's writer: an unguessable or unnamed temp file, and no device,
      // FIFO or link target ever written through.
      io::PendingFile file(dirFd.get(), name, (dir / name).string());
      HttpResponse response;
      try {
        response = client.download(
            job.outputs[i],
            [&](std::string_view chunk) {
              file.write({reinterpret_cast<const std::uint8_t*>(chunk.data()), chunk.size()});
            },
            [&] { file.restart(); }, options.cancel);
      } catch (const Error& e) {
        // The same failure, said of which output it was.
        throw Error(e.code(), what + ": " + e.what(), e.httpStatus(), e.retryAfter(), e.details());
      }
      // Checked once the body is in the temp file: a wrong type never gets a
      // name, and the transport needs no header callback.
      const std::string contentType = response.header("Content-Type").value_or("");
      const std::string media = mediaType(contentType);
      const bool accepted =
          !media.empty() && std::any_of(options.acceptedTypes.begin(), options.acceptedTypes.end(),
                                        [&](const std::string& t) { return media.starts_with(mediaType(t)); });
      if (!accepted)
        throw Error(
            Errc::bad_content_type,
            what + (contentType.empty() ? ": no Content-Type" : ": Content-Type \"" + redact(contentType, key) + "\"") +
                " is not accepted (accepted: " + acceptedList(options.acceptedTypes) + ")",
            response.status);
      const std::string final = name + extensionFor(media);
      // Synced: an asset was paid for and cannot always be fetched again
      // (outputs expire), unlike a render that a rerun makes again.
      file.commit(final, true, true, (dir / final).string());
      written.push_back(dir / final);
    } catch (const core::Error& e) {
      throw Error(Errc::io, what + ": " + e.what());
    }
  }
  return written;
}

}  // namespace pixabots::remote
