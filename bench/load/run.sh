#!/usr/bin/env bash
# Load test (not a unit test): wrk with 200 connections for 30 s against cached vector tiles, then against
# GeoJSON items, each while articles are ingested through POST /articles. Prints p50/p99 latency, errors and
# throughput per phase. Target: zero errors, p99 < 50 ms for cached tiles.
# Then the attacks of issue 13: normal traffic (cached tiles and small item pages) alone and beside 150 slow readers
# of 10,000-item pages (target: p99 < 100 ms, zero errors), and 1,000 never-repeated tile requests a second for 30 s
# while the server's RSS is sampled (target: growth within the tile cache budget + 150 MB).
#
#   bench/load/run.sh                 # starts its own server (Release build, temporary data folder, seeds)
#   bench/load/run.sh http://host:port KEY   # against a running server (KEY: its API key, for the ingest)
#
# Environment: DURATION (default 30s), CONNECTIONS (200), THREADS (2), INGESTERS (2 parallel POST loops),
# PHASES (default "ingest items cached normal slow distinct": which phases run, in that order), SLOW_READERS (150),
# NORMAL_CONNECTIONS (20: the normal traffic of the slow-reader phases), TILE_RATE (1000 requests/s), TILE_SECONDS (30),
# TILE_CACHE_MB (64: the budget of the server this script starts; 30 s of new keys fill 27 MB of it, 16 makes them overflow it).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-200}
THREADS=${THREADS:-2}
INGESTERS=${INGESTERS:-2}
PHASES=${PHASES:-ingest items cached normal slow distinct}
SLOW_READERS=${SLOW_READERS:-150}
NORMAL_CONNECTIONS=${NORMAL_CONNECTIONS:-20}
TILE_RATE=${TILE_RATE:-1000}
TILE_SECONDS=${TILE_SECONDS:-30}
TILE_CACHE_MB=${TILE_CACHE_MB:-64}
WORK=$(mktemp -d /tmp/geosituation-load.XXXXXX)
SERVER_PID=""

cleanup() {
  [ -n "${INGEST_PIDS:-}" ] && kill $INGEST_PIDS 2>/dev/null || true
  if [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ $# -ge 1 ]; then
  URL=${1%/}
  KEY=${2:?give the API key of the running server as the second argument}
else
  command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
  echo "Building the server (Release, into a private folder so that running tests keep their binaries)..."
  dotnet build src/GeoSituation.Server -c Release -nologo -v quiet -o "$WORK/bin" >/dev/null
  PORT=${PORT:-5099}
  URL=http://127.0.0.1:$PORT
  KEY=load-test-key-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d " \n")
  mkdir -p "$WORK/data"
  [ "$(id -u)" = 0 ] && chmod 755 "$WORK"
  # Writes are rate limited per client; the ingest here is one client on purpose, so lift the limit. wrk's
  # connections stand for many users but all come from 127.0.0.1, so the per-client concurrency limit is lifted too;
  # the slow readers come from addresses of their own, where that limit would not stop them anyway.
  (cd src/GeoSituation.Server && ASPNETCORE_URLS=$URL GEOSITUATION_DATA=$WORK/data GEOSITUATION_API_KEY=$KEY \
     GEOSITUATION_WRITE_RATE=100000 GEOSITUATION_WRITE_BURST=100000 GEOSITUATION_CLIENT_CONCURRENCY=100000 \
     GEOSITUATION_TILE_CACHE_MB=$TILE_CACHE_MB Logging__LogLevel__Default=Warning \
     exec dotnet "$WORK/bin/GeoSituation.Server.dll" > "$WORK/server.log" 2>&1) &
  SERVER_PID=$!
  echo -n "Starting the server on $URL (embedded PostGIS, seeds)"
  for _ in $(seq 1 300); do
    curl -sf "$URL/healthz" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo; cat "$WORK/server.log"; exit 1; }
    echo -n .; sleep 1
  done
  echo
fi
curl -sf "$URL/healthz" >/dev/null || { echo "$URL/healthz is not healthy"; exit 1; }

# Tiles over Gaza and its region, z5..z12, for the data layers and the basemap.
python3 - "$WORK/tiles.txt" <<'PY'
import math, sys
def tile(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y
paths = []
for z in range(5, 13):
    x0, y0 = tile(34.1, 31.7, z)
    x1, y1 = tile(34.7, 31.1, z)
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            for layer in ("places", "displacement", "events", "basemap", "places,displacement"):
                paths.append(f"/tiles/{layer}/{z}/{x}/{y}.mvt")
open(sys.argv[1], "w").write("\n".join(paths) + "\n")
PY
cat > "$WORK/items.txt" <<'EOF2'
/collections/places/items?limit=10
/collections/places/items?limit=100
/collections/places/items?bbox=34.0,31.0,35.0,32.0&limit=50
/collections/displacement/items?limit=10
/collections/mentions/items?limit=100
/collections/events/items?limit=20
/collections/places/items?datetime=2020-01-01T00:00:00Z/..&limit=10
EOF2
# Normal traffic beside the attacks: the cached tiles with a small item page after every tenth tile.
awk -v items="$WORK/items.txt" 'BEGIN { while ((getline line < items) > 0) if (line !~ /limit=100/) list[n++] = line }
  { print } NR % 10 == 0 { print list[(NR / 10) % n] }' "$WORK/tiles.txt" > "$WORK/normal.txt"

# Warm the tile cache: every listed tile once.
while read -r path; do curl -s -o /dev/null "$URL$path"; done < "$WORK/tiles.txt"
echo "$(wc -l < "$WORK/tiles.txt") tiles warmed; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

ingest() {
  local n=0 worker=$1
  while true; do
    n=$((n + 1))
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$URL/articles" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
      --data "{\"title\":\"Load $worker-$n\",\"text\":\"Load test report $worker-$n $RANDOM$RANDOM: about $((1000 + n)) people fled from Rafah to Khan Yunis on Monday, officials in Deir al-Balah said.\"}") || code=000
    echo "$code" >> "$WORK/ingest-$worker.codes"
  done
}

