#!/usr/bin/env bash
# A primary and a streaming replica of PostgreSQL 15 on loopback (two
# throwaway clusters), questions to the replica while an ingest writes to
# the primary:
#   - every question asked of the replica during the ingest succeeds, and
#     the number of documents it sees never goes down;
#   - the questions are asked as a role that may only SELECT, and
#     `dossier serve` on the replica answers during the ingest and, within
#     a second of the replica replaying a write, with the new documents;
#   - a write to the replica is refused with a message that says so;
#   - once the replica has replayed the primary's last write, every
#     question and export answers on the replica exactly as on the primary.
#
#   .ci/postgres-replica.sh DOSSIER_BINARY [ARTICLES]   (default 2,000 Reuters-21578 articles)
#
# Works as root (the clusters then run as the `postgres` user) and as an
# ordinary user; PGBIN overrides the server binaries' folder.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
N="${2:-2000}"
SHARED="${SHARED:-$(cd .. && pwd)/shared}"
REUTERS="$SHARED/data/news/reuters21578.jsonl"
[ -f "$REUTERS" ] || { echo "postgres-replica: $REUTERS not found; skipping"; exit 0; }
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
[ -x "$PGBIN/initdb" ] || { echo "postgres-replica: no initdb in $PGBIN (run .ci/postgres.sh first, which installs it)" >&2; exit 1; }

RUNAS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  RUNAS=(runuser -u postgres --)
fi
DIR="$(mktemp -d "${TMPDIR:-/tmp}/dossier-replica.XXXXXX")"
chmod 755 "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
INGEST=""
SERVE=""
stop() {
  status=$?
  [ -n "$INGEST" ] && kill "$INGEST" 2>/dev/null || true
  [ -n "$SERVE" ] && kill "$SERVE" 2>/dev/null || true
  for c in replica primary; do
    if [ -f "$DIR/$c/postmaster.pid" ]; then
      (cd "$DIR" && "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$DIR/$c" -m immediate -w stop >/dev/null 2>&1) || true
    fi
    if [ $status != 0 ] && [ -f "$DIR/$c.log" ]; then echo "postgres-replica: $c log:" >&2; tail -n 15 "$DIR/$c.log" >&2; fi
  done
  rm -rf "$DIR"
  exit $status
}
trap stop EXIT INT TERM

freeport() {
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "postgres-replica: no free port" >&2; exit 1
}
P1=$(freeport)
P2=$(freeport)
[ "$P1" != "$P2" ] || P2=$(freeport)
P3=$(freeport)
while [ "$P3" = "$P1" ] || [ "$P3" = "$P2" ]; do P3=$(freeport); done
pg() { (cd "$DIR" && "${RUNAS[@]}" "$@"); }

# The primary: initdb's defaults stream WAL to replicas (wal_level replica,
# max_wal_senders 10), and --auth=trust lets them connect from loopback.
pg "$PGBIN/initdb" -D "$DIR/primary" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
pg "$PGBIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w -t 60 -o "-h 127.0.0.1 -p $P1 -k $DIR" start >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$P1" -U postgres dossier
# The replica: a base backup of the primary that follows it (-R writes
# standby.signal and primary_conninfo), answering reads (hot_standby).
pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$P1" -U postgres -D "$DIR/replica" -R -X stream -c fast
# As graph/README.md's deployment says: hot_standby_feedback keeps the
# primary from cleaning up rows a question on the replica still reads,
# which would otherwise make the replica cancel it to replay the cleanup.
pg "$PGBIN/pg_ctl" -D "$DIR/replica" -l "$DIR/replica.log" -w -t 60 -o "-h 127.0.0.1 -p $P2 -k $DIR -c hot_standby_feedback=on" start >/dev/null
PRIMARY="postgres://postgres@127.0.0.1:$P1/dossier?sslmode=disable"
REPLICA="postgres://postgres@127.0.0.1:$P2/dossier?sslmode=disable"
echo "postgres-replica: primary $PRIMARY, replica $REPLICA"

WORK="$DIR/work"
mkdir -p "$WORK"
head -n "$N" "$REUTERS" > "$WORK/corpus.jsonl"
head -n 1 "$REUTERS" > "$WORK/first.jsonl"

# The store, on the primary, before the replica is asked anything.
"$BIN" -q --store "$PRIMARY" ingest "$WORK/first.jsonl"
# As the deployment says: the analysts' role may only read.
PSQL="$PGBIN/psql"
"$PSQL" -Atq "$PRIMARY" -c 'CREATE ROLE reader LOGIN' -c 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader'
READER="postgres://reader@127.0.0.1:$P2/dossier?sslmode=disable"
if "$BIN" -q --store "postgres://reader@127.0.0.1:$P1/dossier?sslmode=disable" ingest examples/kaspersky-2017-10-24.txt > /dev/null 2>&1; then
  echo "postgres-replica: the read-only role wrote to the primary"; exit 1
fi

# caughtup waits until the replica has replayed everything the primary wrote.
caughtup() {
  local target
  target=$("$PSQL" -Atq "$PRIMARY" -c 'SELECT pg_current_wal_lsn()')
  for _ in $(seq 1 120); do
    [ "$("$PSQL" -Atq "$REPLICA" -c "SELECT pg_last_wal_replay_lsn() >= '$target'::pg_lsn")" = t ] && return
    sleep 0.5
  done
  echo "postgres-replica: the replica did not catch up with the primary in 60 s"; exit 1
}
caughtup

