-- render_into: the caller's FFI memory reused frame after frame, exactly the
-- pixels render() returns, no Lua allocation per call.
local ffi = require("ffi")
local pixabots = require("pixabots")
local check = require("check")

local ctx = pixabots.new()
local SIZE = 64
local BYTES = SIZE * SIZE * 4

local function filled(n, byte)
  local buffer = ffi.new("uint8_t[?]", n)
  ffi.fill(buffer, n, byte)
  return buffer
end

return {
  { "writes exactly the RGBA render and nothing past it", function()
    local buffer = filled(BYTES + 10, 0x5a)
    check.eq(ctx:render_into("2156", buffer, BYTES + 10, { size = SIZE }), BYTES, "bytes written")
    check.truthy(ffi.string(buffer, BYTES) == ctx:render("2156", { format = "rgba", size = SIZE }), "the pixels")
    check.eq(ffi.string(buffer + BYTES, 10), ("\90"):rep(10), "the bytes after the pixels")
    -- Any pointer: here into the middle of a larger block.
    local big = filled(BYTES + 100, 0x5a)
    ctx:render_into("2156", big + 50, BYTES, { size = SIZE })
    check.truthy(ffi.string(big + 50, BYTES) == ffi.string(buffer, BYTES), "through a pointer")
    check.eq(ffi.string(big, 50) .. ffi.string(big + 50 + BYTES, 50), ("\90"):rep(100), "around the pointer")
    -- Encoded formats go into the buffer too.
    local png = ctx:render("2156", { size = SIZE })
    local out = ffi.new("uint8_t[?]", #png)
    check.eq(ctx:render_into("2156", out, #png, { size = SIZE, format = "png" }), #png, "PNG bytes")
    check.truthy(ffi.string(out, #png) == png, "the PNG")
  end },

  { "one buffer reused for every tick", function()
    local ticks = ctx:tick_count("2156")
    local buffer = ffi.new("uint8_t[?]", BYTES)
    local options = { size = SIZE, tick = 0 }
    local frames = {}
    for tick = 0, ticks - 1 do
      options.tick = tick
      ctx:render_into("2156", buffer, BYTES, options)
      local expected = ctx:render("2156", { format = "rgba", size = SIZE, tick = tick })
      check.truthy(ffi.string(buffer, BYTES) == expected, "tick " .. tick)
      frames[expected] = true
    end
    local distinct = 0
    for _ in pairs(frames) do distinct = distinct + 1 end
    check.truthy(distinct > 1, "the ticks differ: the buffer really is rewritten")
  end },

  { "allocates nothing per frame", function()
    local buffer = ffi.new("uint8_t[?]", BYTES)
    local options = { size = SIZE, tick = 0, bg = "#102030" }
    local ticks = ctx:tick_count("2156")
    local function play(frames)
      for frame = 1, frames do
        options.tick = frame % ticks
        ctx:render_into("2156", buffer, BYTES, options)
      end
    end
    play(2000) -- warm up: LuaJIT allocates once while it compiles the loop
    collectgarbage("collect")
    collectgarbage("stop")
    local before = collectgarbage("count")
    play(2000)
    local after = collectgarbage("count")
    collectgarbage("restart")
    check.eq(after - before, 0, "KiB allocated by 2000 render_into calls")
  end },

  { "a buffer too small reports the size needed", function()
    local err = check.fails("BUFFER_TOO_SMALL", nil, ctx.render_into, ctx, "2156", filled(100, 0), 100, { size = SIZE })
    check.eq(err.needed, BYTES, "needed")
    check.truthy(err.message:find(tostring(BYTES), 1, true), "the message names the size")
    check.eq(ctx:output_size("2156", { size = SIZE }), BYTES, "output_size")
    check.eq(ctx:output_size("2156", { size = 32, tick = "all" }), 4096 * ctx:tick_count("2156"), "output_size all")
  end },

  { "other errors leave the buffer untouched", function()
    local buffer = filled(BYTES, 0)
    check.fails("INVALID_ID", nil, ctx.render_into, ctx, "zzzz", buffer, BYTES, { size = SIZE })
    check.fails("INVALID_OPTION", nil, ctx.render_into, ctx, "2156", buffer, BYTES, { size = 20 })
    check.eq(ffi.string(buffer, BYTES), ("\0"):rep(BYTES), "the buffer")
    check.misuse("the buffer must be an FFI pointer or array, not string", ctx.render_into, ctx, "2156", "x", 1)
    check.misuse("capacity must be a byte count", ctx.render_into, ctx, "2156", buffer, nil)
  end },
}
