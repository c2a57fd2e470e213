-- pixabots for LuaJIT and LÖVE 11: the library's C ABI (include/pixabots/pixabots.h)
-- through LuaJIT's FFI, in this one file with no C glue. See README.md.
--
--   local pixabots = require("pixabots")
--   local ctx = pixabots.new()                    -- the art embedded in the library
--   local png = ctx:render("2156", { size = 256 }) -- a Lua string
--
-- Failures of the library are raised as error tables (pixabots.Error):
-- { status = "INVALID_OPTION", code = 2, message = <pxb_last_error(), verbatim> }.
-- Misuse of the binding itself (a number where a string belongs) is a plain
-- string error, as Lua's own functions raise.

local ffi = require("ffi")

local M = { _VERSION = "1.0.0" }

-- The library's major version (its soname) this file mirrors.
local ABI_MAJOR = 1

ffi.cdef([[
typedef struct pxb_ctx pxb_ctx;
typedef struct pxb_combo { int32_t part[4]; } pxb_combo;
typedef struct pxb_options {
  uint32_t struct_size;
  int32_t size;
  double hue;
  double saturate;
  const char* bg;
  double speed;
  int32_t format;
  int32_t tick;
  int32_t compact_svg;
  int32_t sheet_columns;
  int32_t merge_repeats;
  const char* origin;
  const char* sheet_image;
} pxb_options;
typedef struct pxb_pack_file { const char* path; const uint8_t* data; size_t size; } pxb_pack_file;

int pxb_options_init_size(pxb_options* options, size_t struct_size);
const char* pxb_version(void);
uint32_t pxb_version_number(void);
const char* pxb_strerror(int32_t status);
const char* pxb_last_error(void);
void pxb_free(void* buffer);

int pxb_ctx_new(pxb_ctx** out);
int pxb_ctx_new_from_dir(const char* dir, pxb_ctx** out);
int pxb_ctx_new_from_memory(const pxb_pack_file* files, size_t count, pxb_ctx** out);
void pxb_ctx_free(pxb_ctx* ctx);

int pxb_check_id(const pxb_ctx* ctx, const char* id);
int pxb_decode_id(const pxb_ctx* ctx, const char* id, pxb_combo* out);
int pxb_encode_id(const pxb_ctx* ctx, const pxb_combo* combo, char* out_id);
int pxb_seeded_id(const pxb_ctx* ctx, const char* text, size_t length, char* out_id);
int pxb_random_id(const pxb_ctx* ctx, char* out_id);
int pxb_combo_count(const pxb_ctx* ctx, uint32_t* out);
int pxb_combo_index(const pxb_ctx* ctx, const char* id, uint32_t* out);
int pxb_id_at(const pxb_ctx* ctx, uint32_t index, char* out_id);
int pxb_next_id(const pxb_ctx* ctx, const char* id, char* out_id);
int pxb_previous_id(const pxb_ctx* ctx, const char* id, char* out_id);
int pxb_part_count(const pxb_ctx* ctx, int32_t category, int32_t* out);
int pxb_part_name(const pxb_ctx* ctx, int32_t category, int32_t part, const char** out);
int pxb_tick_count(const pxb_ctx* ctx, const char* id, int32_t* out);
int pxb_catalog_json(const pxb_ctx* ctx, uint8_t** out, size_t* out_size);

int pxb_render(const pxb_ctx* ctx, const char* id, const pxb_options* options, uint8_t** out, size_t* out_size);
int pxb_render_into(const pxb_ctx* ctx, const char* id, const pxb_options* options, void* buffer,
                    size_t capacity, size_t* out_size);
int pxb_tick_duration_ms(double speed, int32_t* out);
int pxb_loop_duration_ms(const pxb_ctx* ctx, const char* id, double speed, int32_t* out);
int pxb_decode_png(const uint8_t* data, size_t size, uint8_t** out_rgba, int32_t* out_width, int32_t* out_height);
]])

-- pxb_status by number, and the names errors carry.
local STATUS = {
  [1] = "INVALID_ID", [2] = "INVALID_OPTION", [3] = "INVALID_PACK", [4] = "IO", [5] = "CODEC",
  [6] = "INVALID_ARGUMENT", [7] = "BUFFER_TOO_SMALL", [8] = "OUT_OF_MEMORY",
  [9] = "VERSION_MISMATCH", [10] = "INTERNAL",
}
local CODE = {}
for code, name in pairs(STATUS) do CODE[name] = code end
M.STATUS = STATUS

