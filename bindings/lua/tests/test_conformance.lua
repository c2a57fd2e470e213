-- The service's renders of the synthetic pack in tests/data/conformance,
-- through the binding, judged as tests/unit/conformance_test.cpp judges them:
-- static PNGs exactly, palette-transformed ones (hue or saturate) within 1 per
-- channel, every tick exactly.
local ffi = require("ffi")
local pixabots = require("pixabots")
local check = require("check")

local ROOT = check.data("conformance")
local ctx = pixabots.from_dir(ROOT .. "/pack")

-- The cases of one kind from cases.json. Each case is a flat JSON object of
-- strings and numbers (no nested braces), so a pattern reads it without a
-- JSON library.
local function cases(kind)
  local found = {}
  for object in check.read(ROOT .. "/cases.json"):gmatch("{[^{}]*}") do
    local case = {}
    for key, quote, text in object:gmatch('"(%w+)"%s*:%s*("?)([^",}%]]*)') do
      case[key] = quote == '"' and text or tonumber(text)
    end
    if case.kind == kind then found[#found + 1] = case end
  end
  return found
end

-- The largest channel difference between two RGBA strings of one length.
local function worst_difference(a, b)
  local pa, pb = ffi.cast("const uint8_t*", a), ffi.cast("const uint8_t*", b)
  local worst = 0
  for i = 0, #a - 1 do
    local d = math.abs(pa[i] - pb[i])
    if d > worst then worst = d end
  end
  return worst
end

local function reference(case)
  return pixabots.decode_png(check.read(ROOT .. "/" .. case.file))
end

return {
  { "every static reference", function()
    local all = cases("png")
    check.eq(#all, 102, "static cases")
    for _, case in ipairs(all) do
      local ours = ctx:render(case.id, {
        format = "rgba", size = case.size, hue = case.hue, saturate = case.saturate, bg = case.bg, speed = case.speed,
      })
      local width, height, theirs = reference(case)
      check.eq(width .. "x" .. height, case.size .. "x" .. case.size, case.file)
      check.eq(#ours, #theirs, case.file .. " bytes")
      -- A reference stored as RGB (bg set) decodes with alpha 255: ours must be opaque too.
      local tolerance = (case.hue or case.saturate) and 1 or 0
      local worst = worst_difference(ours, theirs)
      if worst > tolerance then
        error(("%s: a channel differs by %d (allowed %d)"):format(case.file, worst, tolerance))
      end
    end
  end },

  { "every tick reference", function()
    local all = cases("ticks")
    check.eq(#all, 12, "tick cases")
    for _, case in ipairs(all) do
      check.eq(ctx:tick_count(case.id), case.ticks, case.file .. " tick count")
      local ours = ctx:render(case.id, { format = "rgba", size = case.size, tick = "all" })
      local _, height, theirs = reference(case)
      check.eq(height, case.size * case.ticks, case.file .. " height")
      check.truthy(ours == theirs, case.file .. ": every tick exactly")
      local _, _, png = pixabots.decode_png(ctx:render(case.id, { size = case.size, tick = "all" }))
      check.truthy(png == ours, case.file .. ": the PNG strip holds the same pixels")
    end
  end },

  { "a pack from memory draws the same", function()
    -- The pack's files, named by its own catalog: {category}/{name}.png.
    local files = {}
    for _, category in ipairs(pixabots.CATEGORIES) do
      for _, name in ipairs(ctx:part_names(category)) do
        local path = category .. "/" .. name .. ".png"
        files[path] = check.read(ROOT .. "/pack/" .. path)
      end
    end
    local memory = pixabots.from_memory(files)
    for _, id in ipairs({ "2156", "0000", "6352" }) do
      check.truthy(memory:render(id, { format = "rgba", size = 48 }) == ctx:render(id, { format = "rgba", size = 48 }), id)
    end
    memory:close()
  end },

  { "bad packs", function()
    check.fails("IO", "pack directory " .. ROOT .. "/no-such-pack: does not exist", pixabots.from_dir, ROOT .. "/no-such-pack")
    local err = check.fails(nil, nil, pixabots.from_memory, { ["eyes/visor.png"] = "not a png" })
    check.truthy(err.status == "INVALID_PACK" or err.status == "CODEC", "a pack or codec error: " .. tostring(err))
    check.truthy(#err.message > 0, "a message")
  end },
}
