#!/usr/bin/env bash
# Export time and peak memory against graph size: ingests the first N
# Reuters-21578 articles (N = 250, 500, 1000, 2000) into fresh bolt stores
# and exports each in several formats, printing wall time and peak RSS
# (GNU time). Memory should grow far slower than the graph.
# Usage: bench/export.sh [REUTERS_JSONL]
set -euo pipefail
cd "$(dirname "$0")/.."
REUTERS="${1:-../shared/data/news/reuters21578.jsonl}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
go build -o "$WORK/dossier" ./cmd/dossier
command -v /usr/bin/time >/dev/null || { apt-get install -y -q time >/dev/null; }
printf '%-6s %-9s %-11s %-10s %-9s %s\n' docs quads format seconds peakMB outputMB
for n in 250 500 1000 2000; do
  head -n "$n" "$REUTERS" > "$WORK/in.jsonl"
  "$WORK/dossier" -q --store "$WORK/$n.db" ingest "$WORK/in.jsonl" >/dev/null
  quads=$("$WORK/dossier" --store "$WORK/$n.db" stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["quads"])')
  for f in graphml gexf cyjs nquads; do
    /usr/bin/time -f '%e %M' -o "$WORK/t" "$WORK/dossier" -q --store "$WORK/$n.db" export --format "$f" -o "$WORK/out.$f"
    read -r secs kb < "$WORK/t"
    printf '%-6s %-9s %-11s %-10s %-9s %s\n' "$n" "$quads" "$f" "$secs" "$((kb / 1024))" "$(( $(stat -c %s "$WORK/out.$f") / 1048576 ))"
  done
done
