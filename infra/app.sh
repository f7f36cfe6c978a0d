#!/usr/bin/env bash
# Shared app helpers for the infra scripts (run, cluster, bench, test, admin, publish): one copy of how the app is built,
# published, given its database and admin key, and asked for the first join link. Source it after infra/pg.sh, from
# the repository's root, don't run it:
#   source infra/pg.sh; source infra/app.sh
#   app_install_missing CALLER COMMAND=PACKAGES...    Debian's packages of the commands that are missing, one apt-get run
#   app_build CALLER CONFIGURATION [options...]       builds the solution (installs npm first when missing)
#   app_publish CONFIGURATION DIR [options...]        publishes the built app afresh into DIR (a Debug build: the
#                                                     Release publish every script runs is infra/publish.sh)
#   app_local_database CALLER DATA_DIR                the local PostgreSQL unless ConnectionStrings__Marten is set
#   app_admin_key DATA_DIR                            ServiceSharing__AdminKey, or the one kept in DATA_DIR/admin-key
#   app_wait_healthy BASE_URL PID LOG_FILE TIMEOUT_SECONDS CALLER
#   app_join_link BASE_URL                            a fresh facilitator invite's join link, or why there is none

# app_install_missing CALLER COMMAND=PACKAGES...
# e.g. app_install_missing cluster.sh "npm=nodejs npm" redis-server=redis-server haproxy=haproxy
# A command counts as present when it is on PATH or in /usr/sbin (where Debian puts haproxy).
app_install_missing() {
  local caller=$1 pair command packages
  shift
  local missing=()
  for pair in "$@"; do
    command=${pair%%=*}
    if ! command -v "$command" >/dev/null 2>&1 && [[ ! -x /usr/sbin/$command ]]; then
      read -r -a packages <<<"${pair#*=}"
      missing+=("${packages[@]}")
    fi
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "$caller: installing ${missing[*]}..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

# app_build CALLER CONFIGURATION [dotnet build options...]
app_build() {
  local caller=$1 configuration=$2
  shift 2
  # The Web project's build installs the page's SignalR client with npm.
  app_install_missing "$caller" "npm=nodejs npm"
  dotnet build ServiceSharing.EventSourced.sln -c "$configuration" "$@"
}

# app_publish CONFIGURATION DIR [dotnet publish options...]
# Run the publish output, not bin/: outside Development, ASP.NET Core serves static assets (MapStaticAssets) only
# from published output; from bin/ they come back empty.
app_publish() {
  local configuration=$1 publish=$2
  shift 2
  rm -rf "$publish"
  dotnet publish src/ServiceSharing.Web -c "$configuration" --no-build -o "$publish" "$@"
}

# app_local_database CALLER DATA_DIR
# Unless ConnectionStrings__Marten names a database: starts (or reuses) the persistent local PostgreSQL in
# DATA_DIR/pg on SERVICESHARING_PG_PORT (default 5433) and exports ConnectionStrings__Marten for it. Sets APP_PG_DIR
# to the data directory it started, for the caller's cleanup (pg_stop), or to "" when the caller's database is used.
APP_PG_DIR=""
app_local_database() {
  local caller=$1 data=$2 port
  [[ -z ${ConnectionStrings__Marten:-} ]] || return 0
  port=${SERVICESHARING_PG_PORT:-5433}
  APP_PG_DIR=$data/pg   # set first, so a start that fails half-way is still stopped
  pg_start "$APP_PG_DIR" "$port"
  ConnectionStrings__Marten=$(pg_connection_string "$port")
  export ConnectionStrings__Marten
  echo "$caller: PostgreSQL on 127.0.0.1:$port (data in $APP_PG_DIR)"
}

# app_admin_key DATA_DIR
# Exports ServiceSharing__AdminKey: the given one, or one generated once into DATA_DIR/admin-key and kept, so the key
# stays the same across runs. Sets APP_ADMIN_KEY_SOURCE to where it came from, for the caller to print.
APP_ADMIN_KEY_SOURCE=""
app_admin_key() {
  local key_file=$1/admin-key
  if [[ -n ${ServiceSharing__AdminKey:-} ]]; then
    APP_ADMIN_KEY_SOURCE="the ServiceSharing__AdminKey environment variable"
  else
    if [[ ! -s $key_file ]]; then
      (umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(32))' >"$key_file")
    fi
    chmod 600 "$key_file"
    ServiceSharing__AdminKey=$(<"$key_file")
    APP_ADMIN_KEY_SOURCE=$key_file
  fi
  export ServiceSharing__AdminKey
}

# app_wait_healthy BASE_URL PID LOG_FILE TIMEOUT_SECONDS CALLER
# Waits until BASE_URL/health answers; if the app dies or the time runs out, prints the log's tail and returns 1.
app_wait_healthy() {
  local base_url=$1 pid=$2 log=$3 timeout=$4 caller=$5
  local deadline=$((SECONDS + timeout))
  until curl -fsS -o /dev/null --max-time 2 "$base_url/health" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); then
      echo "$caller: the app did not become healthy; last lines of $log:" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
    sleep 0.3
  done
}

# app_join_link BASE_URL
# Prints the join link of a fresh facilitator invite (made with ServiceSharing__AdminKey), the link to open the
# workshop with; or, when the app refused, a line saying what it answered.
app_join_link() {
  local base_url=$1 invite status body join_url=""
  invite=$(curl -sS --max-time 60 -w '\n%{http_code}' -X POST "$base_url/api/invites" \
    -H "X-Admin-Key: $ServiceSharing__AdminKey" -H 'Content-Type: application/json' \
    -d '{"name":"Workshop facilitator","org":"wpf","role":"facilitator"}') || true
  status=${invite##*$'\n'}
  body=${invite%$'\n'*}
  if [[ $status == 2* ]]; then
    join_url=$(python3 -c '
import json, sys
url = json.loads(sys.argv[1])["joinUrl"]
print(sys.argv[2] + url if url.startswith("/") else url)' "$body" "$base_url") || join_url=""
  fi
  echo "${join_url:-"(could not create the invite: HTTP $status $body)"}"
}
