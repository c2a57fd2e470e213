-- Contexts with the embedded art: IDs, the catalog, renders in every format,
-- errors with the library's exact text, and lifetimes.
local pixabots = require("pixabots")
local check = require("check")

local ctx = pixabots.new()

local function alpha_values(pixels)
  local seen = {}
  for i = 4, #pixels, 4 do seen[pixels:byte(i)] = true end
  return seen
end

return {
  { "renders 2156 to a PNG that decodes to its RGBA render", function()
    local png = ctx:render("2156")
    check.eq(png:sub(1, 8), "\137PNG\r\n\26\n", "PNG signature")
    local width, height, pixels = pixabots.decode_png(png)
    check.eq(width, 128, "width")
    check.eq(height, 128, "height")
    check.eq(#pixels, 128 * 128 * 4, "pixel bytes")
    check.truthy(pixels == ctx:render("2156", { format = "rgba" }), "the PNG holds the RGBA render")
    local alphas = alpha_values(pixels)
    check.truthy(alphas[0] and alphas[255], "a transparent background around an opaque robot")
  end },

  { "every format", function()
    local starts = {
      png = "\137PNG", apng = "\137PNG", sheet_png = "\137PNG", gif = "GIF89a", webp = "RIFF",
      svg = "<svg", metadata_json = "{", frames_json = "{", sheet_json = "{",
    }
    for format, start in pairs(starts) do
      local out = ctx:render("2156", { format = format, size = 64 })
      check.eq(out:sub(1, #start), start, format)
    end
    check.eq(#ctx:render("2156", { format = "rgba", size = 32 }), 32 * 32 * 4, "rgba bytes")
    local ticks = ctx:tick_count("2156")
    local stacked = ctx:render("2156", { format = "rgba", size = 32, tick = "all" })
    check.eq(#stacked, 32 * 32 * 4 * ticks, "every tick stacked")
    check.truthy(stacked:sub(3 * 4096 + 1, 4 * 4096) == ctx:render("2156", { format = "rgba", size = 32, tick = 3 }),
      "tick 3 of the strip")
    local _, height = pixabots.decode_png(ctx:render("2156", { size = 32, tick = "all" }))
    check.eq(height, 32 * ticks, "PNG strip height")
    check.truthy(#ctx:render("2156", { format = "svg", compact_svg = true }) < #ctx:render("2156", { format = "svg" }),
      "compact_svg reaches the library")
    check.truthy(ctx:render("2156", { format = "gif", speed = 2 }) ~= ctx:render("2156", { format = "gif" }),
      "speed reaches the library")
    local bg = ctx:render("2156", { format = "rgba", size = 32, bg = "#fde68a" })
    for alpha in pairs(alpha_values(bg)) do check.eq(alpha, 255, "alpha after bg flattens") end
    check.truthy(ctx:render("2156", { format = "metadata_json", origin = "https://example.org" })
      :find("https://example.org", 1, true), "origin reaches the library")
  end },

  { "bad IDs fail with the library's exact text", function()
    check.fails("INVALID_ID", 'invalid ID "g000": eyes index 16 is out of range 0..15 (\'0\'..\'f\')',
      ctx.render, ctx, "g000")
    check.fails("INVALID_ID", 'invalid ID "215": must be exactly 4 characters of [0-9a-z], got 3',
      ctx.decode, ctx, "215")
    check.fails("INVALID_ID", 'invalid ID "2A56": character 2 is not in [0-9a-z] (upper case is not accepted)',
      ctx.tick_count, ctx, "2A56")
    -- A NUL would cut the C string short: refused, not read as "2156".
    local err = check.fails("INVALID_ID", nil, ctx.render, ctx, "2156\0")
    check.truthy(err.message:find("NUL", 1, true), "names the NUL")
    check.misuse("a pixabot ID must be a string, not number", ctx.render, ctx, 2156)
    check.eq(ctx:is_valid("zzzz"), false, "is_valid zzzz")
    check.eq(ctx:is_valid("2156"), true, "is_valid 2156")
    check.eq(ctx:is_valid(2156), false, "is_valid of a number")
  end },

  { "bad options fail with the library's exact text", function()
    check.fails("INVALID_OPTION", "size 20 is out of range: must be an integer between 32 and 1920",
      ctx.render, ctx, "2156", { size = 20 })
    -- Beyond int32 the binding refuses rather than letting the conversion wrap.
    check.fails("INVALID_OPTION", nil, ctx.render, ctx, "2156", { size = 2 ^ 32 + 128 })
    check.fails("INVALID_OPTION", nil, ctx.render, ctx, "2156", { size = 128.5 })
    check.fails("INVALID_OPTION", "saturate 9 is out of range: must be between 0 and 4",
      ctx.render, ctx, "2156", { saturate = 9 })
    check.fails("INVALID_OPTION", "speed 0.1 is out of range: must be between 0.25 and 4",
      ctx.render, ctx, "2156", { format = "gif", speed = 0.1 })
    check.fails("INVALID_OPTION", 'colour "yellow" is not valid: expected #rrggbb (6 hex digits)',
      ctx.render, ctx, "2156", { bg = "yellow" })
    check.fails("INVALID_OPTION", "tick 16 is out of range: must be -1 (still), -2 (all) or 0..15",
      ctx.render, ctx, "2156", { tick = 16 })
    check.fails("INVALID_OPTION",
      "tick 3 applies only to png and rgba: the other formats are the still image or the whole animation",
      ctx.render, ctx, "2156", { format = "gif", tick = 3 })
    check.fails("INVALID_OPTION", nil, ctx.render, ctx, "2156", { format = "bmp" })
    check.misuse('unknown option "colour"', ctx.render, ctx, "2156", { colour = "red" })
    check.misuse("size must be a number, not string", ctx.render, ctx, "2156", { size = "64" })
  end },

  { "seeded IDs match the JavaScript core", function()
    local cases = check.read(check.data("conformance/cases.json")):match('"seeded"%s*:%s*(%b{})')
    local count = 0
    for seed, expected in cases:gmatch('"([^"]*)"%s*:%s*"(%w%w%w%w)"') do
      check.eq(ctx:seeded_id(seed), expected, "seeded_id " .. seed)
      count = count + 1
    end
    check.eq(count, 8, "seeded cases")
    check.eq(ctx:seeded_id("alice"), "3409", "alice")
    check.eq(ctx:seeded_id(""), "5006", "empty")
    -- Text with NUL bytes is hashed whole (the length is passed).
    check.truthy(ctx:seeded_id("a\0b") ~= ctx:seeded_id("a"), "NUL bytes are hashed")
  end },

  { "IDs and the catalog", function()
    check.eq(ctx:combo_count(), 10752, "combo_count")
    local combo = ctx:decode("2156")
    check.eq(combo.eyes .. combo.heads .. combo.body .. combo.top, "2156", "decode")
    check.eq(ctx:encode(combo), "2156", "encode")
    check.eq(ctx:encode({ 2, 1, 5, 6 }), "2156", "encode a list")
    check.fails("INVALID_ID", "eyes index 99 is out of range 0..15 ('0'..'f')", ctx.encode, ctx, { 99, 0, 0, 0 })
    local index = ctx:combo_index("2156")
    check.eq(ctx:id_at(index), "2156", "id_at")
    check.eq(ctx:id_at(0), "0000", "id_at 0")
    local last = ctx:id_at(ctx:combo_count() - 1)
    check.eq(ctx:next_id(last), "0000", "next wraps")
    check.eq(ctx:previous_id("0000"), last, "previous wraps")
    check.fails("INVALID_ID", "combo index 10752 is out of range 0..10751", ctx.id_at, ctx, 10752)
    check.fails("INVALID_ID", nil, ctx.id_at, ctx, 2 ^ 32) -- would wrap to 0 in a uint32
    check.fails("INVALID_ID", nil, ctx.id_at, ctx, -1)
    for _ = 1, 20 do check.truthy(ctx:is_valid(ctx:random_id()), "random_id is valid") end

    local counts = {}
    for i, name in ipairs(pixabots.CATEGORIES) do counts[i] = ctx:part_count(name) end
    check.eq(table.concat(counts, ","), "16,8,7,12", "part counts")
    check.eq(ctx:part_count(0), 16, "category by number")
    check.eq(ctx:part_name("eyes", 2), "glasses", "part_name")
    check.eq(ctx:part_names("eyes")[3], "glasses", "part_names is 1-based")
    check.eq(#ctx:part_names("top"), 12, "part_names top")
    check.fails("INVALID_OPTION", "part 16 is out of range for eyes: must be 0..15", ctx.part_name, ctx, "eyes", 16)
    check.fails("INVALID_ARGUMENT", nil, ctx.part_count, ctx, "hats")
    check.fails("INVALID_ARGUMENT", nil, ctx.part_count, ctx, 4)
    check.truthy(ctx:catalog_json():find('"combinations":10752', 1, true), "catalog_json")
  end },

  { "loop lengths", function()
    -- One ID of each loop length: 8 ticks (nothing animates) and 16.
    local ids = {}
    for index = 0, 10751 do
      local id = ctx:id_at(index)
      ids[ctx:tick_count(id)] = ids[ctx:tick_count(id)] or id
      if ids[8] and ids[16] then break end
    end
    for _, ticks in ipairs({ 8, 16 }) do
      check.eq(ctx:loop_duration_ms(ids[ticks]), ticks * 72, ticks .. " ticks at speed 1")
      check.eq(ctx:loop_duration_ms(ids[ticks], 0.25), ticks * 288, ticks .. " ticks at speed 0.25")
    end
    check.fails("INVALID_ID", nil, ctx.loop_duration_ms, ctx, "zzzz")
  end },

  { "close, finalizers and borrowing", function()
    local own = pixabots.new()
    local borrowed = pixabots.borrow(own:address())
    check.truthy(borrowed:render("2156", { size = 32 }) == own:render("2156", { size = 32 }), "a borrower renders")
    borrowed:close() -- frees nothing: the owner still renders
    check.eq(#own:render("2156", { size = 32, format = "rgba" }), 4096, "the owner after a borrower closed")
    own:close()
    own:close() -- twice is fine
    check.eq(own:is_closed(), true, "is_closed")
    check.truthy(tostring(own):find("closed", 1, true), "tostring says closed")
    check.misuse("closed context", own.render, own, "2156")
    -- Contexts left to the collector are freed by their finalizers.
    for _ = 1, 50 do pixabots.new():render("2156", { size = 32 }) end
    collectgarbage()
    collectgarbage()
  end },
}
