"""Pixel-art robot avatars from 4-character IDs: Python binding of libpixabots.

    import pixabots

    with pixabots.Context() as ctx:               # the art embedded in the library
        png = ctx.render("2156", size=256)         # bytes, ready to write to a file
        svg = ctx.render_text("2156", format="svg")
        width, height, rgba = pixabots.decode_png(png)

Every failure raises a PixabotsError subclass carrying the library's message
(which names the bad value and what is accepted) and its status code. A
Context is immutable: any number of threads may render with one at once, and
ctypes releases the GIL during every library call. See README.md.
"""

from __future__ import annotations

import ctypes
import enum
import os
import threading
from collections.abc import Mapping
from typing import NamedTuple, Optional, Union

from . import _native
from ._native import lib as _lib

__all__ = [
    "BufferTooSmallError",
    "Category",
    "CodecError",
    "Combo",
    "Context",
    "DecodedImage",
    "FORMATS",
    "InternalError",
    "InvalidArgumentError",
    "InvalidIdError",
    "InvalidOptionError",
    "InvalidPackError",
    "PixabotsError",
    "PixabotsIOError",
    "PixabotsMemoryError",
    "VersionMismatchError",
    "decode_png",
    "tick_duration_ms",
    "version",
    "version_number",
]

__version__ = "1.0.0"

#: Format names accepted by Context.render(format=...).
FORMATS = tuple(_native.FORMATS)
#: Formats Context.render_text returns as str.
TEXT_FORMATS = ("svg", "metadata_json", "frames_json", "sheet_json")

_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1
_UINT32_MAX = 2**32 - 1


# ---------------------------------------------------------------- errors


class PixabotsError(Exception):
    """A failed library call.

    ``str(error)`` is the library's detail message (pxb_last_error), e.g.
    ``size 20 is out of range: must be an integer between 32 and 1920``;
    ``status`` is the pxb_status code and ``reason`` its fixed description
    (pxb_strerror).
    """

    status = None  # the pxb_status; set per instance

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message

    @property
    def reason(self) -> str:
        return _lib.pxb_strerror(self.status).decode("utf-8", "replace")

    def __reduce__(self):
        return (_rebuild_error, (type(self), self.status, self.message, getattr(self, "needed", None)))


def _rebuild_error(cls, status, message, needed):
    error = cls(status, message)
    if needed is not None:
        error.needed = needed
    return error


class InvalidIdError(PixabotsError, ValueError):
    """PXB_ERR_INVALID_ID: not 4 base-36 characters naming parts that exist
    (also a combo or browse index out of range)."""


class InvalidOptionError(PixabotsError, ValueError):
    """PXB_ERR_INVALID_OPTION: size, hue, saturate, bg, speed, tick, format... out of range."""


class InvalidPackError(PixabotsError, ValueError):
    """PXB_ERR_INVALID_PACK: a sprite pack that breaks the rules (docs/packs.md)."""


class PixabotsIOError(PixabotsError, OSError):
    """PXB_ERR_IO: a file or directory that could not be read."""


class CodecError(PixabotsError, ValueError):
    """PXB_ERR_CODEC: an image that could not be decoded or encoded."""


class InvalidArgumentError(PixabotsError, ValueError):
    """PXB_ERR_INVALID_ARGUMENT: an unknown enum value (the binding never passes NULL)."""


class BufferTooSmallError(PixabotsError, ValueError):
    """PXB_ERR_BUFFER_TOO_SMALL: ``needed`` holds the bytes the output takes."""

    needed: int = 0


class PixabotsMemoryError(PixabotsError, MemoryError):
    """PXB_ERR_OUT_OF_MEMORY."""


class VersionMismatchError(PixabotsError):
    """PXB_ERR_VERSION_MISMATCH: the loaded library's pxb_options layout is not this binding's."""


class InternalError(PixabotsError, RuntimeError):
    """PXB_ERR_INTERNAL: a bug in the library; please report it with the message."""


_ERRORS = {
    _native.ERR_INVALID_ID: InvalidIdError,
    _native.ERR_INVALID_OPTION: InvalidOptionError,
    _native.ERR_INVALID_PACK: InvalidPackError,
    _native.ERR_IO: PixabotsIOError,
    _native.ERR_CODEC: CodecError,
    _native.ERR_INVALID_ARGUMENT: InvalidArgumentError,
    _native.ERR_BUFFER_TOO_SMALL: BufferTooSmallError,
    _native.ERR_OUT_OF_MEMORY: PixabotsMemoryError,
    _native.ERR_VERSION_MISMATCH: VersionMismatchError,
    _native.ERR_INTERNAL: InternalError,
}