tile_cache() {
  curl -s "$URL/metrics" | awk '/^geosituation_tile_cache_requests_total\{route="\/tiles\/\{layer\}\/\{z\}\/\{x\}\/\{y\}"/ { if ($0 ~ /result="hit"/) h=$2; else m=$2 } END { printf "%d %d", h, m }'
}

phase() {
  local label=$1 list=$2 ingesters=$3
  rm -f "$WORK"/ingest-*.codes
  INGEST_PIDS=""
  for i in $(seq 1 "$ingesters"); do ingest "$i" & INGEST_PIDS="$INGEST_PIDS $!"; done
  read -r hits0 misses0 <<< "$(tile_cache)"
  echo -n "$label: "
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s -s bench/load/paths.lua "$URL" -- "$list" | grep '^RESULT' | sed 's/^RESULT //'
  read -r hits1 misses1 <<< "$(tile_cache)"
  if [ $((hits1 + misses1 - hits0 - misses0)) -gt 0 ]; then echo "  tile cache: $((hits1 - hits0)) hits, $((misses1 - misses0)) misses"; fi
  if [ -n "$INGEST_PIDS" ]; then
    kill $INGEST_PIDS 2>/dev/null || true
    wait $INGEST_PIDS 2>/dev/null || true
  fi
  INGEST_PIDS=""
  local codes
  # A phase without ingest has no code files: cat fails, and pipefail must not end the script there.
  codes=$({ cat "$WORK"/ingest-*.codes 2>/dev/null || true; } | sort | uniq -c | awk '{printf "%s x%s, ", $2, $1}')
  [ -n "$codes" ] && echo "  ingest during the phase (HTTP status x count): ${codes%, }"
  return 0
}

wants() { [[ " $PHASES " == *" $1 "* ]]; }

