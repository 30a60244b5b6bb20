#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages (if missing) and runs a throwaway server on loopback for the tests.
# Usage: postgres.sh start | stop. `start` writes .ci/postgres.env with BANLI_PG_URL.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data=/tmp/banli-ci-pgdata
port="${BANLI_PG_PORT:-55433}"

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

case "${1:-start}" in
  start)
    if [ -z "$(pgbin)" ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    bin="$(pgbin)"
    [ -n "$bin" ] || { echo "postgresql not installed" >&2; exit 1; }
    if [ -f "$data/postmaster.pid" ]; then su postgres -c "$bin/pg_ctl -D $data -m immediate stop" >/dev/null 2>&1 || true; fi
    rm -rf "$data" && mkdir -p "$data" && chown postgres "$data"
    su postgres -c "$bin/initdb -D $data -A trust -U postgres" >/dev/null
    su postgres -c "$bin/pg_ctl -D $data -w -l $data.log -o '-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=on -c max_connections=200' start" >/dev/null
    su postgres -c "$bin/psql -h 127.0.0.1 -p $port -U postgres -qc 'create database banli_test'" >/dev/null
    echo "export BANLI_PG_URL=postgres://postgres@127.0.0.1:$port/banli_test" > "$here/postgres.env"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
    ;;
  stop)
    bin="$(pgbin)"
    [ -n "$bin" ] && su postgres -c "$bin/pg_ctl -D $data -m fast stop" >/dev/null 2>&1 || true
    rm -f "$here/postgres.env"
    ;;
esac
