#include "cli/batch/manifest.hpp"

#include <array>
#include <nlohmann/json.hpp>

#include "io/output_file.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::cli::batch {
namespace {

constexpr std::array<Category, 4> kCategories = {Category::eyes, Category::heads, Category::body, Category::top};

std::string_view categoryName(Category c) { return pxb_category_name(static_cast<std::int32_t>(c)); }

// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
void appendCsvField(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

Manifest::Manifest(std::filesystem::path path) : path_(std::move(path)) {
  const std::string ext = path_.extension().string();
  if (ext == ".csv") {
    csv_ = true;
    text_ = "id,seed";
    for (Category c : kCategories) (text_ += ',') += categoryName(c);
    text_ += ",format,size,file,bytes\n";
  } else if (ext != ".jsonl" && ext != ".ndjson") {
    throw core::Error(core::Errc::invalid_option,
                      "--manifest \"" + path_.string() + "\": name it .jsonl (JSON Lines) or .csv to choose the kind");
  }
}

void Manifest::add(const Context& ctx, const Entry& entry, const Variant& variant, std::string_view file,
                   std::uint64_t bytes) {
  const Combo combo = ctx.decode(entry.id);
  const std::array<int, 4> parts = {combo.eyes, combo.heads, combo.body, combo.top};
  if (csv_) {
    text_ += entry.id;
    text_ += ',';
    appendCsvField(text_, entry.seed);
    for (std::size_t i = 0; i < kCategories.size(); ++i) (text_ += ',') += ctx.partName(kCategories[i], parts[i]);
    (text_ += ',') += variant.name;
    (text_ += ',') += std::to_string(variant.options.size);
    text_ += ',';
    appendCsvField(text_, file);
    (text_ += ',') += std::to_string(bytes);
    text_ += '\n';
    return;
  }
  nlohmann::ordered_json row;
  row["id"] = entry.id;
  row["seed"] = entry.seed.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(entry.seed);
  nlohmann::ordered_json names = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < kCategories.size(); ++i) {
    names[std::string(categoryName(kCategories[i]))] = std::string(ctx.partName(kCategories[i], parts[i]));
  }
  row["parts"] = std::move(names);
  row["format"] = variant.name;
  row["size"] = variant.options.size;
  row["file"] = file;
  row["bytes"] = bytes;
  text_ += row.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);  // a template may hold any bytes
  text_ += '\n';
}

void Manifest::write() const {
  io::writeOutput(path_, {reinterpret_cast<const std::uint8_t*>(text_.data()), text_.size()});
}

}  // namespace pixabots::cli::batch
