-- wrk script: requests the paths listed in a file (one per line) in turn, and prints the latency
-- percentiles, errors and throughput in one line that run.sh collects.
-- Usage: wrk ... -s paths.lua URL -- paths.txt
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  counter = math.random(1, #paths)
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d rps=%.0f errors=%d (connect=%d read=%d write=%d status=%d timeout=%d)\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.requests / seconds, errors, e.connect, e.read, e.write, e.status, e.timeout))
end
