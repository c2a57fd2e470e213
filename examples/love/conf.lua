-- LÖVE 11 settings: a fixed window the size of the crowd, no scaling (so the
-- art's pixels land on screen pixels), and only the modules the demo uses.
local crowd = require("crowd")

function love.conf(t)
  t.version = "11.4"
  t.identity = "pixabots-crowd"
  t.window.title = "pixabots: a crowd (click a bot to re-roll it)"
  t.window.width = crowd.WIDTH
  t.window.height = crowd.HEIGHT
  t.window.resizable = false
  t.window.highdpi = false
  t.window.usedpiscale = false
  t.window.msaa = 0
  for _, unused in ipairs({ "audio", "sound", "joystick", "physics", "video", "touch" }) do
    t.modules[unused] = false
  end
end