-- pxb_format by the names render() accepts.
local FORMATS = {
  png = 0, gif = 1, webp = 2, apng = 3, svg = 4, rgba = 5,
  metadata_json = 6, frames_json = 7, sheet_png = 8, sheet_json = 9,
}
M.FORMATS = FORMATS

local CATEGORIES = { eyes = 0, heads = 1, body = 2, top = 3 }
M.CATEGORIES = { "eyes", "heads", "body", "top" } -- encoding order, 1-based

local TICK_STILL, TICK_ALL = -1, -2
local ID_BUFFER_SIZE = 5
local OPTIONS_SIZE = ffi.sizeof("pxb_options")

---------------------------------------------------------------- loading

-- The C library. Until a call needs it, a stand-in that loads it, so that
-- M.load(path) can still choose the file; every function below reads the
-- upvalue C, which then names the library itself.
local C
local loaded_from

local function candidates(path)
  if path then return { path } end
  -- A set PIXABOTS_LIBRARY is final: a wrong path must not fall back silently.
  local explicit = os.getenv("PIXABOTS_LIBRARY")
  if explicit and explicit ~= "" then return { explicit } end
  return { "libpixabots.so.1", "/usr/local/lib/libpixabots.so.1", "/usr/lib/libpixabots.so.1" }
end

