#!/usr/bin/env bash
# Serves the situation map on http://127.0.0.1:5080 (ASPNETCORE_URLS overrides).
# With no GEOSITUATION_DB it runs its own PostgreSQL+PostGIS under $GEOSITUATION_DATA (default .data/).
set -euo pipefail
cd "$(dirname "$0")"
source .ci/ensure-deps.sh
ensure_deps server

dotnet build src/GeoSituation.Server -c Release -nologo -v quiet
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:5080}
export GEOSITUATION_DATA=${GEOSITUATION_DATA:-$PWD/.data}
# Stop with Ctrl+C, or SIGINT/SIGTERM to the process group (kill -INT -- -PGID: `dotnet run` waits for its child).
# A shell that starts us in the background (`setsid ./run.sh &` from a script) hands down SIGINT ignored, and .NET
# keeps an ignored SIGINT ignored: env puts it back to the default so that the server handles it.
exec env --default-signal=INT dotnet run --project src/GeoSituation.Server -c Release --no-build --no-launch-profile
