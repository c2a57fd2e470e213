#pragma once
// Symbol visibility: the library builds with hidden symbols by default and
// exports only what is marked PIXABOTS_API.
#if defined(PIXABOTS_STATIC)
#define PIXABOTS_API
#elif defined(_WIN32)
#if defined(PIXABOTS_BUILDING)
#define PIXABOTS_API __declspec(dllexport)
#else
#define PIXABOTS_API __declspec(dllimport)
#endif
#else
#define PIXABOTS_API __attribute__((visibility("default")))
#endif
