-- One connection (wrk -t1 -c1) moving the demo board's first task back and forth between its first two columns, as
-- the board's forms do (no htmx: 302 and no body). Each 302 means the move committed and the version went up by one.
-- Environment: V (the task's version now), TOK (the session's CSRF token), COOKIE, PAUSE (ms between moves; 0: none).
local version = tonumber(os.getenv("V"))
local token = os.getenv("TOK")
local cookie = os.getenv("COOKIE")
local pause = tonumber(os.getenv("PAUSE") or "0")

request = function()
  local column = (version % 2 == 0) and 2 or 1
  return wrk.format("POST", "/boards/1/tasks/1/move",
    {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie},
    "columnId=" .. column .. "&version=" .. version .. "&_csrf=" .. token)
end

response = function(status, headers, body)
  if status == 302 then
    version = version + 1
  end
end

if pause > 0 then
  delay = function() return pause end
end

done = function(summary, latency, requests)
  io.write(string.format("moves %d, refused %d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n", summary.requests,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000))
end
