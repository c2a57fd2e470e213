-- A tiny test runner in plain Lua: runs the tests each file below returns (a
-- list of { name, function }) and exits 1 if any failed. Run by ctest as
-- lua_tests; by hand, from the repository root:
--
--   PIXABOTS_LIBRARY=build/src/libpixabots.so.1 luajit bindings/lua/tests/run.lua

local here = arg[0]:match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. here .. "/../?.lua;" .. package.path

local files = { "test_module", "test_context", "test_render_into", "test_conformance" }
local passed, failed = 0, 0

for _, file in ipairs(files) do
  for _, test in ipairs(require(file)) do
    local name, fn = test[1], test[2]
    local ok, err = xpcall(fn, function(e) return debug.traceback(tostring(e), 2) end)
    if ok then
      passed = passed + 1
      print("ok   " .. file .. ": " .. name)
    else
      failed = failed + 1
      print("FAIL " .. file .. ": " .. name .. "\n" .. err)
    end
  end
end

print(("%d passed, %d failed"):format(passed, failed))
os.exit(failed == 0 and passed > 0 and 0 or 1)
