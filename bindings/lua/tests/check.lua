-- Assertions for the tests, each naming what it expected and what it got.
local pixabots = require("pixabots")

local check = {}

function check.eq(actual, expected, what)
  if actual ~= expected then
    error(("%s: expected %s, got %s"):format(what or "value", tostring(expected), tostring(actual)), 2)
  end
end

function check.truthy(value, what)
  if not value then error((what or "condition") .. " is false", 2) end
end

-- Calls fn and returns the pixabots error it raised, checking its status and
-- its message verbatim (either may be nil: not checked).
function check.fails(status, message, fn, ...)
  local ok, err = pcall(fn, ...)
  if ok then error("expected a " .. tostring(status) .. " error, but the call succeeded", 2) end
  if not pixabots.is_error(err) then error("expected a pixabots error, got: " .. tostring(err), 2) end
  if status ~= nil and err.status ~= status then error(("expected status %s, got %s"):format(status, tostring(err)), 2) end
  if message ~= nil and err.message ~= message then
    error(("expected message %q, got %q"):format(message, err.message), 2)
  end
  return err
end

-- Calls fn and returns the plain string error it raised (misuse of the binding).
function check.misuse(pattern, fn, ...)
  local ok, err = pcall(fn, ...)
  if ok then error("expected an error matching " .. pattern .. ", but the call succeeded", 2) end
  if type(err) ~= "string" or not err:find(pattern) then
    error(("expected an error matching %q, got %s"):format(pattern, tostring(err)), 2)
  end
end

function check.read(path)
  local file = assert(io.open(path, "rb"))
  local data = file:read("*a")
  file:close()
  return data
end

-- The tests' data directory (tests/data), from PIXABOTS_TEST_DATA or this file's place.
function check.data(path)
  local root = os.getenv("PIXABOTS_TEST_DATA")
  if not root or root == "" then
    root = (debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/../../../tests/data"
  end
  return root .. "/" .. path
end

return check
