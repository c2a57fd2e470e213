#include "pixabots/version.hpp"

namespace pixabots {
const char* version() { return PIXABOTS_VERSION_STRING; }
}  // namespace pixabots
