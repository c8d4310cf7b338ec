#!/usr/bin/env bash
# Validates every export format with the programs that read it (networkx,
# Graphviz, rapper/rdflib, Cytoscape.js, graphology, TimelineJS,
# vis-timeline in headless Chromium), using ../shared/tools/export-check:
# for the example article's graph and for a graph of 1,000 Reuters-21578
# articles. Installs what the kit needs (apt + npm, about 90 s).
# Usage: .ci/export-check.sh DOSSIER_BINARY
set -euo pipefail
BIN="$1"
SHARED="${SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}"
KIT_SRC="$SHARED/tools/export-check"
export EXPORT_CHECK_HOME="${EXPORT_CHECK_HOME:-$HOME/.cache/export-check}"
if [ ! -d "$KIT_SRC" ]; then
  echo "export-check: $KIT_SRC not found; skipping the consumer checks" >&2
  exit 0
fi
bash "$KIT_SRC/setup.sh" >/dev/null
KIT="$EXPORT_CHECK_HOME/validate.sh"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "-- export package's own fixture through every consumer"
DOSSIER_EXPORT_CHECK="$EXPORT_CHECK_HOME" go test ./export -run ExportCheck -count=1

check_store() { # name store timeline-entity
  local name="$1" store="$2" who="$3" out="$WORK/$1"
  mkdir -p "$out"
  for f in graphml yed gexf dot cyjs graphology d3 cypher nquads jsonld; do
    "$BIN" -q --store "$store" export --format "$f" -o "$out/graph.$f"
    if { [ "$f" = dot ] || [ "$f" = cypher ]; } && [ "$name" = reuters1000 ]; then
      # Graphviz's layout and Neo4j's parser take minutes on a graph this size (Neo4j's
      # parser used 5 min of CPU without finishing on a loaded machine), and more than 15 min
      # of wall time when the machine is shared.
      STEP_TIMEOUT=1800 "$KIT" -q "$f" "$out/graph.$f"
    else
      "$KIT" -q "$f" "$out/graph.$f"
    fi
  done
  "$BIN" -q --store "$store" export --format neo4j-csv -o "$out/neo4j"
  "$KIT" -q neo4j-csv "$out"/neo4j/*.csv
  "$BIN" -q --store "$store" export --format cyjs --claims nodes -o "$out/claims.cyjs"
  "$KIT" -q cyjs "$out/claims.cyjs"
  "$BIN" --store "$store" timeline "$who" --format timelinejs > "$out/timeline.json"
  "$KIT" -q timelinejs "$out/timeline.json"
  "$BIN" --store "$store" timeline "$who" --format vis-timeline > "$out/vis.json"
  "$KIT" -q vis-timeline "$out/vis.json"
  "$BIN" --store "$store" timeline "$who" --format csv > "$out/timeline.csv"
  "$KIT" -q timeline-csv "$out/timeline.csv"
}

echo "-- the example article"
"$BIN" -q --store "$WORK/example.db" ingest examples/kaspersky-2017-10-24.txt >/dev/null
check_store example "$WORK/example.db" "Eugene Kaspersky"
echo "-- the example graph rendered by Cytoscape.js and sigma.js in headless Chromium"
SHOTS="${EXPORT_SCREENSHOTS:-${TMPDIR:-/tmp}/dossier-export-screenshots}"
"$KIT" -r "$SHOTS" cyjs "$WORK/example/graph.cyjs"
"$KIT" -r "$SHOTS" graphology "$WORK/example/graph.graphology"
echo "screenshots in $SHOTS"

REUTERS="$SHARED/data/news/reuters21578.jsonl"
if [ -f "$REUTERS" ]; then
  echo "-- 1,000 Reuters-21578 articles"
  head -n 1000 "$REUTERS" > "$WORK/reuters1000.jsonl"
  "$BIN" -q --store "$WORK/reuters.db" ingest "$WORK/reuters1000.jsonl" >/dev/null
  who=$("$BIN" --store "$WORK/reuters.db" entities --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["name"])')
  check_store reuters1000 "$WORK/reuters.db" "$who"
fi
echo "export-check: every format accepted"
