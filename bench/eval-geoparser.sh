#!/usr/bin/env bash
# Scores the geoparser on the dev corpora (read in place from ../shared/eval, never copied) two ways:
#  1. `geosituation eval`: the metrics (all, development fifths, kept-apart fifth), worst errors of the development
#     fifths, the reliability table and ECE. On a corpus the built-in models
#     were trained on it refits them k-fold by document, so every document is parsed by models that never saw it;
#     score.py then re-scores the very predictions eval wrote, and must print the same numbers.
#  2. `geosituation analyze` with the built-in models (what the product runs), scored by score.py: in-sample
#     on these corpora, so optimistic; shown for reproducibility of the analyze path.
# Usage: bench/eval-geoparser.sh [GOLD.jsonl ...]
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL_DIR="${GEOSITUATION_EVAL_DIR:-$(cd .. && pwd)/shared/eval}"
if [ "$#" -gt 0 ]; then CORPORA=("$@"); else CORPORA=("$EVAL_DIR/lgl.jsonl" "$EVAL_DIR/geovirus.jsonl"); fi
SCORER="$EVAL_DIR/score.py"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/geosituation-eval.XXXXXX")"
CLI=src/GeoSituation.Cli/bin/Release/net10.0/geosituation.dll

dotnet build src/GeoSituation.Cli -c Release -v quiet -nologo > "$OUT/build.log"
for gold in "${CORPORA[@]}"; do
  name="$(basename "$gold" .jsonl)"
  echo "=== $name: geosituation eval (held-out when the models were trained on it)"
  dotnet "$CLI" eval "$gold" --predictions "$OUT/$name.eval.jsonl"
  echo "--- score.py on the predictions eval wrote:"
  python3 "$SCORER" "$gold" "$OUT/$name.eval.jsonl"
  echo "--- score.py on geosituation analyze (built-in models; in-sample on their training corpora):"
  python3 -c 'import json,sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        d = json.loads(line); print(json.dumps({"id": d["id"], "text": d["text"]}))' "$gold" \
    | dotnet "$CLI" analyze > "$OUT/$name.analyze.jsonl"
  python3 "$SCORER" "$gold" "$OUT/$name.analyze.jsonl"
  echo
done
echo "predictions kept in $OUT"
