#pragma once
#include <string_view>
#include <vector>

namespace pixabots::cli {

// Each command takes the arguments after its name and returns the exit status;
// errors are thrown as pixabots::core::Error and reported by main.
int renderCommand(const std::vector<std::string_view>& args);
int galleryCommand(const std::vector<std::string_view>& args);

}  // namespace pixabots::cli
