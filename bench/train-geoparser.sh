#!/usr/bin/env bash
# Retrains the geoparser's three learned models (recognizer, resolver, confidence) from gold corpora and rewrites their C# weight files.
# Usage: bench/train-geoparser.sh [GOLD.jsonl ...]   (default: the two dev corpora in ../shared/eval, read in place)
# Each step prints k-fold (by document) and cross-corpus held-out scores before fitting on everything.
# The resolver is trained after the recognizer is rebuilt, because its examples are what the recognizer accepts;
# the confidence model last, on toponyms parsed k-fold by the two.
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL_DIR="${GEOSITUATION_EVAL_DIR:-$(cd .. && pwd)/shared/eval}"
if [ "$#" -gt 0 ]; then CORPORA=("$@"); else CORPORA=("$EVAL_DIR/lgl.jsonl" "$EVAL_DIR/geovirus.jsonl"); fi
MODELS=src/GeoSituation.Core/Geoparsing
CLI=src/GeoSituation.Cli/bin/Release/net10.0/geosituation.dll

dotnet build src/GeoSituation.Cli -c Release -v quiet -nologo
dotnet "$CLI" train-recognizer "${CORPORA[@]}" --out "$MODELS/RecognizerModel.Weights.cs"
dotnet build src/GeoSituation.Cli -c Release -v quiet -nologo
dotnet "$CLI" train-resolver "${CORPORA[@]}" --out "$MODELS/ResolverModel.Weights.cs"
dotnet build src/GeoSituation.Cli -c Release -v quiet -nologo
dotnet "$CLI" train-confidence "${CORPORA[@]}" --out "$MODELS/ConfidenceModel.Weights.cs"
dotnet build src/GeoSituation.Cli -c Release -v quiet -nologo
