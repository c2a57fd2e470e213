"""Finding, loading and declaring the pixabots shared library (the C ABI).

Everything here mirrors include/pixabots/pixabots.h; the public API is in
pixabots/__init__.py. The library is looked up, in order:

1. the full path in the environment variable PIXABOTS_LIBRARY;
2. the copy a platform wheel carries, next to this file (build_backend.py
   --library puts it there);
3. the dynamic loader's own search (LD_LIBRARY_PATH, the ldconfig cache,
   /usr/lib...) for libpixabots.so.1, the name the ABI is released under;
4. ctypes.util.find_library("pixabots");
5. the default ``cmake --install`` prefixes, /usr/local/lib and /usr/lib.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

# 4 ID characters plus the terminating NUL (PXB_ID_BUFFER_SIZE).
ID_BUFFER_SIZE = 5

# pxb_status
OK = 0
ERR_INVALID_ID = 1
ERR_INVALID_OPTION = 2
ERR_INVALID_PACK = 3
ERR_IO = 4
ERR_CODEC = 5
ERR_INVALID_ARGUMENT = 6
ERR_BUFFER_TOO_SMALL = 7
ERR_OUT_OF_MEMORY = 8
ERR_VERSION_MISMATCH = 9
ERR_INTERNAL = 10

# pxb_options.tick
TICK_STILL = -1
TICK_ALL = -2

# pxb_format, by the name the Python API uses.
FORMATS = {
    "png": 0,
    "gif": 1,
    "webp": 2,
    "apng": 3,
    "svg": 4,
    "rgba": 5,
    "metadata_json": 6,
    "frames_json": 7,
    "sheet_png": 8,
    "sheet_json": 9,
}


class Options(ctypes.Structure):
    """struct pxb_options, field for field (ctypes applies the C alignment).

    A growing struct: struct_size is ctypes.sizeof(Options), this mirror's
    size, so the library reads exactly the fields declared here and gives
    any it has added since their defaults."""

    _fields_ = [
        ("struct_size", ctypes.c_uint32),
        ("size", ctypes.c_int32),
        ("hue", ctypes.c_double),
        ("saturate", ctypes.c_double),
        ("bg", ctypes.c_char_p),
        ("speed", ctypes.c_double),
        ("format", ctypes.c_int32),
        ("tick", ctypes.c_int32),
        ("compact_svg", ctypes.c_int32),
        ("sheet_columns", ctypes.c_int32),
        ("merge_repeats", ctypes.c_int32),
        ("origin", ctypes.c_char_p),
        ("sheet_image", ctypes.c_char_p),
    ]


class ComboStruct(ctypes.Structure):
    """struct pxb_combo: one part index per category."""

    _fields_ = [("part", ctypes.c_int32 * 4)]


class PackFile(ctypes.Structure):
    """struct pxb_pack_file: one file of a pack held in memory."""

    _fields_ = [
        ("path", ctypes.c_char_p),
        ("data", ctypes.POINTER(ctypes.c_uint8)),
        ("size", ctypes.c_size_t),
    ]


class _Ctx(ctypes.Structure):
    """The opaque pxb_ctx."""


CtxPtr = ctypes.POINTER(_Ctx)
_status = ctypes.c_int  # pxb_status is a C enum: an int
_u8p = ctypes.POINTER(ctypes.c_uint8)
_idbuf = ctypes.c_char * ID_BUFFER_SIZE  # out_id arguments decay to char*

# name: (restype, argtypes), every pxb_ function of pixabots.h.
_SIGNATURES = {
    "pxb_options_init_size": (_status, [ctypes.POINTER(Options), ctypes.c_size_t]),
    "pxb_version": (ctypes.c_char_p, []),
    "pxb_version_number": (ctypes.c_uint32, []),
    "pxb_strerror": (ctypes.c_char_p, [ctypes.c_int32]),
    "pxb_last_error": (ctypes.c_char_p, []),
    "pxb_free": (None, [ctypes.c_void_p]),
    "pxb_ctx_new": (_status, [ctypes.POINTER(CtxPtr)]),
    "pxb_ctx_new_from_dir": (_status, [ctypes.c_char_p, ctypes.POINTER(CtxPtr)]),
    "pxb_ctx_new_from_memory": (_status, [ctypes.POINTER(PackFile), ctypes.c_size_t, ctypes.POINTER(CtxPtr)]),
    "pxb_ctx_free": (None, [CtxPtr]),
    "pxb_check_id": (_status, [CtxPtr, ctypes.c_char_p]),
    "pxb_decode_id": (_status, [CtxPtr, ctypes.c_char_p, ctypes.POINTER(ComboStruct)]),
    "pxb_encode_id": (_status, [CtxPtr, ctypes.POINTER(ComboStruct), ctypes.c_char_p]),
    "pxb_seeded_id": (_status, [CtxPtr, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p]),
    "pxb_random_id": (_status, [CtxPtr, ctypes.c_char_p]),
    "pxb_combo_count": (_status, [CtxPtr, ctypes.POINTER(ctypes.c_uint32)]),
    "pxb_combo_index": (_status, [CtxPtr, ctypes.c_char_p, ctypes.POINTER(ctypes.c_uint32)]),
    "pxb_id_at": (_status, [CtxPtr, ctypes.c_uint32, ctypes.c_char_p]),
    "pxb_next_id": (_status, [CtxPtr, ctypes.c_char_p, ctypes.c_char_p]),
    "pxb_previous_id": (_status, [CtxPtr, ctypes.c_char_p, ctypes.c_char_p]),
    "pxb_category_name": (ctypes.c_char_p, [ctypes.c_int32]),
    "pxb_part_count": (_status, [CtxPtr, ctypes.c_int32, ctypes.POINTER(ctypes.c_int32)]),
    "pxb_part_name": (_status, [CtxPtr, ctypes.c_int32, ctypes.c_int32, ctypes.POINTER(ctypes.c_char_p)]),
    "pxb_tick_count": (_status, [CtxPtr, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int32)]),
    "pxb_render": (_status, [CtxPtr, ctypes.c_char_p, ctypes.POINTER(Options),
                             ctypes.POINTER(_u8p), ctypes.POINTER(ctypes.c_size_t)]),
    "pxb_render_into": (_status, [CtxPtr, ctypes.c_char_p, ctypes.POINTER(Options),
                                  ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t)]),
    "pxb_tick_duration_ms": (_status, [ctypes.c_double, ctypes.POINTER(ctypes.c_int32)]),
    "pxb_loop_duration_ms": (_status, [CtxPtr, ctypes.c_char_p, ctypes.c_double, ctypes.POINTER(ctypes.c_int32)]),
    "pxb_catalog_json": (_status, [CtxPtr, ctypes.POINTER(_u8p), ctypes.POINTER(ctypes.c_size_t)]),
    "pxb_decode_png": (_status, [ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(_u8p),
                                 ctypes.POINTER(ctypes.c_int32), ctypes.POINTER(ctypes.c_int32)]),
}


def _candidates():
    """Names and paths to try, best first, as (what, how it was found)."""
    explicit = os.environ.get("PIXABOTS_LIBRARY")
    if explicit:
        # An explicit choice is final: a wrong path must not fall back silently.
        return [(explicit, "PIXABOTS_LIBRARY")]
    if sys.platform == "darwin":
        names = ["libpixabots.0.dylib", "libpixabots.dylib"]
    elif sys.platform == "win32":
        names = ["pixabots.dll", "libpixabots.dll"]
    else:
        names = ["libpixabots.so.1"]
    here = os.path.dirname(os.path.abspath(__file__))
    # By its full path, so that the loader takes this copy and no other.
    found = [(os.path.join(here, name), "bundled with the package") for name in names
             if os.path.exists(os.path.join(here, name))]
    found += [(name, "the dynamic loader") for name in names]
    located = ctypes.util.find_library("pixabots")
    if located:
        found.append((located, "ctypes.util.find_library"))
    for prefix in ("/usr/local/lib", "/usr/lib"):
        for name in names:
            found.append((os.path.join(prefix, name), "the default install prefix"))
    return found


def _load():
    tried = []
    for candidate, how in _candidates():
        try:
            return ctypes.CDLL(candidate)
        except OSError as error:
            tried.append(f"{candidate} ({how}): {error}")
    raise ImportError(
        "cannot load the pixabots library (libpixabots.so.1). Install the wheel that carries it, "
        "install the library with `cmake --install build`, or point PIXABOTS_LIBRARY at the file. "
        "Tried:\n  " + "\n  ".join(tried)
    )


def _declare(lib):
    for name, (restype, argtypes) in _SIGNATURES.items():
        try:
            function = getattr(lib, name)
        except AttributeError:
            raise ImportError(f"{lib._name} has no {name}: the library is older than this binding") from None
        function.restype = restype
        function.argtypes = argtypes
    return lib


lib = _declare(_load())