# CPU seconds the server process has used (user + system), and its RSS in MB: only for the server this script starts.
server_cpu() { [ -n "$SERVER_PID" ] && awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$SERVER_PID/stat" || echo 0; }
# CPU seconds of the embedded PostgreSQL: the postmaster, its live backends, and the backends that have ended
# (counted in the postmaster's cutime/cstime).
postgres_cpu() {
  local pid_file
  pid_file=$(find "$WORK/data" -name postmaster.pid 2>/dev/null | head -1)
  [ -n "$pid_file" ] || { echo 0; return; }
  local postmaster
  postmaster=$(head -1 "$pid_file")
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"
    for child in $(pgrep -P "$postmaster"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null; done
  } | awk -v hz="$(getconf CLK_TCK)" '{ t += $1 } END { printf "%.1f", t / hz }'
}
server_rss_mb() { [ -n "$SERVER_PID" ] && awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status" || echo 0; }

# Normal traffic for DURATION; prints wrk's line and the server CPU it cost.
normal_traffic() {
  local cpu0 cpu1 pg0 pg1
  cpu0=$(server_cpu); pg0=$(postgres_cpu)
  wrk -t"$THREADS" -c"$NORMAL_CONNECTIONS" -d"$DURATION" --timeout 5s -s bench/load/paths.lua "$URL" -- "$WORK/normal.txt" | grep '^RESULT' | sed 's/^RESULT //'
  cpu1=$(server_cpu); pg1=$(postgres_cpu)
  echo "  CPU in the phase: server $(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "%.1f s", b - a }'), PostgreSQL $(awk -v a="$pg0" -v b="$pg1" 'BEGIN { printf "%.1f s", b - a }'); RSS after: $(server_rss_mb) MB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The seeds hold too few mentions for a 10,000-item page to outgrow the socket buffers: 30 articles that name six
# places sixty times each (360 mentions apiece) fill it.
fill_mentions() {
  local places="Shelling was reported in Rafah, Khan Yunis, Deir al-Balah, Gaza City, Beit Lahia and Jabalia."
  local text="" code
  for _ in $(seq 1 60); do text="$text $places"; done
  for i in $(seq 1 30); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$URL/articles" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
      --data "{\"title\":\"Mentions $i $RANDOM$RANDOM\",\"text\":\"Situation report $i $RANDOM$RANDOM.$text\"}") || code=000
    [ "$code" = 201 ] || { echo "  ingest of a mentions article answered $code"; return 0; }
  done
  # Those ingests dropped the cached tiles of the places they name: warm them again.
  while read -r path; do curl -s -o /dev/null "$URL$path"; done < "$WORK/tiles.txt"
}

# Normal traffic (NORMAL_CONNECTIONS connections) for DURATION while SLOW_READERS clients stall on 10,000-item pages;
# /healthz is asked once a second meanwhile.
slow_phase() {
  local seconds=${DURATION%s}
  python3 bench/load/slow_readers.py "$URL" "/collections/mentions/items?limit=10000" "$SLOW_READERS" $((seconds + 15)) > "$WORK/slow.txt" &
  local readers=$!
  echo "  server RSS before the slow readers: $(server_rss_mb) MB"
  local cpu0 pg0
  cpu0=$(server_cpu); pg0=$(postgres_cpu)
  sleep 10
  echo "  the slow readers alone, first 10 s: CPU server $(awk -v a="$cpu0" -v b="$(server_cpu)" 'BEGIN { printf "%.1f s", b - a }'), PostgreSQL $(awk -v a="$pg0" -v b="$(postgres_cpu)" 'BEGIN { printf "%.1f s", b - a }'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  local health_log=$WORK/health.codes
  : > "$health_log"
  (for _ in $(seq 1 "$seconds"); do curl -s -o /dev/null -m 5 -w '%{http_code}\n' "$URL/healthz" >> "$health_log" || true; sleep 1; done) &
  local health=$!
  (sleep $((seconds / 2)); curl -s "$URL/metrics" | grep -E '^npgsql_db_client_connection_(count|max)|^dotnet_(threadpool_queue_length|gc_heap_bytes)' > "$WORK/pool.txt") &
  echo -n "  normal traffic beside $SLOW_READERS slow readers: "
  normal_traffic
  wait "$health" "$readers" 2>/dev/null || true
  echo "  $(cat "$WORK/slow.txt")"
  echo "  /healthz once a second meanwhile (status x count): $(sort "$health_log" | uniq -c | awk '{printf "%s x%s ", $2, $1}')"
  echo "  half-way (/metrics): $(awk '{printf "%s ", $0}' "$WORK/pool.txt")"
}

# TILE_RATE never-repeated tile requests a second for TILE_SECONDS; the server's RSS sampled every half second.
distinct_phase() {
  [ -n "$SERVER_PID" ] || { echo "  (the distinct-key phase samples the server's RSS: only with the server this script starts)"; return 0; }
  local rss=$WORK/rss.txt connections=100
  : > "$rss"
  (while kill -0 "$SERVER_PID" 2>/dev/null; do awk '/^VmRSS/ { print $2 }' "/proc/$SERVER_PID/status" >> "$rss"; sleep 0.5; done) &
  local sampler=$!
  sleep 2
  local before
  before=$(tail -1 "$rss")
  echo -n "  $TILE_RATE distinct-key tiles/s for ${TILE_SECONDS}s (tile cache budget $TILE_CACHE_MB MB): "
  wrk -t"$THREADS" -c"$connections" -d"${TILE_SECONDS}s" --timeout 5s -s bench/load/distinct_tiles.lua "$URL" -- "$TILE_RATE" "$THREADS" | grep '^RESULT' | sed 's/^RESULT //'
  sleep 2
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  local peak
  peak=$(sort -n "$rss" | tail -1)
  echo "  server RSS: $((before / 1024)) MB before, peak $((peak / 1024)) MB, growth $(((peak - before) / 1024)) MB (bar: $((TILE_CACHE_MB + 150)) MB)"
  echo "  $(curl -s "$URL/metrics" | grep -E '^geosituation_tile_cache_(bytes|tiles|entries)' | tr '\n' ' ')"
}

echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per phase, $INGESTERS ingest loops"
wants ingest && phase "cached tiles while ingesting" "$WORK/tiles.txt" "$INGESTERS"
wants items && phase "items while ingesting" "$WORK/items.txt" "$INGESTERS"
# For comparison: the same tiles with nothing invalidating the cache.
wants cached && phase "cached tiles, no ingest" "$WORK/tiles.txt" 0
# Both slow-reader phases run on the same data: the mentions articles first (places' and mentions' pages grow with them).
if wants normal || wants slow; then fill_mentions; fi
if wants normal; then
  echo -n "normal traffic ($NORMAL_CONNECTIONS connections, cached tiles and small item pages), alone: "
  normal_traffic
fi
if wants slow; then
  echo "normal traffic beside slow readers: $(curl -s -o /dev/null -w '%{size_download}' "$URL/collections/mentions/items?limit=10000") bytes in a 10,000-mention page"
  slow_phase
fi
if wants distinct; then echo "distinct-key tiles:"; distinct_phase; fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -s "$URL/metrics" | grep -E '^geosituation_(ingest_total|tile_cache_tiles|database_up)|^npgsql_db_client_connection_(count|max)' | sed 's/^/  /'
