-- Cycles through the request paths in the file named by the PATHS environment variable (one per line),
-- so that each URL class is measured over many distinct, realistic requests rather than one cached URL.
-- A Cookie header can be passed with the COOKIE environment variable. Prints one JSON line at the end.
local paths = {}
local counter = 0

local file = io.open(os.getenv("PATHS"), "r")
for line in file:lines() do
  if #line > 0 then
    paths[#paths + 1] = line
  end
end
file:close()

local cookie = os.getenv("COOKIE")

init = function(args)
  counter = math.random(1, #paths)
end

request = function()
  counter = counter % #paths + 1
  -- the headers given with -H (Accept-Encoding: gzip, as browsers send it), plus the cookie: a table
  -- passed to wrk.format replaces wrk.headers, so they are copied in
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  if cookie and #cookie > 0 then
    headers["Cookie"] = cookie
  end
  return wrk.format("GET", paths[counter], headers)
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "rps": %.1f, "p50_ms": %.2f, "p99_ms": %.2f, "errors": %d, "distinct": %d}\n',
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors, #paths))
end
