#!/usr/bin/env bash
# Serving benchmarks (issue 5): builds in Release, starts the server on its own embedded PostGIS, loads the
# generated data set, then measures and prints each ratio against its bar:
#   tile sizes z0-z5 <= 500 KB | cached tile throughput vs nginx >= 0.8x | uncached tile latency vs bare
#   ST_AsMVT <= 1.2x | GeoJSON items rate vs PostgreSQL JSON >= 0.8x | ingest >= 500 articles/s.
# Sizes: MENTIONS (1000000), ARTICLES (10000), SEED (42), INGEST_ARTICLES (2000); wrk: CONNECTIONS (32),
# DURATION (20 s). BENCH_DIR (/tmp/geosituation-bench) keeps the database between runs (delete it to start over).
# Results are appended to $BENCH_DIR/results.txt with the load average beside each number.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MENTIONS=${MENTIONS:-1000000}
ARTICLES=${ARTICLES:-10000}
SEED=${SEED:-42}
INGEST_ARTICLES=${INGEST_ARTICLES:-2000}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20}
BENCH_DIR=${BENCH_DIR:-/tmp/geosituation-bench}
PORT_CACHED=${PORT_CACHED:-5191}
PORT_UNCACHED=${PORT_UNCACHED:-5192}
PORT_NGINX=${PORT_NGINX:-5193}
KEY=bench-key-$SEED-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d " \n")
mkdir -p "$BENCH_DIR"
chmod 755 "$BENCH_DIR"
RESULTS=$BENCH_DIR/results.txt
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
say() { echo "$*" | tee -a "$RESULTS"; }
ratio_line() { # name value bar op(ge|le) unit
  local verdict
  verdict=$(awk -v v="$2" -v b="$3" -v op="$4" 'BEGIN { ok = (op == "ge") ? v >= b : v <= b; print ok ? "MEETS" : "MISSES" }')
  say "$(printf '%-34s %10s   bar %s %-6s %-6s (load %s)' "$1" "$2" "$([ "$4" = ge ] && echo '>=' || echo '<=')" "$3$5" "$verdict" "$(load)")"
}

echo "== build (Release)"
for p in src/GeoSituation.Server src/GeoSituation.Cli bench/tiles-features/GeoSituation.ServingBench; do
  dotnet build -c Release -nologo -v q "$p" >/dev/null
done
SERVER=$ROOT/src/GeoSituation.Server/bin/Release/net10.0/GeoSituation.Server.dll
CLI=$ROOT/src/GeoSituation.Cli/bin/Release/net10.0/geosituation.dll
TOOL=$ROOT/bench/tiles-features/GeoSituation.ServingBench/bin/Release/net10.0/GeoSituation.ServingBench.dll

start_server() { # port, extra env...
  local port=$1; shift
  env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning GEOSITUATION_API_KEY=$KEY "$@" \
    dotnet "$SERVER" --urls "http://127.0.0.1:$port" >"$BENCH_DIR/server-$port.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "server on $port did not become healthy; see $BENCH_DIR/server-$port.log" >&2
  exit 1
}

say ""
say "== GeoSituation serving benchmarks $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version)"
say "   data: $MENTIONS mentions, $ARTICLES articles (seed $SEED); wrk $CONNECTIONS connections, ${DURATION}s"

echo "== server (embedded PostGIS in $BENCH_DIR/data)"
start_server "$PORT_CACHED" GEOSITUATION_DATA="$BENCH_DIR/data"
CONN=$(dotnet "$TOOL" connection-string --data "$BENCH_DIR/data")

echo "== generate"
dotnet "$TOOL" generate --data "$BENCH_DIR/data" --mentions "$MENTIONS" --articles "$ARTICLES" --seed "$SEED" | tee -a "$RESULTS"

echo "== tile size budget z0-z5"
SIZES=$(dotnet "$TOOL" tile-sizes --data "$BENCH_DIR/data" --max-zoom 5 | tee >(cat >&2) | grep '^RESULT')
LARGEST=$(sed -E 's/.*largest_kb=([0-9.]+).*/\1/' <<<"$SIZES")
OVER=$(sed -E 's/.*over_budget=([0-9]+).*/\1/' <<<"$SIZES")

echo "== uncached tile latency (second server, GEOSITUATION_TILE_CACHE_MB=0, same database)"
start_server "$PORT_UNCACHED" GEOSITUATION_DB="$CONN" GEOSITUATION_DATA="$BENCH_DIR/data-uncached" GEOSITUATION_TILE_CACHE_MB=0 GEOSITUATION_SEEDS=none
LAT=$(dotnet "$TOOL" tile-latency --data "$BENCH_DIR/data" --server "http://127.0.0.1:$PORT_UNCACHED" --iterations "${LATENCY_ITERATIONS:-30}" | tee >(cat >&2) | grep '^RESULT')
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'
LAT_RATIO=$(sed -E 's/.*ratio=([0-9.]+).*/\1/' <<<"$LAT")
LAT_GEOMEAN=$(sed -E 's/.*geomean=([0-9.]+).*/\1/' <<<"$LAT")

echo "== GeoJSON items rate"
ITEMS=$(dotnet "$TOOL" items-rate --data "$BENCH_DIR/data" --server "http://127.0.0.1:$PORT_CACHED" --pages "${ITEM_PAGES:-10}" --limit 10000 | tee >(cat >&2) | grep '^RESULT')
ITEMS_RATIO=$(sed -E 's/.*ratio=([0-9.]+).*/\1/' <<<"$ITEMS")

