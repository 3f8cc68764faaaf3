#!/usr/bin/env bash
# Runs every test: unit, real PostGIS (embedded clusters), real HTTP on loopback, GDAL, a real browser.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/ensure-deps.sh
ensure_deps test

dotnet build GeoSituation.sln -c Release -nologo -v quiet
dotnet test GeoSituation.sln -c Release --no-build -nologo --logger "console;verbosity=normal" \
  --results-directory TestResults "$@"
