-- PNG@128 of bot 2156 through the LuaJIT binding: the median time of one
-- ctx:render call (os.clock, the process's CPU time, microsecond steps), to
-- set beside the C library's own figure (bench/render_api_bench,
-- docs/performance.md). From the repository root:
--   PIXABOTS_LIBRARY=build/src/libpixabots.so.1 luajit bench/bindings/lua_png128.lua [iterations]
local here = arg[0]:match("^(.*)/[^/]*$") or "."
package.path = here .. "/../../bindings/lua/?.lua;" .. package.path
local pixabots = require("pixabots")

local iterations = tonumber(arg[1] or 5000)
if not iterations or iterations < 1 or iterations ~= math.floor(iterations) then
  io.stderr:write("usage: luajit lua_png128.lua [iterations >= 1]\n")
  os.exit(2)
end

local ctx = pixabots.new()
local options = { size = 128, format = "png" }
-- Warm-up: LuaJIT compiles the call path, the library's caches fill.
for _ = 1, 200 do ctx:render("2156", options) end

local times, bytes = {}, 0
for i = 1, iterations do
  local start = os.clock()
  bytes = #ctx:render("2156", options)
  times[i] = (os.clock() - start) * 1e6
end
table.sort(times)
local function at(fraction) return times[math.floor(iterations * fraction) + 1] end
print(("lua PNG@128 2156: median %.1f us, p10 %.1f us, p90 %.1f us, %d bytes, %d iterations, library %s")
  :format(at(0.5), at(0.1), at(0.9), bytes, iterations, pixabots.version()))
ctx:close()
