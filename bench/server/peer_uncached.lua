-- wrk script: animated GIF renders that no response cache can answer, for peer.sh's
-- "GIF@128 uncached" case. The same walk as uncached.lua (every ID at 32 sizes around 128,
-- 112..143, 344,064 distinct URLs, visited in a prime stride; each wrk thread starts far
-- from the others) with animated=true added.
local digits = "0123456789abcdefghijklmnopqrstuvwxyz"
local counts = { 16, 8, 7, 12 }  -- eyes, heads, body, top: the ID's character order
local combos = 16 * 8 * 7 * 12
local total = combos * 32
local stride = 7919  -- prime, coprime to total

local started = 0
function setup(thread)
  thread:set("first", started * 86011)
  started = started + 1
end

local at = nil
local function id_for(index)
  local chars = {}
  local rest = index
  for i = 4, 1, -1 do
    local d = rest % counts[i]
    rest = (rest - d) / counts[i]
    chars[i] = digits:sub(d + 1, d + 1)
  end
  return table.concat(chars)
end

function request()
  if at == nil then at = first or 0 end
  at = (at + stride) % total
  local index = at % combos
  local size = 112 + (at - index) / combos
  return wrk.format("GET", string.format("/api/pixabot/%s?size=%d&animated=true", id_for(index), size))
end
