-- wrk script: vector tiles that are never asked for twice (issue 13, point 3): every request a new z/x/y at zoom 14
-- and a datetime interval of its own, spelt in one of several ways (date only, UTC, offsets, fractions), so that
-- neither the cache key nor its normalisation can fold two requests into one entry. Paced to RATE requests per
-- second over all threads: each thread hands out send times on a fixed schedule (delay() before every request), so
-- the rate holds whatever the latency, as long as there are connections enough to wait on slow answers.
-- Usage: wrk -t T -c C ... -s distinct_tiles.lua URL -- RATE T
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } geosituation_timespec;
int clock_gettime(int clock, geosituation_timespec *time);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("geosituation_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end
local layers = { "places", "displacement", "events", "places,displacement" }
local spellings = {
  function(d, s) return string.format("2024-01-%02dT00:%02d:%02dZ/..", d, math.floor(s / 60) % 60, s % 60) end,
  function(d, s) return string.format("2024-01-%02dT00:%02d:%02d.%03dZ/2025-01-01", d, math.floor(s / 60) % 60, s % 60, s % 1000) end,
  function(d, s) return string.format("../2025-02-%02dT%02d:%02d:%02d%%2B02:00", d, math.floor(s / 3600) % 24, math.floor(s / 60) % 60, s % 60) end,
  function(d, s) return string.format("2023-%02d-%02d/2024-03-%02dT01:%02d:%02d-05:30", s % 12 + 1, d, d, math.floor(s / 60) % 60, s % 60) end,
}
local counter = 0
local interval_ms = 1
local next_at = nil
local threads = 0

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

function init(args)
  local rate = tonumber(args[1]) or 1000
  local thread_count = tonumber(args[2]) or 1
  interval_ms = thread_count * 1000 / rate
  -- thread_index is set per thread by setup(); each thread counts in its own range.
  counter = thread_index * 100000000
end

function delay()
  local now = now_ms()
  -- Behind schedule by more than a second (a stall): start again from now rather than burst to catch up.
  if next_at == nil or next_at < now - 1000 then next_at = now end
  local wait = next_at - now
  next_at = next_at + interval_ms
  return wait > 0 and wait or 0
end

function request()
  counter = counter + 1
  local n = counter
  local z = 14
  local x = n % 16384
  local y = math.floor(n / 16384) % 16384
  local layer = layers[n % #layers + 1]
  local spelling = spellings[n % #spellings + 1]
  local datetime = spelling(n % 28 + 1, n)
  return wrk.format("GET", string.format("/tiles/%s/%d/%d/%d.mvt?datetime=%s", layer, z, x, y, datetime))
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT p50_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d rps=%.0f errors=%d (connect=%d read=%d write=%d status=%d timeout=%d)\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.requests / seconds, errors, e.connect, e.read, e.write, e.status, e.timeout))
end
