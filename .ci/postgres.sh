#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the store tests and print the URL to use:
#
#   eval "$(bash .ci/postgres.sh)"     # sets PEACEWATCH_TEST_PG_URL
#
# Installs PostgreSQL from Debian's packages when it is missing (apt-get, root or sudo), then
# runs its own cluster (initdb + pg_ctl) in $PEACEWATCH_PG_DIR, listening on 127.0.0.1 only,
# with trust auth: it is a test server, reachable from this machine only, holding test data.
# Its own cluster rather than Debian's "main" one so that nothing on the machine is changed
# and no password has to be set up. initdb refuses to run as root, so as root the server runs
# as the "postgres" user the Debian package creates.
#
# Idempotent and fast when the server is already up (a pg_isready check). Only the export
# line goes to stdout; progress goes to stderr.
set -euo pipefail

PORT="${PEACEWATCH_PG_PORT:-54329}"
DIR="${PEACEWATCH_PG_DIR:-/var/tmp/peacewatch-pg}"
DB="${PEACEWATCH_PG_DB:-peacewatch_test}"
log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  # The newest installed major version's server binaries (Debian keeps them off PATH).
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$d" && -x "$d/pg_ctl" ]]; then echo "$d"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; fi
}

BIN="$(find_bin)"
if [[ -z "$BIN" ]]; then
  log "PostgreSQL not found; installing it from Debian's packages"
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
  BIN="$(find_bin)"
  [[ -n "$BIN" ]] || { log "installation failed: no pg_ctl"; exit 1; }
fi

URL="postgresql://postgres@127.0.0.1:${PORT}/${DB}"

if [[ "$(id -u)" == 0 ]]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  if [[ ! -s "$DIR/PG_VERSION" ]]; then
    log "initdb in $DIR"
    mkdir -p "$DIR"
    if [[ "$(id -u)" == 0 ]]; then chown postgres:postgres "$DIR"; fi
    chmod 700 "$DIR"
    as_pg "$BIN/initdb" -D "$DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      >/dev/null
  fi
  log "starting the server on 127.0.0.1:$PORT"
  # fsync stays on: the crash-safety tests kill the client, not the server, but a test server
  # that does not behave like a real one would prove less.
  # A server killed with the session that started it leaves postmaster.pid behind, and one
  # killed a moment ago may still be exiting: drop a pid file whose process is gone and retry.
  for attempt in 1 2 3 4 5; do
    if [[ -f "$DIR/postmaster.pid" ]]; then
      pid="$(head -n 1 "$DIR/postmaster.pid")"
      if ! kill -0 "$pid" 2>/dev/null; then rm -f "$DIR/postmaster.pid"; fi
    fi
    if as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR" \
      start >&2; then
      break
    fi
    [[ $attempt == 5 ]] && { log "the server did not start; see $DIR/server.log"; exit 1; }
    sleep 2
  done
fi

if ! "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  log "creating database $DB"
  "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi

echo "export PEACEWATCH_TEST_PG_URL=$URL"
