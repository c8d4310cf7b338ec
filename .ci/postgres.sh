#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster (temporary data folder, loopback
# only, a free port, trust authentication), creates a database, exports its
# URL as DOSSIER_TEST_POSTGRES and runs the store layer's and the server's
# tests against it: the conformance suite, every question compared with
# bolt's and with the quads', bulk loads, two concurrent writers
# (goroutines and processes), readers during writes, and the error cases. The cluster is stopped and its folder removed on exit.
#
#   .ci/postgres.sh                 run the PostgreSQL tests
#   .ci/postgres.sh CMD [ARGS...]   run CMD instead, with DOSSIER_TEST_POSTGRES set
#                                   (e.g. `.ci/postgres.sh bash` for a dev shell)
#
# Works as root (initdb refuses root: the cluster then runs as the
# `postgres` system user, created if missing) and as an ordinary user.
# PGBIN overrides the server binaries' folder; when it has no initdb the
# Debian package is installed (needs root and apt).
set -euo pipefail
cd "$(dirname "$0")/.."

PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$PGBIN/initdb" ]; then
  echo "postgres.sh: no initdb in $PGBIN; installing the postgresql package" >&2
  if [ "$(id -u)" != 0 ]; then echo "postgres.sh: need root to install postgresql" >&2; exit 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi

# Run as the cluster's owner: root cannot own a cluster.
RUNAS=()
if [ "$(id -u)" = 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  RUNAS=(runuser -u postgres --)
fi

DIR="$(mktemp -d "${TMPDIR:-/tmp}/dossier-pg.XXXXXX")"
chmod 755 "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
PGDATA="$DIR/data"
LOG="$DIR/server.log"

stop() {
  status=$?
  if [ -f "$PGDATA/postmaster.pid" ]; then
    (cd "$DIR" && "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1) || true
  fi
  if [ $status != 0 ] && [ -f "$LOG" ]; then
    echo "postgres.sh: server log:" >&2
    tail -n 20 "$LOG" >&2
  fi
  rm -rf "$DIR"
  exit $status
}
trap stop EXIT INT TERM

# A free loopback port: nothing answers on it.
PORT=""
for _ in $(seq 1 50); do
  p=$((20000 + RANDOM % 20000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PORT=$p; break; fi
done
[ -n "$PORT" ] || { echo "postgres.sh: no free port found" >&2; exit 1; }

# From the temporary folder: the postgres user may not be allowed into ours.
(cd "$DIR" && "${RUNAS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust \
  --encoding=UTF8 --locale=C.UTF-8 >/dev/null)
(cd "$DIR" && "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$LOG" -w -t 60 \
  -o "-h 127.0.0.1 -p $PORT -k $DIR" start >/dev/null)
"$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres dossier

export DOSSIER_TEST_POSTGRES="postgres://postgres@127.0.0.1:$PORT/dossier?sslmode=disable"
echo "postgres.sh: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') at $DOSSIER_TEST_POSTGRES"

if [ $# -gt 0 ]; then
  "$@"
else
  # Every test of the store layer and the server, PostgreSQL's included:
  # the conformance suite, the graph questions, the comparison with bolt
  # and with the quads, bulk loads, two writers, a server's cache.
  go test ./graph/... ./internal/server/... -count=1
fi
