-- The crowd's layout and its bots: a grid of avatars, each playing its own
-- animation a tick at a time, rendered straight into the ImageData its Image
-- is refreshed from. Plain numbers first, so conf.lua can size the window.
local crowd = {}

crowd.SIZE = 96 -- px: three times the 32 px art, so every art pixel is a sharp 3 x 3 block
crowd.COLUMNS, crowd.ROWS = 8, 4
crowd.GAP = 8 -- px between cells
crowd.LABEL = 16 -- px under each bot for its ID
crowd.TOP = 32 -- px above the grid for the caption
crowd.BACKGROUND = { 0x1d, 0x23, 0x33 } -- 8-bit RGB
crowd.WIDTH = crowd.COLUMNS * (crowd.SIZE + crowd.GAP) + crowd.GAP
crowd.HEIGHT = crowd.TOP + crowd.ROWS * (crowd.SIZE + crowd.LABEL + crowd.GAP)

local BYTES = crowd.SIZE * crowd.SIZE * 4

-- The bots of the grid, each with an ID from `pick()`, at integer positions
-- (the art lands on whole screen pixels: no filtering blur).
function crowd.new(ctx, pick)
  local ffi = require("ffi")
  local bots = {}
  for row = 0, crowd.ROWS - 1 do
    for column = 0, crowd.COLUMNS - 1 do
      local data = love.image.newImageData(crowd.SIZE, crowd.SIZE, "rgba8")
      local image = love.graphics.newImage(data)
      image:setFilter("nearest", "nearest")
      local bot = {
        x = crowd.GAP + column * (crowd.SIZE + crowd.GAP),
        y = crowd.TOP + row * (crowd.SIZE + crowd.LABEL + crowd.GAP),
        data = data,
        pixels = ffi.cast("uint8_t*", data:getFFIPointer()), -- the ImageData's own memory
        image = image,
      }
      crowd.reroll(ctx, bot, pick())
      bots[#bots + 1] = bot
    end
  end
  return bots
end

-- Gives `bot` a new ID and a random place in its loop.
function crowd.reroll(ctx, bot, id)
  bot.id = id
  bot.ticks = ctx:tick_count(id)
  bot.phase = love.math.random(0, bot.ticks - 1)
  bot.shown = nil -- the tick its Image holds: none yet
end

-- Shows each bot's tick at `ms` (the tick duration paces every loop); only a
-- bot whose tick changed is rendered, into its ImageData, allocating nothing.
local options = { size = crowd.SIZE, tick = 0 }
function crowd.update(ctx, bots, ms, tick_ms)
  local elapsed = math.floor(ms / tick_ms)
  for _, bot in ipairs(bots) do
    local tick = (elapsed + bot.phase) % bot.ticks
    if tick ~= bot.shown then
      options.tick = tick
      ctx:render_into(bot.id, bot.pixels, BYTES, options)
      bot.image:replacePixels(bot.data)
      bot.shown = tick
    end
  end
end

function crowd.draw(bots)
  love.graphics.setColor(1, 1, 1, 1)
  for _, bot in ipairs(bots) do love.graphics.draw(bot.image, bot.x, bot.y) end
  love.graphics.setColor(0.6, 0.65, 0.75, 1)
  for _, bot in ipairs(bots) do love.graphics.print(bot.id, bot.x, bot.y + crowd.SIZE + 1) end
end

-- The bot under screen point (x, y), if any.
function crowd.at(bots, x, y)
  for _, bot in ipairs(bots) do
    if x >= bot.x and x < bot.x + crowd.SIZE and y >= bot.y and y < bot.y + crowd.SIZE then return bot end
  end
end

return crowd