echo "== cached tile throughput vs nginx"
NGX=$BENCH_DIR/nginx
rm -rf "$NGX"; mkdir -p "$NGX/www" "$NGX/tmp"
dotnet "$TOOL" export-tiles --server "http://127.0.0.1:$PORT_CACHED" --out "$NGX/www" --paths "$NGX/paths.txt" | tee -a "$RESULTS"
sed -e "s#__PREFIX__#$NGX#g" -e "s#__PORT__#$PORT_NGINX#g" bench/tiles-features/nginx.conf.template >"$NGX/nginx.conf"
chown -R nobody:nogroup "$NGX" 2>/dev/null || true
if [ "$(id -u)" = 0 ]; then
  runuser -u nobody -- nginx -p "$NGX" -c "$NGX/nginx.conf" -g 'daemon off;' &
else
  nginx -p "$NGX" -c "$NGX/nginx.conf" -g 'daemon off;' &
fi
PIDS+=($!)
sleep 1
FIRST=$(head -1 "$NGX/paths.txt")
cmp <(curl -fs "http://127.0.0.1:$PORT_NGINX$FIRST") <(curl -fs "http://127.0.0.1:$PORT_CACHED$FIRST") || { echo "nginx and the server serve different bytes for $FIRST" >&2; exit 1; }
rps() { WRK_PATHS="$NGX/paths.txt" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/tiles-features/paths.lua "$1" | tee >(cat >&2) | awk '/Requests\/sec/ {print $2}'; }
# Untimed warm-up of both (10 s each): the server's first seconds under load are JIT tiering, not its throughput.
for port in "$PORT_NGINX" "$PORT_CACHED"; do
  WRK_PATHS="$NGX/paths.txt" wrk -t2 -c"$CONNECTIONS" -d10s -s bench/tiles-features/paths.lua "http://127.0.0.1:$port" >/dev/null
done
BEST_NGINX=0; BEST_SERVER=0
for round in 1 2; do
  N=$(rps "http://127.0.0.1:$PORT_NGINX"); S=$(rps "http://127.0.0.1:$PORT_CACHED")
  say "   round $round: nginx $N req/s, server $S req/s (load $(load))"
  BEST_NGINX=$(awk -v a="$BEST_NGINX" -v b="$N" 'BEGIN { print (b > a) ? b : a }')
  BEST_SERVER=$(awk -v a="$BEST_SERVER" -v b="$S" 'BEGIN { print (b > a) ? b : a }')
done
TILE_RATIO=$(awk -v s="$BEST_SERVER" -v n="$BEST_NGINX" 'BEGIN { printf "%.3f", s / n }')
# As browsers ask (Brotli accepted): the cache's compressed copies, no reference (nginx would need gzip_static files).
BROWSER=$(WRK_PATHS="$NGX/paths.txt" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H 'Accept-Encoding: gzip, deflate, br' -s bench/tiles-features/paths.lua "http://127.0.0.1:$PORT_CACHED" | awk '/Requests\/sec/ {print $2}')

echo "== ingest ($INGEST_ARTICLES articles, geosituation ingest)"
ARTICLE_FILE=$BENCH_DIR/articles.jsonl
TAG=$(date +%s)
dotnet "$TOOL" make-articles --out "$ARTICLE_FILE" --count "$INGEST_ARTICLES" --seed "$SEED" --tag "$TAG" >/dev/null
T0=$(date +%s.%N)
dotnet "$CLI" ingest "$ARTICLE_FILE" --db "$CONN" | tail -3 | tee -a "$RESULTS" >"$BENCH_DIR/ingest.out"
T1=$(date +%s.%N)
# The verb's own rate (from the first article to the last stored; gazetteer load and start-up excluded), and wall time.
INGEST_RATE=$(grep -ao '([0-9]* articles/s)' "$BENCH_DIR/ingest.out" | tr -dc '0-9')
INGEST_WALL=$(awk -v n="$INGEST_ARTICLES" -v a="$T0" -v b="$T1" 'BEGIN { printf "%.0f", n / (b - a) }')
# Where the time goes: the same articles through `analyze` (no database), minus the start-up of a one-article run.
head -1 "$ARTICLE_FILE" >"$BENCH_DIR/one.jsonl"
T0=$(date +%s.%N); dotnet "$CLI" analyze <"$BENCH_DIR/one.jsonl" >/dev/null; T1=$(date +%s.%N)
T2=$(date +%s.%N); dotnet "$CLI" analyze <"$ARTICLE_FILE" >/dev/null; T3=$(date +%s.%N)
ANALYZE_RATE=$(awk -v n="$INGEST_ARTICLES" -v a="$T0" -v b="$T1" -v c="$T2" -v d="$T3" 'BEGIN { t = (d - c) - (b - a); if (t > 0) printf "%.0f", (n - 1) / t; else print "n/a (too few articles to tell)" }')

say "-- results (bar, verdict, load average at the time of printing)"
ratio_line "tile size z0-z5, largest KB" "$LARGEST" 500 le " KB"
say "   tiles over budget: $OVER"
ratio_line "cached tiles, server/nginx" "$TILE_RATIO" 0.8 ge x
say "   ($BEST_SERVER vs $BEST_NGINX req/s, best of 2; as browsers ask, Accept-Encoding br: $BROWSER req/s)"
ratio_line "uncached tile, server/bare SQL" "$LAT_RATIO" 1.2 le x
ratio_line "  same, geometric mean per tile" "$LAT_GEOMEAN" 1.2 le x
say "   ($LAT)"
ratio_line "items, server/PostgreSQL JSON" "$ITEMS_RATIO" 0.8 ge x
say "   ($ITEMS)"
ratio_line "ingest articles/s (ingest verb)" "$INGEST_RATE" 500 ge /s
say "   (wall time incl. start-up and gazetteer load: $INGEST_WALL articles/s; analysis alone, no database: $ANALYZE_RATE articles/s)"
