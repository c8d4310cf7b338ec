#!/usr/bin/env bash
# Run by .ci/postgres.sh (DOSSIER_TEST_POSTGRES set): two concurrent
# `dossier ingest` processes, each given half of 1,000 Reuters-21578
# articles, write into one PostgreSQL; the counts and the quads must equal
# those of one bolt ingest of all 1,000. Then one process ingests all
# 1,000 into another PostgreSQL schema, and every read command and export
# must answer exactly as bolt does.
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
# One worker: the documents reach the store in the order of the file, as
# they do below, so that which document is the first to name an entity is
# the same in both.
"$BIN" -q --store "$WORK/bolt.db" ingest --workers 1 "$WORK/all.jsonl"
"$BIN" -q --store "$DOSSIER_TEST_POSTGRES" ingest "$WORK/a.jsonl" & a=$!
"$BIN" -q --store "$DOSSIER_TEST_POSTGRES" ingest "$WORK/b.jsonl" & b=$!
wait $a; wait $b
"$BIN" --store "$WORK/bolt.db" stats --json > "$WORK/bolt.json"
"$BIN" --store "$DOSSIER_TEST_POSTGRES" stats --json > "$WORK/pg.json"
echo "bolt, one process:       $(tr -d ' \n' < "$WORK/bolt.json")"
echo "postgres, two processes: $(tr -d ' \n' < "$WORK/pg.json")"
cmp -s "$WORK/bolt.json" "$WORK/pg.json" || { echo "postgres-ingest: counts differ"; exit 1; }
# The documents' paths differ (all.jsonl, a.jsonl, b.jsonl): the rest is equal.
"$BIN" --store "$WORK/bolt.db" export --format nquads | grep -v 'ns#path> ' | sort > "$WORK/bolt.nq"
"$BIN" --store "$DOSSIER_TEST_POSTGRES" export --format nquads | grep -v 'ns#path> ' | sort > "$WORK/pg.nq"
cmp -s "$WORK/bolt.nq" "$WORK/pg.nq" || { echo "postgres-ingest: quads differ"; diff "$WORK/bolt.nq" "$WORK/pg.nq" | head; exit 1; }
echo "postgres-ingest: same counts, same $(wc -l < "$WORK/bolt.nq") quads"

# One process, in the same batches as bolt: the same answers, byte for byte.
PSQL="$(command -v psql || echo "${PGBIN:-/usr/lib/postgresql/15/bin}/psql")"
PGOPTIONS='--client-min-messages=warning' "$PSQL" -q "$DOSSIER_TEST_POSTGRES" -c 'DROP SCHEMA IF EXISTS one CASCADE' -c 'CREATE SCHEMA one'
ONE="$DOSSIER_TEST_POSTGRES&search_path=one"
"$BIN" -q --store "$ONE" ingest --workers 1 "$WORK/all.jsonl"
same() {
  "$BIN" --store "$WORK/bolt.db" "$@" > "$WORK/a.out"
  "$BIN" --store "$ONE" "$@" > "$WORK/b.out"
  cmp -s "$WORK/a.out" "$WORK/b.out" || { echo "postgres-ingest: '$*' differs from bolt"; diff "$WORK/a.out" "$WORK/b.out" | head; exit 1; }
}
same stats --json
same entities --json
same show --json "United States"
same claims --json --about "United States"
same timeline --format json "United States"
same neighbours --json "United States"
same allegations --json --about Iran
same mentions --json Reagan
same claims --json
same export --format graphml
same export --format cyjs --claims nodes
echo "postgres-ingest: one process answers every question as bolt does"