def _error(status: int, message: Optional[str] = None) -> PixabotsError:
    """The exception for `status`; the message defaults to this thread's
    pxb_last_error(), so call it right after the failed call, on its thread."""
    if message is None:
        raw = _lib.pxb_last_error()
        message = raw.decode("utf-8", "replace") if raw else ""
        if not message:
            message = _lib.pxb_strerror(status).decode("utf-8", "replace")
    return _ERRORS.get(status, PixabotsError)(status, message)


def _check(status: int) -> None:
    if status != _native.OK:
        raise _error(status)


# ---------------------------------------------------------------- values


class Category(enum.IntEnum):
    """The parts of a pixabot, in encoding order (the order of an ID's characters)."""

    EYES = 0
    HEADS = 1
    BODY = 2
    TOP = 3


class Combo(NamedTuple):
    """One part index per category: what an ID names."""

    eyes: int
    heads: int
    body: int
    top: int


class DecodedImage(NamedTuple):
    """A decoded PNG: 8-bit RGBA, rows width*4 bytes, not premultiplied."""

    width: int
    height: int
    pixels: bytes


def _category(value) -> int:
    if isinstance(value, str):
        try:
            return Category[value.upper()].value
        except KeyError:
            raise InvalidArgumentError(
                _native.ERR_INVALID_ARGUMENT,
                f"category {value!r} is not one of 'eyes', 'heads', 'body', 'top'",
            ) from None
    number = _index(value, "category")
    if not 0 <= number <= 3:
        raise InvalidArgumentError(
            _native.ERR_INVALID_ARGUMENT, f"category {number} is not one of 0..3 (eyes, heads, body, top)"
        )
    return number


def _index(value, what: str) -> int:
    """An integer argument (bool and float refused, as ctypes would truncate)."""
    if isinstance(value, bool):
        raise TypeError(f"{what} must be an integer, not bool")
    try:
        return value.__index__()
    except AttributeError:
        raise TypeError(f"{what} must be an integer, not {type(value).__name__}") from None


def _c_id(id) -> bytes:
    """An ID as the C string the library reads. The library itself judges
    everything but what a C string cannot carry (a NUL)."""
    if not isinstance(id, str):
        raise TypeError(f"a pixabot ID must be a str, not {type(id).__name__}")
    encoded = id.encode("utf-8", "surrogateescape")
    if b"\0" in encoded:
        raise InvalidIdError(
            _native.ERR_INVALID_ID,
            f"invalid ID {id!r}: contains a NUL character; must be exactly 4 characters of [0-9a-z]",
        )
    return encoded


def _c_text(value, what: str) -> Optional[bytes]:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str or None, not {type(value).__name__}")
    encoded = value.encode("utf-8")
    if b"\0" in encoded:
        raise InvalidOptionError(_native.ERR_INVALID_OPTION, f"{what} {value!r} contains a NUL character")
    return encoded


def _option_int(value, what: str, accepted: str) -> int:
    number = _index(value, what)
    if not _INT32_MIN <= number <= _INT32_MAX:
        raise InvalidOptionError(_native.ERR_INVALID_OPTION, f"{what} {number} is out of range: {accepted}")
    return number


