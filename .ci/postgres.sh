# Sourced by .ci/run: a throwaway PostgreSQL server for the second pass of
# the database tests. Debian's postgresql package (installed when missing),
# initdb into a temp folder as the postgres user, pg_ctl on a loopback port,
# no systemd; fsync off, since the data is thrown away.

PG_PORT="${ALBUMLINK_CI_PG_PORT:-54329}"
PG_DIR=""

# Runs a command as the postgres user when we are root (initdb refuses root), else as ourselves.
as_postgres () {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

start_postgres () {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing PostgreSQL for the database tests…"
    (apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql) >/tmp/albumlink-apt-pg.log 2>&1 \
      || { echo "PostgreSQL install failed:"; tail -20 /tmp/albumlink-apt-pg.log; return 1; }
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_DIR=$(mktemp -d /tmp/albumlink-pg-XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR"; fi
  as_postgres "$bin/initdb -D $PG_DIR/data -U postgres --auth=trust --locale=C.UTF-8 -E UTF8" >"$PG_DIR/initdb.log" 2>&1 \
    || { echo "initdb failed:"; tail -20 "$PG_DIR/initdb.log"; return 1; }
  as_postgres "$bin/pg_ctl -D $PG_DIR/data -l $PG_DIR/server.log -w start -o \"-p $PG_PORT -k $PG_DIR \
    -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
    -c max_connections=300\"" >/dev/null \
    || { echo "PostgreSQL did not start:"; tail -20 "$PG_DIR/server.log"; return 1; }
  export ALBUMLINK_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | grep -oE '[0-9]+(\.[0-9]+)+' | head -1) on 127.0.0.1:$PG_PORT"
}

stop_postgres () {
  [ -n "$PG_DIR" ] || return 0
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  as_postgres "$bin/pg_ctl -D $PG_DIR/data -m immediate stop" >/dev/null 2>&1
  rm -rf "$PG_DIR"
  unset ALBUMLINK_TEST_DATABASE_URL
}
