#!/usr/bin/env bash
# Shared PostgreSQL helpers for infra/run.sh and infra/test.sh. Source it, don't run it:
#   source infra/pg.sh
#   pg_start DATA_DIR PORT [extra postgres options, e.g. -c fsync=off]
#   pg_stop DATA_DIR
# The app connects with: Host=127.0.0.1;Port=PORT;Database=servicesharing;Username=postgres
# (trust authentication, loopback only, so no password exists anywhere).
set -euo pipefail

PG_DATABASE=servicesharing

# postgres refuses to run as root, so as root every server-side command runs as the
# postgres user. cd / first: otherwise commands complain that they cannot enter a
# root-only working directory.
_as_pg() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Prints the bin directory of a PostgreSQL install (15 preferred, as in production;
# else the highest version). Installs Debian's postgresql when there is none.
pg_bin_dir() {
  local dir attempt
  for attempt in 1 2; do
    if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
      echo /usr/lib/postgresql/15/bin
      return 0
    fi
    # Unmatched, the glob stays literal and the -x test below fails.
    dir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [[ -n $dir && -x $dir/initdb ]]; then
      echo "$dir"
      return 0
    fi
    if [[ $attempt -eq 1 ]]; then
      if [[ $EUID -ne 0 ]]; then
        echo "pg.sh: PostgreSQL is not installed; install it (apt-get install postgresql) or set ConnectionStrings__Marten" >&2
        return 1
      fi
      echo "pg.sh: installing PostgreSQL..." >&2
      apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
    fi
  done
  echo "pg.sh: no initdb found under /usr/lib/postgresql" >&2
  return 1
}

# Prints a TCP port on 127.0.0.1 that nothing listens on right now.
pg_free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
    return
  fi
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 20000))
    # A refused connection means the port is free.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "pg.sh: no free port found" >&2
  return 1
}

# postgres must be able to walk down to its data directory: add o+x to every
# ancestor it cannot traverse (mktemp -d, for one, creates 0700 directories).
_pg_make_reachable() {
  local dir path=""
  IFS=/ read -ra parts <<<"${1#/}"
  for dir in "${parts[@]}"; do
    path="$path/$dir"
    [[ -d $path ]] || break
    if ! _as_pg test -x "$path"; then
      chmod o+x "$path"
    fi
  done
}

# pg_start DATA_DIR PORT [extra server options...]
# Creates the cluster if DATA_DIR has none, starts it on 127.0.0.1:PORT (or reuses
# the server already running on DATA_DIR) and creates the servicesharing database.
pg_start() {
  local data=$1 port=$2
  shift 2
  local bin sock
  bin=$(pg_bin_dir)
  data=$(realpath -m "$data")  # _as_pg runs from /, so relative paths would miss
  # Unix socket next to the data dir, so the server never needs /var/run/postgresql.
  sock="$data.sock"

  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  fi
  mkdir -p "$data" "$sock"
  if [[ $EUID -eq 0 ]]; then
    chown postgres: "$data" "$sock"
    _pg_make_reachable "$data"
  fi
  # initdb insists on 0700 (or 0750).
  chmod 700 "$data"

  if [[ ! -f $data/PG_VERSION ]]; then
    _as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi

  if _as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # Line 4 of postmaster.pid is the port the running server listens on.
    local running_port
    running_port=$(sed -n 4p "$data/postmaster.pid")
    if [[ $running_port != "$port" ]]; then
      echo "pg.sh: a server already runs on $data but on port $running_port, not $port;" \
        "stop it (source infra/pg.sh; pg_stop $data) or use that port" >&2
      return 1
    fi
    echo "pg.sh: reusing the PostgreSQL server already running on $data (port $port)" >&2
  else
    # Server log goes to a file, so callers' output stays clean.
    _as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-p $port -k '$sock' -c listen_addresses=127.0.0.1 $*" start >/dev/null || {
      echo "pg.sh: PostgreSQL did not start; tail of $data/server.log:" >&2
      tail -n 20 "$data/server.log" >&2 || true
      return 1
    }
  fi

  if [[ -z $(_as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
    "select 1 from pg_database where datname = '$PG_DATABASE'") ]]; then
    _as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$PG_DATABASE"
  fi
}

# Prints the connection string the app and the tests use for a server on PORT.
pg_connection_string() {
  echo "Host=127.0.0.1;Port=$1;Database=$PG_DATABASE;Username=postgres"
}

# pg_stop DATA_DIR: fast shutdown; does nothing when no server runs there.
pg_stop() {
  local data bin
  data=$(realpath -m "$1")  # _as_pg runs from /, so relative paths would miss
  [[ -f $data/postmaster.pid ]] || return 0
  bin=$(pg_bin_dir)
  _as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}