def _options(
    format="png",
    size=128,
    hue=0.0,
    saturate=1.0,
    bg=None,
    speed=1.0,
    tick=None,
    compact_svg=False,
    sheet_columns=0,
    merge_repeats=False,
    origin=None,
    sheet_image=None,
) -> _native.Options:
    """A pxb_options from keyword values: defaults from pxb_options_init_size
    with this mirror's size (a library older than the mirror's first layout
    fails here with VersionMismatchError)."""
    options = _native.Options()
    _check(_lib.pxb_options_init_size(ctypes.byref(options), ctypes.sizeof(options)))
    if isinstance(format, str):
        key = format.lower().replace("-", "_")
        if key not in _native.FORMATS:
            raise InvalidOptionError(
                _native.ERR_INVALID_OPTION, f"format {format!r} is not one of {', '.join(_native.FORMATS)}"
            )
        options.format = _native.FORMATS[key]
    else:
        raise TypeError(f"format must be a str, not {type(format).__name__}")
    options.size = _option_int(size, "size", "must be an integer between 32 and 1920")
    options.hue = float(hue)
    options.saturate = float(saturate)
    options.speed = float(speed)
    options.bg = _c_text(bg, "bg")
    if tick is None:
        options.tick = _native.TICK_STILL
    elif isinstance(tick, str):
        if tick != "all":
            raise InvalidOptionError(
                _native.ERR_INVALID_OPTION, f"tick {tick!r} is not None (still), 'all' or 0..15"
            )
        options.tick = _native.TICK_ALL
    else:
        options.tick = _option_int(tick, "tick", "must be None (still), 'all' or 0..15")
    options.compact_svg = 1 if compact_svg else 0
    options.sheet_columns = _option_int(sheet_columns, "sheet_columns", "must be 0 (one row) or 1..16")
    options.merge_repeats = 1 if merge_repeats else 0
    options.origin = _c_text(origin, "origin")
    options.sheet_image = _c_text(sheet_image, "sheet_image")
    return options


def _writable_bytes(buffer) -> memoryview:
    """`buffer` as a flat writable byte view (bytearray, memoryview, array, mmap...)."""
    try:
        view = memoryview(buffer)
    except TypeError:
        raise TypeError(f"into must be a writable buffer (bytearray, memoryview...), not {type(buffer).__name__}") from None
    if view.readonly:
        view.release()
        raise TypeError(f"into must be writable; {type(buffer).__name__} is read-only")
    if not view.c_contiguous:
        view.release()
        raise ValueError("into must be a contiguous buffer")
    if view.format != "B" or view.ndim != 1:
        flat = view.cast("B")
        view.release()
        view = flat
    return view


# ---------------------------------------------------------------- module functions


def version() -> str:
    """Version of the library actually loaded, "major.minor.patch"."""
    return _lib.pxb_version().decode("ascii")


def version_number() -> int:
    """The loaded library's version as major * 10000 + minor * 100 + patch."""
    return int(_lib.pxb_version_number())


def tick_duration_ms(speed: float = 1.0) -> int:
    """Milliseconds one animation tick is shown at `speed` (0.25..4):
    max(20, round(72 / speed)), the same for every ID. For engines that play
    the ticks themselves (render_rgba(tick=...))."""
    out = ctypes.c_int32()
    _check(_lib.pxb_tick_duration_ms(float(speed), ctypes.byref(out)))
    return out.value


def decode_png(data) -> DecodedImage:
    """Decodes a PNG of any colour type and bit depth to 8-bit RGBA.

    Returns DecodedImage(width, height, pixels), a tuple. Raises CodecError for
    bytes that are not a PNG the library can read (and for images over
    8192 x 8192 or 2^24 pixels, refused before anything is allocated).
    """
    if not isinstance(data, bytes):
        with memoryview(data) as view:  # any bytes-like object; TypeError otherwise
            data = view.tobytes()
    pixels = ctypes.POINTER(ctypes.c_uint8)()
    width = ctypes.c_int32()
    height = ctypes.c_int32()
    status = _lib.pxb_decode_png(data, len(data), ctypes.byref(pixels), ctypes.byref(width), ctypes.byref(height))
    if status != _native.OK:
        raise _error(status)
    try:
        return DecodedImage(width.value, height.value, ctypes.string_at(pixels, width.value * height.value * 4))
    finally:
        _lib.pxb_free(pixels)


# ---------------------------------------------------------------- contexts


