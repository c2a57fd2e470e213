#pragma once
// The whole C++ API. Errors are reported as pixabots::Error exceptions.
#include "pixabots/catalog.hpp"
#include "pixabots/color.hpp"
#include "pixabots/error.hpp"
#include "pixabots/id.hpp"
#include "pixabots/image.hpp"
#include "pixabots/pack.hpp"
#include "pixabots/png.hpp"
#include "pixabots/render.hpp"
#include "pixabots/seeded.hpp"
#include "pixabots/svg.hpp"
#include "pixabots/animation.hpp"
#include "pixabots/version.hpp"
