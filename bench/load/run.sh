#!/usr/bin/env bash
# Load test (not a unit test): wrk with 200 connections for 30 s against cached vector tiles, then against
# GeoJSON items, each while articles are ingested through POST /articles. Prints p50/p99 latency, errors and
# throughput per phase. Target: zero errors, p99 < 50 ms for cached tiles.
#
#   bench/load/run.sh                 # starts its own server (Release build, temporary data folder, seeds)
#   bench/load/run.sh http://host:port KEY   # against a running server (KEY: its API key, for the ingest)
#
# Environment: DURATION (default 30s), CONNECTIONS (200), THREADS (2), INGESTERS (2 parallel POST loops).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-200}
THREADS=${THREADS:-2}
INGESTERS=${INGESTERS:-2}
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
  # Writes are rate limited per client; the ingest here is one client on purpose, so lift the limit.
  (cd src/GeoSituation.Server && ASPNETCORE_URLS=$URL GEOSITUATION_DATA=$WORK/data GEOSITUATION_API_KEY=$KEY \
     GEOSITUATION_WRITE_RATE=100000 GEOSITUATION_WRITE_BURST=100000 Logging__LogLevel__Default=Warning \
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

echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per phase, $INGESTERS ingest loops"
phase "cached tiles while ingesting" "$WORK/tiles.txt" "$INGESTERS"
phase "items while ingesting" "$WORK/items.txt" "$INGESTERS"
# For comparison: the same tiles with nothing invalidating the cache.
phase "cached tiles, no ingest" "$WORK/tiles.txt" 0
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -s "$URL/metrics" | grep -E '^geosituation_(ingest_total|tile_cache_tiles|database_up)|^npgsql_db_client_connection_(count|max)' | sed 's/^/  /'
