#!/usr/bin/env bash
# Run by .ci/postgres.sh (DOSSIER_TEST_POSTGRES set): two concurrent
# `dossier ingest` processes, each given half of 1,000 Reuters-21578
# articles, write into one PostgreSQL; the counts must equal those of one
# bolt ingest of all 1,000.
# Usage: .ci/postgres.sh .ci/postgres-ingest.sh DOSSIER_BINARY
set -euo pipefail
BIN="$1"
SHARED="${SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}"
REUTERS="$SHARED/data/news/reuters21578.jsonl"
[ -f "$REUTERS" ] || { echo "postgres-ingest: $REUTERS not found; skipping"; exit 0; }
: "${DOSSIER_TEST_POSTGRES:?run me through .ci/postgres.sh}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
head -n 1000 "$REUTERS" > "$WORK/all.jsonl"
head -n 500 "$WORK/all.jsonl" > "$WORK/a.jsonl"
tail -n 500 "$WORK/all.jsonl" > "$WORK/b.jsonl"
"$BIN" -q --store "$WORK/bolt.db" ingest "$WORK/all.jsonl"
"$BIN" -q --store "$DOSSIER_TEST_POSTGRES" ingest "$WORK/a.jsonl" & a=$!
"$BIN" -q --store "$DOSSIER_TEST_POSTGRES" ingest "$WORK/b.jsonl" & b=$!
wait $a; wait $b
"$BIN" --store "$WORK/bolt.db" stats --json > "$WORK/bolt.json"
"$BIN" --store "$DOSSIER_TEST_POSTGRES" stats --json > "$WORK/pg.json"
echo "bolt, one process:       $(tr -d ' \n' < "$WORK/bolt.json")"
echo "postgres, two processes: $(tr -d ' \n' < "$WORK/pg.json")"
cmp -s "$WORK/bolt.json" "$WORK/pg.json" || { echo "postgres-ingest: counts differ"; exit 1; }
echo "postgres-ingest: same counts"
