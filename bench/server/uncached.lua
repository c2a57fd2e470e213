-- wrk script: PNG (or GIF) renders that the server's response cache cannot answer.
-- Walks every ID (16*8*7*12 = 10,752) at 32 sizes around 128 (112..143), so
-- 344,064 distinct URLs: more than a 10 s run at the target rate can ask for,
-- and the average render costs what a PNG@128 does. Each wrk thread has its
-- own Lua state; threads start far apart so they do not share URLs.
local digits = "0123456789abcdefghijklmnopqrstuvwxyz"
local counts = { 16, 8, 7, 12 }  -- eyes, heads, body, top: the ID's character order
local combos = 16 * 8 * 7 * 12
local total = combos * 32
local step = 7919  -- prime, coprime to total: visits every URL once per cycle

-- `-- animated` after the URL asks for GIFs instead (same walk).
local query = ""
function init(args)
  if args[1] == "animated" then query = "&animated=true" end
end

-- A different starting point per wrk run: a replayed walk would find the
-- previous run's renders still cached.
math.randomseed(os.time())
local base = math.random(0, total - 1)
local threads = 0
function setup(thread)
  thread:set("start", (base + threads * 86011) % total)
  threads = threads + 1
end

local n = nil
local function id_of(combo)
  local s = ""
  local rest = combo
  for i = 4, 1, -1 do
    local d = rest % counts[i]
    rest = (rest - d) / counts[i]
    s = digits:sub(d + 1, d + 1) .. s
  end
  return s
end

function request()
  if n == nil then n = start or 0 end
  n = (n + step) % total
  local combo = n % combos
  local size = 112 + (n - combo) / combos
  return wrk.format("GET", string.format("/api/pixabot/%s?size=%d%s", id_of(combo), size, query))
end
