#!/usr/bin/env bash
# Issue 18's figures with public tools: the first N Reuters-21578 articles
# ingested into a new bolt store and into PostgreSQL (a throwaway cluster,
# .ci/postgres.sh), the ingests' wall times side by side, the two graphs'
# quads compared, then each question asked of both stores RUNS times in
# turn (PostgreSQL, bolt, PostgreSQL, ...), printing the median wall time
# of each as a process (GNU time) and their ratio.
#
#   bench/pgteam.sh [N [RUNS]]      (default 5000 articles, 7 runs)
#
# Run it on a quiet machine, or read only the ratios.
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."
if [ -z "${DOSSIER_TEST_POSTGRES:-}" ]; then exec bash .ci/postgres.sh bash "$SELF" "$@"; fi
N="${1:-5000}"
RUNS="${2:-7}"
REUTERS="${REUTERS:-../shared/data/news/reuters21578.jsonl}"
PG="$DOSSIER_TEST_POSTGRES"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
go build -o "$WORK/dossier" ./cmd/dossier
D="$WORK/dossier"
head -n "$N" "$REUTERS" > "$WORK/in.jsonl"

# secs CMD...: the wall seconds of CMD as a process, its output dropped.
secs() {
  /usr/bin/time -f %e -o "$WORK/t" "$@" > /dev/null || { echo "pgteam: $* failed" >&2; exit 1; }
  cat "$WORK/t"
}
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

tp=$(secs "$D" -q --store "$PG" ingest "$WORK/in.jsonl")
tb=$(secs "$D" -q --store "$WORK/b.db" ingest "$WORK/in.jsonl")
echo "ingest of $N articles: PostgreSQL $tp s, bolt $tb s, PostgreSQL/bolt $(awk "BEGIN {printf \"%.2f\", $tp / $tb}")"
"$D" --store "$PG" export --format nquads | LC_ALL=C sort > "$WORK/pg.nq"
"$D" --store "$WORK/b.db" export --format nquads | LC_ALL=C sort > "$WORK/b.nq"
if cmp -s "$WORK/pg.nq" "$WORK/b.nq"; then echo "the same $(wc -l < "$WORK/pg.nq") quads"; else echo "pgteam: the quads differ" >&2; exit 1; fi

printf '\n| question | PostgreSQL (s) | bolt (s) | ratio |\n|---|---|---|---|\n'
while IFS='|' read -r -a q; do
  : > "$WORK/p"
  : > "$WORK/b"
  for _ in $(seq "$RUNS"); do
    secs "$D" --store "$PG" "${q[@]}" >> "$WORK/p"
    secs "$D" --store "$WORK/b.db" "${q[@]}" >> "$WORK/b"
  done
  p=$(median < "$WORK/p")
  b=$(median < "$WORK/b")
  printf '| %s | %s | %s | %s |\n' "${q[*]}" "$p" "$b" "$(awk "BEGIN {printf \"%.1f\", $p / ($b > 0 ? $b : 0.01)}")"
done <<'Q'
show|United States
claims|--about|United States
timeline|United States
neighbours|United States
allegations|--about|Iran
entities
stats
mentions|Reagan
Q
