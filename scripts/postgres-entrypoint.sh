#!/bin/sh
# Entry point of the local PostgreSQL image (scripts/local-base-images.sh). On an empty data directory it creates
# the cluster with POSTGRES_USER (default postgres) and the password from POSTGRES_PASSWORD_FILE or
# POSTGRES_PASSWORD, and the database POSTGRES_DB (default: the user's name); then it runs the server.
# It runs as the postgres user and needs no capabilities; only PGDATA, /tmp and /var/run/postgresql are written.
set -eu

if [ "${1:-postgres}" != "postgres" ]; then
  exec "$@"
fi
[ "$#" -gt 0 ] && shift

if [ "$(id -u)" = "0" ]; then
  echo "docker-entrypoint.sh: run as the postgres user (user: \"70:70\"), not as root" >&2
  exit 1
fi

PGDATA=${PGDATA:-/var/lib/postgresql/data}
user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}
password=${POSTGRES_PASSWORD:-}
if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
  password=$(cat "$POSTGRES_PASSWORD_FILE")
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "$password" ]; then
    echo "docker-entrypoint.sh: set POSTGRES_PASSWORD_FILE (or POSTGRES_PASSWORD) to initialise the database" >&2
    exit 1
  fi
  pwfile=$(mktemp)
  printf '%s\n' "$password" > "$pwfile"
  initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-host=scram-sha-256 --auth-local=trust >/dev/null
  rm -f "$pwfile"
  printf "host all all all scram-sha-256\n" >> "$PGDATA/pg_hba.conf"
  if [ "$db" != "postgres" ]; then
    pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -k /tmp" -w -t 60 start >/dev/null
    psql -v ON_ERROR_STOP=1 -h /tmp -U "$user" -d postgres -q -c "CREATE DATABASE \"$db\"" >/dev/null
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  fi
  echo "docker-entrypoint.sh: initialised $PGDATA with user $user and database $db"
fi

exec postgres -D "$PGDATA" -c listen_addresses='*' -k /var/run/postgresql "$@"
