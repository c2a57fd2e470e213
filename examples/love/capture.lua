-- --capture FILE --frames N: the test's mode. Frame N is saved as a PNG in
-- FILE (the screen as captureScreenshot reads it back), and FILE .. ".txt"
-- says what that frame shows, for check_frame.lua:
--   frame WIDTH HEIGHT SIZE R G B     (the background colour)
--   renderer NAME VERSION VENDOR DEVICE (OpenGL's: llvmpipe under Xvfb)
--   bot ID X Y TICK                   (one line per bot)
-- then the demo quits. Errors quit too, with status 1, rather than waiting on
-- LÖVE's error screen.
local capture = {}

local function write(path, data)
  local file = assert(io.open(path, "wb"))
  assert(file:write(data))
  assert(file:close())
end

function capture.install()
  function love.errorhandler(message)
    io.stderr:write(debug.traceback("pixabots love demo: " .. tostring(message), 3), "\n")
    os.exit(1)
  end
end

-- Call at the end of love.draw: the screenshot is taken once the frame is
-- complete, so the description is of what was just drawn.
function capture.take(path, crowd, bots)
  local lines = {
    ("frame %d %d %d %d %d %d"):format(crowd.WIDTH, crowd.HEIGHT, crowd.SIZE, unpack(crowd.BACKGROUND)),
    "renderer " .. table.concat({ love.graphics.getRendererInfo() }, " "),
  }
  for _, bot in ipairs(bots) do
    lines[#lines + 1] = ("bot %s %d %d %d"):format(bot.id, bot.x, bot.y, bot.shown)
  end
  love.graphics.captureScreenshot(function(image)
    write(path, image:encode("png"):getString())
    write(path .. ".txt", table.concat(lines, "\n") .. "\n")
    love.event.quit(0)
  end)
end

return capture
