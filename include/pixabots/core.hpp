#pragma once
// The whole C++ core (the library's insides, not installed). Errors are
// reported as pixabots::core::Error exceptions. The public API is pixabots.h
// and pixabots.hpp.
#include "pixabots/core/animation.hpp"
#include "pixabots/core/apng.hpp"
#include "pixabots/core/catalog.hpp"
#include "pixabots/core/color.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/gif.hpp"
#include "pixabots/core/id.hpp"
#include "pixabots/core/image.hpp"
#include "pixabots/core/json.hpp"
#include "pixabots/core/og.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/core/render.hpp"
#include "pixabots/core/seeded.hpp"
#include "pixabots/core/sheet.hpp"
#include "pixabots/core/svg.hpp"
#include "pixabots/core/webp.hpp"
#include "pixabots/version.h"
