-- love_frame's judge (plain LuaJIT): the frame the demo captured must show
-- every bot exactly as the library renders its ID at that size and tick,
-- composited on the background, and the background between them.
--
--   luajit examples/love/check_frame.lua FRAME.png    (reads FRAME.png.txt too)
local here = arg[0]:match("^(.*)/[^/]*$") or "."
package.path = here .. "/../../bindings/lua/?.lua;" .. package.path
local ffi = require("ffi")
local pixabots = require("pixabots")

local function read(path)
  local file = assert(io.open(path, "rb"))
  local data = file:read("*a")
  file:close()
  return data
end

local path = assert(arg[1], "usage: luajit check_frame.lua FRAME.png")
local width, height, screen = pixabots.decode_png(read(path))
local pixels = ffi.cast("const uint8_t*", screen)

local frame, bots = nil, {}
for line in io.lines(path .. ".txt") do
  local w, h, size, r, g, b = line:match("^frame (%d+) (%d+) (%d+) (%d+) (%d+) (%d+)$")
  if w then frame = { width = tonumber(w), height = tonumber(h), size = tonumber(size), bg = { tonumber(r), tonumber(g), tonumber(b) } } end
  local renderer = line:match("^renderer (.*)$")
  if renderer then print("rendered by " .. renderer) end
  local id, x, y, tick = line:match("^bot (%w+) (%d+) (%d+) (%d+)$")
  if id then bots[#bots + 1] = { id = id, x = tonumber(x), y = tonumber(y), tick = tonumber(tick) } end
end
assert(frame, path .. ".txt has no frame line")
assert(#bots > 0, path .. ".txt names no bots")
assert(width == frame.width and height == frame.height,
  ("the capture is %dx%d, the window %dx%d"):format(width, height, frame.width, frame.height))

local function fail(message)
  io.stderr:write(message, "\n")
  os.exit(1)
end

-- The screen pixel's RGB must be `rgb` (the capture's alpha is the window's, not the art's).
local function expect(x, y, r, g, b, what)
  local p = pixels + (y * width + x) * 4
  if p[0] ~= r or p[1] ~= g or p[2] ~= b then
    fail(("%s: screen pixel (%d, %d) is %d,%d,%d; expected %d,%d,%d"):format(what, x, y, p[0], p[1], p[2], r, g, b))
  end
end

local ctx = pixabots.new()
local size, bg = frame.size, frame.bg
for _, bot in ipairs(bots) do
  local what = ("bot %s tick %d at (%d, %d)"):format(bot.id, bot.tick, bot.x, bot.y)
  local art = ffi.cast("const uint8_t*", ctx:render(bot.id, { format = "rgba", size = size, tick = bot.tick }))
  local painted = 0
  for y = 0, size - 1 do
    for x = 0, size - 1 do
      local a = art + (y * size + x) * 4
      -- The art's alpha is all or nothing, so alpha blending is exact: the
      -- art's colour or the background's, never a mix to round.
      if a[3] == 255 then
        expect(bot.x + x, bot.y + y, a[0], a[1], a[2], what)
        painted = painted + 1
      elseif a[3] == 0 then
        expect(bot.x + x, bot.y + y, bg[1], bg[2], bg[3], what)
      else
        fail(("%s: art pixel (%d, %d) has alpha %d; this judge compares opaque or clear pixels only"):format(what, x, y, a[3]))
      end
    end
  end
  if painted == 0 then fail(what .. ": the render paints nothing") end
end
-- Between the first two bots: the background.
expect(bots[1].x + size + 2, bots[1].y + size / 2, bg[1], bg[2], bg[3], "the gap between bots")
print(("%d bots match the library's render of their tick exactly"):format(#bots))
