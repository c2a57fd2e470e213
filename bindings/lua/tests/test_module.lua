-- The module itself: loading, the pxb_options layout, module functions and
-- the shape of its errors.
local ffi = require("ffi")
local pixabots = require("pixabots")
local check = require("check")

return {
  { "version", function()
    local major, minor, patch = pixabots.version():match("^(%d+)%.(%d+)%.(%d+)$")
    check.truthy(major, "version is major.minor.patch")
    check.eq(pixabots.version_number(), major * 10000 + minor * 100 + patch, "version_number")
  end },

  { "the library stays the one loaded first", function()
    local from = pixabots.load()
    check.eq(pixabots.load(from), from, "loading the same path again")
    check.misuse("already loaded from", pixabots.load, "/nonexistent/libpixabots.so.1")
  end },

  { "pxb_options is declared with the C layout", function()
    -- offsetof() of every field as a C compiler lays pixabots.h out on LP64.
    check.eq(ffi.abi("64bit"), true, "an LP64 platform")
    local expected = {
      struct_size = 0, size = 4, hue = 8, saturate = 16, bg = 24, speed = 32, format = 40, tick = 44,
      compact_svg = 48, sheet_columns = 52, merge_repeats = 56, origin = 64, sheet_image = 72,
    }
    for field, offset in pairs(expected) do
      check.eq(ffi.offsetof("pxb_options", field), offset, "offsetof " .. field)
    end
    check.eq(ffi.sizeof("pxb_options"), 80, "sizeof pxb_options")
    check.eq(ffi.sizeof("pxb_pack_file"), 24, "sizeof pxb_pack_file")
    check.eq(ffi.sizeof("pxb_combo"), 16, "sizeof pxb_combo")
    -- The library fills the defaults for a struct of exactly this size.
    local lib = ffi.load(pixabots.load())
    local options = ffi.new("pxb_options")
    check.eq(lib.pxb_options_init_size(options, ffi.sizeof(options)), 0, "pxb_options_init_size")
    check.eq(options.struct_size, 80, "struct_size")
    check.eq(options.size, 128, "default size")
    check.eq(options.saturate, 1, "default saturate")
    check.eq(options.speed, 1, "default speed")
    check.eq(options.tick, -1, "default tick")
  end },

  { "tick durations", function()
    for _, case in ipairs({ { 1, 72 }, { 0.25, 288 }, { 0.5, 144 }, { 2, 36 }, { 3, 24 }, { 4, 20 } }) do
      check.eq(pixabots.tick_duration_ms(case[1]), case[2], "speed " .. case[1])
    end
    check.eq(pixabots.tick_duration_ms(), 72, "default speed")
    check.fails("INVALID_OPTION", "speed 5 is out of range: must be between 0.25 and 4", pixabots.tick_duration_ms, 5)
  end },

  { "errors carry the status name, its number and the library's message", function()
    local err = check.fails("CODEC", nil, pixabots.decode_png, "definitely not a png")
    check.eq(err.code, 5, "code")
    check.truthy(#err.message > 0, "a message")
    check.eq(tostring(err), "pixabots: CODEC: " .. err.message, "tostring")
    check.eq(pixabots.STATUS[err.code], "CODEC", "STATUS")
    check.misuse("PNG data must be a string, not number", pixabots.decode_png, 5)
  end },
}
