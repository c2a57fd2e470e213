-- A crowd of animated pixabots in LÖVE 11: every bot is an Image refreshed
-- from its ImageData, which the library renders each new tick into directly
-- (render_into, no allocation per frame), paced by the library's tick
-- duration. Click a bot to re-roll it.
--
--   love examples/love [--library PATH] [--capture FILE --frames N]
--
-- The binding is bindings/lua/pixabots.lua of this repository (or an
-- installed pixabots.lua); the library is PATH, else PIXABOTS_LIBRARY, else
-- libpixabots.so.1 through the dynamic loader.
package.path = love.filesystem.getSource() .. "/../../bindings/lua/?.lua;" .. package.path

local pixabots = require("pixabots")
local crowd = require("crowd")
local capture = require("capture")

local ctx, bots, tick_ms, start
local frame, capture_path, capture_frame = 0, nil, nil

local function parse(args)
  local options = {}
  local i = 1
  while args[i] do
    local name, value = args[i], args[i + 1]
    if (name == "--library" or name == "--capture" or name == "--frames") and value then
      options[name:sub(3)] = value
      i = i + 2
    else
      error("usage: love examples/love [--library PATH] [--capture FILE --frames N]; unknown argument " .. name)
    end
  end
  return options
end

function love.load(args)
  local options = parse(args)
  if options.capture then
    capture.install()
    capture_path = options.capture
    capture_frame = tonumber(options.frames) or error("--capture needs --frames N")
  end
  if options.library then pixabots.load(options.library) end
  ctx = pixabots.new()
  tick_ms = pixabots.tick_duration_ms(1)
  love.graphics.setBackgroundColor(crowd.BACKGROUND[1] / 255, crowd.BACKGROUND[2] / 255, crowd.BACKGROUND[3] / 255)
  bots = crowd.new(ctx, function() return ctx:random_id() end)
  start = love.timer.getTime()
end

function love.update()
  crowd.update(ctx, bots, (love.timer.getTime() - start) * 1000, tick_ms)
end

function love.draw()
  crowd.draw(bots)
  love.graphics.setColor(1, 1, 1, 1)
  love.graphics.print(("%d pixabots, %d ms a tick: click one to re-roll it"):format(#bots, tick_ms), crowd.GAP, 10)
  frame = frame + 1
  if frame == capture_frame then capture.take(capture_path, crowd, bots) end
end

function love.mousepressed(x, y)
  local bot = crowd.at(bots, x, y)
  if bot then crowd.reroll(ctx, bot, ctx:random_id()) end
end

function love.keypressed(key)
  if key == "escape" then love.event.quit() end
end