local function open_library(path)
  local tried = {}
  for _, candidate in ipairs(candidates(path)) do
    local ok, lib = pcall(ffi.load, candidate)
    if ok then return lib, candidate end
    tried[#tried + 1] = candidate .. ": " .. tostring(lib)
  end
  error("pixabots: cannot load the library (libpixabots.so.1). Install it with `cmake --install`, "
    .. "set PIXABOTS_LIBRARY or call pixabots.load(path). Tried:\n  " .. table.concat(tried, "\n  "), 0)
end

-- The library's own defaults for pxb_options as declared above: struct_size is
-- this declaration's size, so a newer library gives the fields it has added
-- since their defaults. Reading the defaults back checks the layout.
local function check_library(lib)
  local major = math.floor(tonumber(lib.pxb_version_number()) / 10000)
  if major ~= ABI_MAJOR then
    error(("pixabots: the loaded library is version %s, but this binding speaks the %d.x C ABI")
      :format(ffi.string(lib.pxb_version()), ABI_MAJOR), 0)
  end
  local defaults = ffi.new("pxb_options")
  local status = lib.pxb_options_init_size(defaults, OPTIONS_SIZE)
  if status ~= 0 then
    error("pixabots: pxb_options_init_size failed: " .. ffi.string(lib.pxb_last_error()), 0)
  end
  if defaults.struct_size ~= OPTIONS_SIZE or defaults.size ~= 128 or defaults.saturate ~= 1
      or defaults.speed ~= 1 or defaults.tick ~= TICK_STILL or defaults.bg ~= nil then
    error("pixabots: pxb_options as declared here does not match the library's layout", 0)
  end
end

-- Loads the library from `path` (nil: PIXABOTS_LIBRARY, then libpixabots.so.1
-- through the dynamic loader, then /usr/local/lib and /usr/lib). Only needed to
-- choose the file; otherwise the first call loads it. Returns the path used.
function M.load(path)
  if loaded_from then
    if path and path ~= loaded_from then
      error("pixabots: the library is already loaded from " .. loaded_from, 2)
    end
    return loaded_from
  end
  local lib, from = open_library(path)
  check_library(lib)
  C, loaded_from = lib, from
  return from
end

C = setmetatable({}, { __index = function(_, name)
  M.load()
  return C[name]
end })

---------------------------------------------------------------- errors

local Error = {}
Error.__index = Error
Error.__tostring = function(e) return "pixabots: " .. e.status .. ": " .. e.message end
M.Error = Error

-- True when `value` is an error this binding raised for a failed call.
function M.is_error(value)
  return getmetatable(value) == Error
end

local function fail(status_name, message, needed)
  error(setmetatable({ status = status_name, code = CODE[status_name], message = message, needed = needed }, Error), 0)
end

-- Raises the error of a failed call; call it right after that call, on its
-- thread, before any other library call replaces pxb_last_error().
local function raise(code, needed)
  local message = ffi.string(C.pxb_last_error())
  if message == "" then message = ffi.string(C.pxb_strerror(code)) end
  fail(STATUS[code] or ("STATUS_" .. code), message, needed)
end

local function check(code)
  if code ~= 0 then raise(code) end
end

local function argerror(what, expected, value)
  error(("pixabots: %s must be %s, not %s"):format(what, expected, type(value)), 0)
end

---------------------------------------------------------------- arguments

local INT32_MIN, INT32_MAX = -2 ^ 31, 2 ^ 31 - 1

local function is_integer(v)
  return type(v) == "number" and v == math.floor(v) and v >= INT32_MIN and v <= INT32_MAX
end

-- An ID as the C string the library reads. The library judges everything but
-- what a C string cannot carry.
local function c_id(id)
  if type(id) ~= "string" then argerror("a pixabot ID", "a string", id) end
  if id:find("\0", 1, true) then
    fail("INVALID_ID", ("invalid ID %q: contains a NUL character; must be exactly 4 characters of [0-9a-z]"):format(id))
  end
  return id
end

local function c_text(value, what)
  if value == nil then return nil end
  if type(value) ~= "string" then argerror(what, "a string or nil", value) end
  if value:find("\0", 1, true) then fail("INVALID_OPTION", ("%s %q contains a NUL character"):format(what, value)) end
  return value
end

local function option_int(value, what, accepted)
  if type(value) ~= "number" then argerror(what, "a number", value) end
  if not is_integer(value) then fail("INVALID_OPTION", ("%s %s is out of range: %s"):format(what, tostring(value), accepted)) end
  return value
end

local function option_number(value, what)
  if type(value) ~= "number" then argerror(what, "a number", value) end
  return value
end

local function option_flag(value, what)
  if value == nil then return 0 end
  if type(value) ~= "boolean" then argerror(what, "a boolean", value) end
  return value and 1 or 0
end

local function category(value)
  if type(value) == "string" then
    local number = CATEGORIES[value]
    if not number then
      fail("INVALID_ARGUMENT", ("category %q is not one of 'eyes', 'heads', 'body', 'top'"):format(value))
    end
    return number
  end
  if type(value) ~= "number" then argerror("category", "a string or a number", value) end
  if not (is_integer(value) and value >= 0 and value <= 3) then
    fail("INVALID_ARGUMENT", ("category %s is not one of 0..3 (eyes, heads, body, top)"):format(tostring(value)))
  end
  return value
end

local OPTION_KEYS = {
  format = true, size = true, hue = true, saturate = true, bg = true, speed = true, tick = true,
  compact_svg = true, sheet_columns = true, merge_repeats = true, origin = true, sheet_image = true,
}

-- One pxb_options and the out-arguments every call fills, reused: a Lua state
-- runs one call at a time, and a LÖVE thread has a Lua state (and so a copy of
-- this module) of its own. Reuse keeps render_into free of allocation.
local options = ffi.new("pxb_options")
local out_ptr = ffi.new("uint8_t*[1]")
local out_size = ffi.new("size_t[1]")
-- *out_size read as two 32-bit halves: reading the size_t itself boxes a
-- 64-bit integer, an allocation on every call when the JIT is off.
local out_size_words = ffi.cast("uint32_t*", out_size)
local LOW, HIGH = ffi.abi("le") and 0 or 1, ffi.abi("le") and 1 or 0
local function out_count()
  return out_size_words[HIGH] * 2 ^ 32 + out_size_words[LOW]
end
local out_i32 = ffi.new("int32_t[2]")
local out_u32 = ffi.new("uint32_t[1]")
local out_id = ffi.new("char[?]", ID_BUFFER_SIZE)

-- Fills `options` from a table of option values (nil: the defaults). String
-- options point into the Lua strings, which the caller's table keeps alive
-- for the call.
local function fill_options(t, default_format)
  C.pxb_options_init_size(options, OPTIONS_SIZE) -- checked once when the library was loaded
  if t == nil then
    options.format = FORMATS[default_format]
    return options
  end
  if type(t) ~= "table" then argerror("options", "a table or nil", t) end
  for key in pairs(t) do
    if not OPTION_KEYS[key] then error(("pixabots: unknown option %q"):format(tostring(key)), 0) end
  end
  local format = t.format or default_format
  if type(format) ~= "string" then argerror("format", "a string", format) end
  local code = FORMATS[format]
  if not code then
    fail("INVALID_OPTION", ("format %q is not one of png, gif, webp, apng, svg, rgba, metadata_json, "
      .. "frames_json, sheet_png, sheet_json"):format(format))
  end
  options.format = code
  if t.size ~= nil then options.size = option_int(t.size, "size", "must be an integer between 32 and 1920") end
  if t.hue ~= nil then options.hue = option_number(t.hue, "hue") end
  if t.saturate ~= nil then options.saturate = option_number(t.saturate, "saturate") end
  if t.speed ~= nil then options.speed = option_number(t.speed, "speed") end
  options.bg = c_text(t.bg, "bg")
  local tick = t.tick
  if tick == "all" then
    options.tick = TICK_ALL
  elseif tick ~= nil then
    if type(tick) ~= "number" then
      fail("INVALID_OPTION", ("tick %s is not nil (still), 'all' or 0..15"):format(tostring(tick)))
    end
    options.tick = option_int(tick, "tick", "must be nil (still), 'all' or 0..15")
  end
  options.compact_svg = option_flag(t.compact_svg, "compact_svg")
  if t.sheet_columns ~= nil then
    options.sheet_columns = option_int(t.sheet_columns, "sheet_columns", "must be 0 (one row) or 1..16")
  end
  options.merge_repeats = option_flag(t.merge_repeats, "merge_repeats")
  options.origin = c_text(t.origin, "origin")
  options.sheet_image = c_text(t.sheet_image, "sheet_image")
  return options
end

-- The buffer the library handed over, as a Lua string, released.
local function take_buffer()
  local data = out_ptr[0]
  local ok, text = pcall(ffi.string, data, out_size[0])
  C.pxb_free(data)
  if not ok then error(text, 0) end
  return text
end

---------------------------------------------------------------- module functions

-- Version of the library actually loaded: "major.minor.patch".
function M.version()
  return ffi.string(C.pxb_version())
end

-- The loaded library's version as major * 10000 + minor * 100 + patch.
function M.version_number()
  return tonumber(C.pxb_version_number())
end

-- Milliseconds one animation tick is shown at `speed` (0.25..4, default 1):
-- max(20, round(72 / speed)), the same for every ID.
function M.tick_duration_ms(speed)
  check(C.pxb_tick_duration_ms(speed == nil and 1 or option_number(speed, "speed"), out_i32))
  return out_i32[0]
end

-- Decodes a PNG (a Lua string) of any colour type and bit depth to 8-bit
-- RGBA: returns width, height and the pixels as a string, rows width*4 bytes.
function M.decode_png(data)
  if type(data) ~= "string" then argerror("PNG data", "a string", data) end
  local status = C.pxb_decode_png(data, #data, out_ptr, out_i32, out_i32 + 1)
  check(status)
  local width, height = out_i32[0], out_i32[1]
  out_size[0] = width * height * 4
  return width, height, take_buffer()
end

---------------------------------------------------------------- contexts

local Context = {}
Context.__index = Context
M.Context = Context

local function adopt(handle, origin, owned)
  if owned then handle = ffi.gc(handle, C.pxb_ctx_free) end
  return setmetatable({ _handle = handle, _origin = origin, _owned = owned }, Context)
end

local out_ctx = ffi.new("pxb_ctx*[1]")

-- A context drawing with the art embedded in the library.
function M.new()
  check(C.pxb_ctx_new(out_ctx))
  return adopt(out_ctx[0], "embedded", true)
end

-- A context drawing with the sprite pack in directory `path` (docs/packs.md).
function M.from_dir(path)
  if type(path) ~= "string" then argerror("the pack directory", "a string", path) end
  if path:find("\0", 1, true) then fail("IO", ("pack directory %q contains a NUL character"):format(path)) end
  check(C.pxb_ctx_new_from_dir(path, out_ctx))
  return adopt(out_ctx[0], path, true)
end

-- A context drawing with a pack held in memory: a table of the path inside
-- the pack ("manifest.json", "eyes/visor.png") to its bytes (a string). The
-- library copies the bytes during the call.
function M.from_memory(files)
  if type(files) ~= "table" then argerror("pack files", "a table", files) end
  local paths = {}
  for path, data in pairs(files) do
    if type(path) ~= "string" then argerror("a pack file path", "a string", path) end
    if type(data) ~= "string" then argerror("pack file " .. path, "a string", data) end
    if path:find("\0", 1, true) then fail("INVALID_PACK", ("pack file path %q contains a NUL character"):format(path)) end
    paths[#paths + 1] = path
  end
  table.sort(paths) -- the same array (and so the same first error) on every run
  local array = ffi.new("pxb_pack_file[?]", math.max(#paths, 1))
  for i, path in ipairs(paths) do
    local data = files[path]
    array[i - 1].path, array[i - 1].data, array[i - 1].size = path, ffi.cast("const uint8_t*", data), #data
  end
  check(C.pxb_ctx_new_from_memory(array, #paths, out_ctx))
  return adopt(out_ctx[0], #paths .. " files in memory", true)
end

-- A context another owner made (another LÖVE thread, another module), from
-- ctx:address(). Nothing is freed when it is closed or collected: its owner
-- must keep the context open for as long as any borrower uses it.
function M.borrow(address)
  if type(address) ~= "number" or address <= 0 or address ~= math.floor(address) then
    error("pixabots: borrow takes the number ctx:address() returned", 2)
  end
  return adopt(ffi.cast("pxb_ctx*", address), "borrowed", false)
end

local function handle(self)
  local h = self._handle
  if h == nil then error("pixabots: operation on a closed context", 0) end
  return h
end

-- Releases the context now rather than when it is collected. Twice is fine.
-- Any other thread borrowing it must have stopped using it.
function Context:close()
  local h = self._handle
  if h == nil then return end
  self._handle = nil
  if self._owned then
    ffi.gc(h, nil)
    C.pxb_ctx_free(h)
  end
end

function Context:is_closed()
  return self._handle == nil
end

-- The context's address as a number, for M.borrow in another Lua state (a
-- LÖVE thread): the library lets any number of threads use one context.
function Context:address()
  return tonumber(ffi.cast("uintptr_t", handle(self)))
end

function Context:__tostring()
  return ("pixabots.Context(%s, %s)"):format(self._origin, self._handle == nil and "closed" or "open")
end

local function id_call(fn, self, ...)
  check(fn(handle(self), ...))
  return ffi.string(out_id, 4)
end

-- Raises an INVALID_ID error saying what is wrong with `id`, if anything.
function Context:check_id(id)
  check(C.pxb_check_id(handle(self), c_id(id)))
end

-- True when `id` names parts of this context's catalog.
function Context:is_valid(id)
  return type(id) == "string" and not id:find("\0", 1, true) and C.pxb_check_id(handle(self), id) == 0
end

-- The part indices `id` names: { eyes =, heads =, body =, top = }.
function Context:decode(id)
  local combo = ffi.new("pxb_combo")
  check(C.pxb_decode_id(handle(self), c_id(id), combo))
  return { eyes = combo.part[0], heads = combo.part[1], body = combo.part[2], top = combo.part[3] }
end

-- The ID of a combo: { eyes =, heads =, body =, top = } or the 4 indices in that order.
function Context:encode(combo)
  if type(combo) ~= "table" then argerror("a combo", "a table", combo) end
  local struct = ffi.new("pxb_combo")
  for i, name in ipairs(M.CATEGORIES) do
    local value = combo[name]
    if value == nil then value = combo[i] end
    if type(value) ~= "number" then argerror("the combo's " .. name .. " index", "a number", value) end
    if not is_integer(value) then fail("INVALID_ID", ("%s index %s is out of range"):format(name, tostring(value))) end
    struct.part[i - 1] = value
  end
  return id_call(C.pxb_encode_id, self, struct, out_id)
end

-- The service's seededId: the same text always gives the same ID (the
-- string's bytes are hashed, NULs included).
function Context:seeded_id(text)
  if type(text) ~= "string" then argerror("seed text", "a string", text) end
  return id_call(C.pxb_seeded_id, self, text, #text, out_id)
end

-- A uniformly random ID (the library's per-thread generator, seeded by the OS).
function Context:random_id()
  return id_call(C.pxb_random_id, self, out_id)
end

-- Combinations in the catalog (10,752 for the service's).
function Context:combo_count()
  check(C.pxb_combo_count(handle(self), out_u32))
  return tonumber(out_u32[0])
end

-- Position of `id` in browse order, 0..combo_count()-1.
function Context:combo_index(id)
  check(C.pxb_combo_index(handle(self), c_id(id), out_u32))
  return tonumber(out_u32[0])
end

-- The ID at `index` (0-based) in browse order.
function Context:id_at(index)
  if type(index) ~= "number" then argerror("index", "a number", index) end
  if not (index == math.floor(index) and index >= 0 and index < 2 ^ 32) then
    fail("INVALID_ID", ("combo index %s is out of range 0..%d"):format(tostring(index), self:combo_count() - 1))
  end
  return id_call(C.pxb_id_at, self, index, out_id)
end

-- The neighbours of `id` in browse order, wrapping around at both ends.
function Context:next_id(id)
  return id_call(C.pxb_next_id, self, c_id(id), out_id)
end

function Context:previous_id(id)
  return id_call(C.pxb_previous_id, self, c_id(id), out_id)
end

-- Parts in `category` ("eyes", "heads", "body", "top" or 0..3).
function Context:part_count(cat)
  check(C.pxb_part_count(handle(self), category(cat), out_i32))
  return out_i32[0]
end

-- The name of part `part` (0-based) of `category`.
function Context:part_name(cat, part)
  if type(part) ~= "number" then argerror("part", "a number", part) end
  if not is_integer(part) then fail("INVALID_OPTION", ("part %s is out of range"):format(tostring(part))) end
  local name = ffi.new("const char*[1]")
  check(C.pxb_part_name(handle(self), category(cat), part, name))
  return ffi.string(name[0]) -- owned by the context: copied while it is open
end

-- Every part name of `category`, in a 1-based list (index i is part i - 1).
function Context:part_names(cat)
  local names = {}
  for i = 0, self:part_count(cat) - 1 do names[i + 1] = self:part_name(cat, i) end
  return names
end

-- Ticks the animation encodes: 16, or 8 when no part of the combo animates.
function Context:tick_count(id)
  check(C.pxb_tick_count(handle(self), c_id(id), out_i32))
  return out_i32[0]
end

-- Milliseconds of one whole loop of `id` at `speed` (default 1):
-- tick_count(id) * tick_duration_ms(speed).
function Context:loop_duration_ms(id, speed)
  check(C.pxb_loop_duration_ms(handle(self), c_id(id), speed == nil and 1 or option_number(speed, "speed"), out_i32))
  return out_i32[0]
end

-- The catalog as JSON text.
function Context:catalog_json()
  check(C.pxb_catalog_json(handle(self), out_ptr, out_size))
  return take_buffer()
end

-- Renders `id` and returns the output as a Lua string. Options (a table, all
-- optional): format = "png" | "gif" | "webp" | "apng" | "svg" | "rgba" |
-- "metadata_json" | "frames_json" | "sheet_png" | "sheet_json"; size = 128
-- (32..1920); hue = 0; saturate = 1 (0..4); bg = nil ("#rrggbb"); speed = 1
-- (0.25..4); tick = nil (still) | 0..15 | "all" (png and rgba); compact_svg,
-- merge_repeats (booleans); sheet_columns (0..16); origin, sheet_image.
function Context:render(id, opts)
  local h = handle(self)
  id = c_id(id)
  check(C.pxb_render(h, id, fill_options(opts, "png"), out_ptr, out_size))
  return take_buffer()
end

-- Renders `id` into the caller's memory: `buffer` is any FFI pointer or array
-- (ffi.new("uint8_t[?]", n), ImageData:getFFIPointer()) of `capacity` bytes.
-- Options as render(), format "rgba" unless given, and then nothing is
-- allocated: the pixels go straight into the buffer. Returns the bytes
-- written. A buffer too small raises BUFFER_TOO_SMALL with `needed` set.
function Context:render_into(id, buffer, capacity, opts)
  local h = handle(self)
  id = c_id(id)
  if type(buffer) ~= "cdata" then argerror("the buffer", "an FFI pointer or array", buffer) end
  if not (type(capacity) == "number" and capacity >= 0 and capacity == math.floor(capacity)) then
    error("pixabots: the buffer's capacity must be a byte count (ffi.sizeof of an array)", 0)
  end
  local status = C.pxb_render_into(h, id, fill_options(opts, "rgba"), buffer, capacity, out_size)
  if status ~= 0 then raise(status, status == CODE.BUFFER_TOO_SMALL and out_count() or nil) end
  return out_count()
end

-- Bytes render_into writes for these options (size*size*4 for a still RGBA,
-- times tick_count(id) with tick = "all"). Only RGBA is sized without rendering.
function Context:output_size(id, opts)
  local h = handle(self)
  id = c_id(id)
  local status = C.pxb_render_into(h, id, fill_options(opts, "rgba"), nil, 0, out_size)
  if status ~= 0 and status ~= CODE.BUFFER_TOO_SMALL then raise(status) end
  return out_count()
end

return M