# serve on the replica, as the read-only role. http GETs a path of it.
"$BIN" --store "$READER" serve --addr "127.0.0.1:$P3" > "$WORK/serve.out" 2>&1 & SERVE=$!
http() {
  exec 3<>"/dev/tcp/127.0.0.1/$P3" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3
  cat <&3
  exec 3<&-
}
docsof() { grep -o '"documents": *[0-9]*' | head -n 1 | grep -o '[0-9]*$'; }
for _ in $(seq 1 100); do
  http /api/stats > "$WORK/served" 2>/dev/null && grep -q '^HTTP/1.[01] 200' "$WORK/served" && break
  kill -0 "$SERVE" 2>/dev/null || { echo "postgres-replica: serve on the replica ended:"; cat "$WORK/serve.out"; exit 1; }
  sleep 0.2
done
grep -q '^HTTP/1.[01] 200' "$WORK/served" || { echo "postgres-replica: serve on the replica does not answer:"; cat "$WORK/serve.out"; exit 1; }
start=$SECONDS
"$BIN" -q --store "$PRIMARY" ingest "$WORK/corpus.jsonl" > "$WORK/ingest.out" 2>&1 & INGEST=$!

last=0
asked=0
served=0
lastserved=0
while kill -0 "$INGEST" 2>/dev/null; do
  http /api/stats > "$WORK/served" || { echo "postgres-replica: serve on the replica did not answer during the ingest:"; cat "$WORK/serve.out"; exit 1; }
  grep -q '^HTTP/1.[01] 200' "$WORK/served" || { echo "postgres-replica: serve on the replica failed during the ingest:"; cat "$WORK/served"; exit 1; }
  docs=$(docsof < "$WORK/served")
  [ "$docs" -ge "$lastserved" ] || { echo "postgres-replica: serve's documents went from $lastserved to $docs"; exit 1; }
  lastserved=$docs
  for path in '/api/entity?name=United+States' '/api/claims?about=United+States' '/api/neighbours?name=United+States' '/api/allegations'; do
    http "$path" > "$WORK/served" || { echo "postgres-replica: serve did not answer $path"; exit 1; }
    # 404: no document names the entity so far.
    grep -q '^HTTP/1.[01] \(200\|404\)' "$WORK/served" || { echo "postgres-replica: serve failed $path during the ingest:"; head -c 2000 "$WORK/served"; exit 1; }
    served=$((served + 1))
  done
  "$BIN" --store "$READER" stats --json > "$WORK/stats.json" 2> "$WORK/err" \
    || { echo "postgres-replica: stats on the replica failed during the ingest:"; cat "$WORK/err"; exit 1; }
  docs=$(grep -o '"documents": *[0-9]*' "$WORK/stats.json" | grep -o '[0-9]*$')
  [ "$docs" -ge "$last" ] || { echo "postgres-replica: the replica's documents went from $last to $docs"; exit 1; }
  last=$docs
  for q in "entities" "show United States" "claims --about United States" "neighbours United States" "mentions Reagan" "allegations"; do
    read -r -a args <<< "$q"
    if [[ "$q" == *"United States" ]]; then args=("${args[@]:0:${#args[@]}-2}" "United States"); fi
    code=0
    "$BIN" --store "$READER" "${args[@]}" > /dev/null 2> "$WORK/err" || code=$?
    # 4: not found yet (no document names the entity so far).
    if [ $code != 0 ] && [ $code != 4 ]; then
      echo "postgres-replica: '$q' on the replica failed during the ingest (status $code):"; cat "$WORK/err"; exit 1
    fi
    asked=$((asked + 1))
  done
done
wait "$INGEST" || { echo "postgres-replica: the ingest failed:"; cat "$WORK/ingest.out"; exit 1; }
INGEST=""
cat "$WORK/ingest.out"
echo "postgres-replica: $asked questions answered by the replica and $served by serve on it during the $((SECONDS - start)) s of the ingest (documents seen: $last at the last, $lastserved by serve)"
[ "$asked" -gt 0 ] || { echo "postgres-replica: the ingest ended before the replica was asked anything"; exit 1; }

# Writes go to the primary only.
if "$BIN" -q --store "$REPLICA" ingest examples/kaspersky-2017-10-24.txt > /dev/null 2> "$WORK/err"; then
  echo "postgres-replica: the replica took a write"; exit 1
fi
grep -q "standby" "$WORK/err" || { echo "postgres-replica: a write to the replica failed without saying why:"; cat "$WORK/err"; exit 1; }

# Wait until the replica has replayed everything the primary wrote.
caughtup

# serve forgets its cached answers within a second of the store changing.
want=$("$BIN" --store "$PRIMARY" stats --json | docsof)
sleep 1.5
http /api/stats > "$WORK/served"
got=$(docsof < "$WORK/served")
[ "$got" = "$want" ] || { echo "postgres-replica: serve on the replica says $got documents after the ingest, the primary $want"; exit 1; }
echo "postgres-replica: serve on the replica answers with all $got documents"
kill "$SERVE"; wait "$SERVE" 2>/dev/null || true; SERVE=""

same() {
  local t0=$SECONDS
  "$BIN" --store "$PRIMARY" "$@" > "$WORK/a.out"
  "$BIN" --store "$READER" "$@" > "$WORK/b.out"
  echo "postgres-replica: $* ($((SECONDS - t0)) s, both)"
  cmp -s "$WORK/a.out" "$WORK/b.out" || { echo "postgres-replica: '$*' differs on the replica"; diff "$WORK/a.out" "$WORK/b.out" | head; exit 1; }
}
same stats --json
same entities --json
same show --json "United States"
same claims --json --about "United States"
same timeline --format json "United States"
same neighbours --json "United States"
same allegations --json
same mentions --json Reagan
same export --format graphml
same export --format nquads
echo "postgres-replica: the replica answers every question as the primary does"