class Context:
    """A sprite pack plus its catalog, immutable once made.

    ``Context()`` draws with the art embedded in the library;
    ``Context.from_directory(path)`` and ``Context.from_files(files)`` with
    another pack. Use it as a context manager or call close(); it is also
    released when garbage collected. Any number of threads may call its
    methods at once; close() waits for calls in progress, and calls after it
    raise ValueError.
    """

    def __init__(self):
        self._setup()
        handle = _native.CtxPtr()
        _check(_lib.pxb_ctx_new(ctypes.byref(handle)))
        self._handle = handle
        self._origin = "embedded"

    def _setup(self):
        self._handle = None
        self._busy = 0
        self._idle = threading.Condition(threading.Lock())

    @classmethod
    def _adopt(cls, handle, origin) -> "Context":
        context = cls.__new__(cls)
        context._setup()
        context._handle = handle
        context._origin = origin
        return context

    @classmethod
    def from_directory(cls, path: Union[str, bytes, os.PathLike]) -> "Context":
        """A context drawing with the pack in directory `path`
        (service layout ``{category}/{name}.png``, optional manifest.json)."""
        encoded = os.fsencode(path)
        if b"\0" in encoded:
            raise ValueError("embedded null byte in the pack directory path")
        handle = _native.CtxPtr()
        _check(_lib.pxb_ctx_new_from_dir(encoded, ctypes.byref(handle)))
        return cls._adopt(handle, os.fsdecode(encoded))

    @classmethod
    def from_files(cls, files) -> "Context":
        """A context drawing with a pack held in memory: a mapping (or pairs)
        of the path inside the pack ("manifest.json", "eyes/visor.png") to its
        bytes. The library copies the bytes during the call."""
        items = list(files.items() if isinstance(files, Mapping) else files)
        array = (_native.PackFile * max(len(items), 1))()
        keep = []  # the bytes the array points into, alive during the call
        for slot, (path, data) in zip(array, items):
            if not isinstance(path, str):
                raise TypeError(f"pack file paths must be str, not {type(path).__name__}")
            encoded = path.encode("utf-8")
            if b"\0" in encoded:
                raise InvalidPackError(_native.ERR_INVALID_PACK, f"pack file path {path!r} contains a NUL character")
            if not isinstance(data, bytes):
                data = bytes(data)
            keep.append((encoded, data))
            slot.path = encoded
            slot.data = ctypes.cast(ctypes.c_char_p(data), ctypes.POINTER(ctypes.c_uint8))
            slot.size = len(data)
        handle = _native.CtxPtr()
        _check(_lib.pxb_ctx_new_from_memory(array, len(items), ctypes.byref(handle)))
        del keep
        return cls._adopt(handle, f"{len(items)} files in memory")

    # -- lifetime

    def close(self) -> None:
        """Releases the context; waits for calls other threads have in progress.
        Closing twice is fine."""
        idle = getattr(self, "_idle", None)
        if idle is None:
            return
        with idle:
            handle, self._handle = self._handle, None
            if handle is None:
                return
            idle.wait_for(lambda: self._busy == 0)
        _lib.pxb_ctx_free(handle)

    @property
    def closed(self) -> bool:
        return self._handle is None

    def __enter__(self) -> "Context":
        self._enter()
        self._leave()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        # Nothing can be using the context any more: free it without waiting.
        handle = getattr(self, "_handle", None)
        if handle:
            self._handle = None
            try:
                _lib.pxb_ctx_free(handle)
            except Exception:  # interpreter shutdown
                pass

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<pixabots.Context {self._origin} ({state})>"

    def _enter(self):
        with self._idle:
            if self._handle is None:
                raise ValueError("operation on a closed pixabots.Context")
            self._busy += 1
            return self._handle

    def _leave(self):
        with self._idle:
            self._busy -= 1
            if self._busy == 0:
                self._idle.notify_all()

    def _call(self, function, *args) -> None:
        """function(ctx, *args), raising the library's error."""
        handle = self._enter()
        try:
            status = function(handle, *args)
            if status != _native.OK:
                raise _error(status)
        finally:
            self._leave()

    def _id_call(self, function, *args) -> str:
        out = ctypes.create_string_buffer(_native.ID_BUFFER_SIZE)
        self._call(function, *args, out)
        return out.value.decode("ascii")

    # -- IDs and the catalog

    def check_id(self, id: str) -> None:
        """Raises InvalidIdError saying what is wrong with `id`, if anything."""
        self._call(_lib.pxb_check_id, _c_id(id))

    def is_valid(self, id: str) -> bool:
        """True when `id` names parts of this context's catalog."""
        try:
            self.check_id(id)
        except (InvalidIdError, TypeError):
            return False
        return True

    def decode(self, id: str) -> Combo:
        """The part indices `id` names."""
        combo = _native.ComboStruct()
        self._call(_lib.pxb_decode_id, _c_id(id), ctypes.byref(combo))
        return Combo(*combo.part)

    def encode(self, combo) -> str:
        """The ID of `combo` (a Combo or any 4 part indices in category order)."""
        parts = tuple(combo)
        if len(parts) != 4:
            raise InvalidIdError(_native.ERR_INVALID_ID, f"a combo has 4 part indices, got {len(parts)}")
        struct = _native.ComboStruct()
        for i, (name, value) in enumerate(zip(Combo._fields, parts)):
            number = _index(value, name)
            if not _INT32_MIN <= number <= _INT32_MAX:
                raise InvalidIdError(_native.ERR_INVALID_ID, f"{name} index {number} is out of range")
            struct.part[i] = number
        return self._id_call(_lib.pxb_encode_id, ctypes.byref(struct))

    def seeded_id(self, text: Union[str, bytes]) -> str:
        """The service's seededId: the same text always gives the same ID.
        A str is hashed as its UTF-8 bytes; bytes are passed as they are."""
        if isinstance(text, str):
            data = text.encode("utf-8")
        elif isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
        else:
            raise TypeError(f"seed text must be str or bytes, not {type(text).__name__}")
        return self._id_call(_lib.pxb_seeded_id, data, len(data))

    def random_id(self) -> str:
        """A uniformly random ID (the library's per-thread generator, OS-seeded)."""
        return self._id_call(_lib.pxb_random_id)

    def combo_count(self) -> int:
        """Combinations in the catalog (10,752 for the service's)."""
        out = ctypes.c_uint32()
        self._call(_lib.pxb_combo_count, ctypes.byref(out))
        return out.value

    def combo_index(self, id: str) -> int:
        """Position of `id` in browse order, 0..combo_count()-1."""
        out = ctypes.c_uint32()
        self._call(_lib.pxb_combo_index, _c_id(id), ctypes.byref(out))
        return out.value

    def id_at(self, index: int) -> str:
        """The ID at `index` in browse order."""
        number = _index(index, "index")
        if not 0 <= number <= _UINT32_MAX:
            raise InvalidIdError(
                _native.ERR_INVALID_ID,
                f"combo index {number} is out of range 0..{self.combo_count() - 1}",
            )
        return self._id_call(_lib.pxb_id_at, number)

    def next_id(self, id: str) -> str:
        """The ID after `id` in browse order (wrapping around)."""
        return self._id_call(_lib.pxb_next_id, _c_id(id))

    def previous_id(self, id: str) -> str:
        """The ID before `id` in browse order (wrapping around)."""
        return self._id_call(_lib.pxb_previous_id, _c_id(id))

    def part_count(self, category) -> int:
        """Parts in `category` (a Category, 0..3 or "eyes"/"heads"/"body"/"top")."""
        out = ctypes.c_int32()
        self._call(_lib.pxb_part_count, _category(category), ctypes.byref(out))
        return out.value

    def part_name(self, category, part: int) -> str:
        """The name of part `part` of `category`."""
        number = _index(part, "part")
        if not _INT32_MIN <= number <= _INT32_MAX:
            raise InvalidOptionError(_native.ERR_INVALID_OPTION, f"part {number} is out of range")
        out = ctypes.c_char_p()
        handle = self._enter()
        try:
            _check(_lib.pxb_part_name(handle, _category(category), number, ctypes.byref(out)))
            return out.value.decode("utf-8")  # owned by the context: copied while it is held
        finally:
            self._leave()

    def part_names(self, category) -> list:
        """Every part name of `category`, by index."""
        return [self.part_name(category, i) for i in range(self.part_count(category))]

    def tick_count(self, id: str) -> int:
        """Ticks the animation encodes: 16, or 8 when no part of the combo animates."""
        out = ctypes.c_int32()
        self._call(_lib.pxb_tick_count, _c_id(id), ctypes.byref(out))
        return out.value

    def loop_duration_ms(self, id: str, speed: float = 1.0) -> int:
        """Milliseconds of one whole loop of `id` at `speed`:
        tick_count(id) * tick_duration_ms(speed)."""
        out = ctypes.c_int32()
        self._call(_lib.pxb_loop_duration_ms, _c_id(id), float(speed), ctypes.byref(out))
        return out.value

    def catalog_json(self) -> str:
        """The catalog as JSON text: {"name", "categories": {"eyes": [{"index",
        "digit", "name", "frames", "kind"}, ...], ...}, "combinations"}."""
        data = ctypes.POINTER(ctypes.c_uint8)()
        size = ctypes.c_size_t()
        self._call(_lib.pxb_catalog_json, ctypes.byref(data), ctypes.byref(size))
        try:
            return ctypes.string_at(data, size.value).decode("utf-8")
        finally:
            _lib.pxb_free(data)

    # -- rendering

    def render(self, id: str, *, format: str = "png", **options) -> bytes:
        """Renders `id` and returns the encoded bytes.

        format: "png", "gif", "webp", "apng", "svg", "rgba", "metadata_json",
        "frames_json", "sheet_png" or "sheet_json". Options (keyword only):
        size=128 (32..1920), hue=0 (degrees), saturate=1 (0..4),
        bg=None ("#rrggbb" to flatten onto), speed=1 (0.25..4),
        tick=None (still) | 0..15 | "all" (png and rgba only),
        compact_svg=False, sheet_columns=0 (0 = one row, 1..16),
        merge_repeats=False, origin=None, sheet_image=None.
        """
        struct = _options(format=format, **options)
        data = ctypes.POINTER(ctypes.c_uint8)()
        size = ctypes.c_size_t()
        id_bytes = _c_id(id)
        handle = self._enter()
        try:
            status = _lib.pxb_render(handle, id_bytes, ctypes.byref(struct), ctypes.byref(data), ctypes.byref(size))
            if status != _native.OK:
                raise _error(status)
        finally:
            self._leave()
        try:
            return ctypes.string_at(data, size.value)
        finally:
            _lib.pxb_free(data)

    def render_text(self, id: str, *, format: str = "svg", **options) -> str:
        """render() for the text formats (svg, metadata_json, frames_json,
        sheet_json), decoded to str."""
        key = format.lower().replace("-", "_") if isinstance(format, str) else format
        if key not in TEXT_FORMATS:
            raise InvalidOptionError(
                _native.ERR_INVALID_OPTION,
                f"format {format!r} is not a text format: must be one of {', '.join(TEXT_FORMATS)}",
            )
        return self.render(id, format=key, **options).decode("utf-8")

    def rgba_size(self, id: str, **options) -> int:
        """Bytes render_rgba writes for these options: size*size*4, times
        tick_count(id) with tick="all". Nothing is rendered."""
        struct = _options(format="rgba", **options)
        needed = ctypes.c_size_t()
        id_bytes = _c_id(id)
        handle = self._enter()
        try:
            status = _lib.pxb_render_into(handle, id_bytes, ctypes.byref(struct), None, 0, ctypes.byref(needed))
            if status not in (_native.OK, _native.ERR_BUFFER_TOO_SMALL):
                raise _error(status)
        finally:
            self._leave()
        return needed.value

    def render_rgba(self, id: str, *, into=None, **options):
        """Raw 8-bit RGBA (rows size*4 bytes, not premultiplied), rendered
        straight into memory with no intermediate copy.

        Without `into`, returns a new bytearray. With `into` (a writable,
        contiguous buffer: bytearray, memoryview, array, mmap...) the pixels
        go into its first bytes and the byte count is returned, as
        io.RawIOBase.readinto does; a buffer too small raises
        BufferTooSmallError with ``needed`` set. Options as render() (size,
        hue, saturate, bg, speed, tick: None, 0..15 or "all").
        """
        if into is None:
            into = bytearray(self.rgba_size(id, **options))
            self._render_into(id, into, options)
            return into
        return self._render_into(id, into, options)

    def _render_into(self, id, buffer, options) -> int:
        struct = _options(format="rgba", **options)
        id_bytes = _c_id(id)
        view = _writable_bytes(buffer)
        try:
            capacity = view.nbytes
            target = (ctypes.c_char * capacity).from_buffer(view) if capacity else None
            written = ctypes.c_size_t()
            handle = self._enter()
            try:
                status = _lib.pxb_render_into(
                    handle, id_bytes, ctypes.byref(struct), target, capacity, ctypes.byref(written)
                )
                if status != _native.OK:
                    error = _error(status)
                    if status == _native.ERR_BUFFER_TOO_SMALL:
                        error.needed = written.value
                    raise error
            finally:
                self._leave()
                del target
            return written.value
        finally:
            view.release()
