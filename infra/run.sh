#!/usr/bin/env bash
# Builds and starts the app with a local PostgreSQL, then prints the facilitator's
# join link. Ctrl-C stops the app and the database.
#
# Environment (all optional):
#   ConnectionStrings__Marten  use this database; otherwise a persistent local one under .data/pg
#   SERVICESHARING_PG_PORT     port of that local database (default 5433)
#   ASPNETCORE_URLS            where the app listens (default http://127.0.0.1:5080)
#   ServiceSharing__AdminKey   admin key; otherwise one generated once into .data/admin-key
#   ASPNETCORE_ENVIRONMENT     default Production
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source infra/pg.sh
source infra/app.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
data=$root/.data   # git-ignored
publish=$data/publish
app_log=$data/app.log
mkdir -p "$data"

app_pid=""
pg_dir=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
    echo "run.sh: stopping the app..."
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  if [[ -n $pg_dir ]]; then
    echo "run.sh: stopping PostgreSQL..."
    pg_stop "$pg_dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The Web project's build installs the page's SignalR client with npm.
if ! command -v npm >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
dotnet build ServiceSharing.EventSourced.sln -c Release
# Run the publish output, not bin/: outside Development, ASP.NET Core serves static
# assets (MapStaticAssets) only from published output; from bin/ they come back empty.
rm -rf "$publish"
dotnet publish src/ServiceSharing.Web -c Release --no-build -o "$publish"

if [[ -z ${ConnectionStrings__Marten:-} ]]; then
  pg_port=${SERVICESHARING_PG_PORT:-5433}
  pg_dir=$data/pg
  pg_start "$pg_dir" "$pg_port"
  ConnectionStrings__Marten=$(pg_connection_string "$pg_port")
  export ConnectionStrings__Marten
  echo "run.sh: PostgreSQL on 127.0.0.1:$pg_port (data in $pg_dir)"
fi

key_file=$data/admin-key
if [[ -n ${ServiceSharing__AdminKey:-} ]]; then
  key_source="the ServiceSharing__AdminKey environment variable"
else
  if [[ ! -s $key_file ]]; then
    # Generated once and kept, so the key stays the same across runs.
    (umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(32))' >"$key_file")
  fi
  chmod 600 "$key_file"
  ServiceSharing__AdminKey=$(<"$key_file")
  key_source=$key_file
fi
export ServiceSharing__AdminKey

export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:5080}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
# Address to call the app on: the first URL, with a wildcard host made loopback.
base_url=$(sed -E 's/;.*//; s#//(0\.0\.0\.0|\*|\+|\[::\])#//127.0.0.1#; s#/$##' <<<"$ASPNETCORE_URLS")

# The app runs from the publish dir so that its content root (wwwroot) is there.
# Its output goes to the terminal and to a log file; tee ignores Ctrl-C so the app
# can still log its shutdown.
: >"$app_log"
(cd "$publish" && exec dotnet ServiceSharing.Web.dll) > >(trap '' INT; exec tee -a "$app_log") 2>&1 &
app_pid=$!

echo "run.sh: waiting for $base_url/health ..."
app_wait_healthy "$base_url" "$app_pid" "$app_log" 90 run.sh || exit 1

# A fresh facilitator invite on every start: the link to open the workshop with.
invite=$(curl -sS --max-time 30 -w '\n%{http_code}' -X POST "$base_url/api/invites" \
  -H "X-Admin-Key: $ServiceSharing__AdminKey" -H 'Content-Type: application/json' \
  -d '{"name":"Workshop facilitator","org":"wpf","role":"facilitator"}') || true
status=${invite##*$'\n'}
body=${invite%$'\n'*}
join_url=""
if [[ $status == 2* ]]; then
  join_url=$(python3 -c '
import json, sys
url = json.loads(sys.argv[1])["joinUrl"]
print(sys.argv[2] + url if url.startswith("/") else url)' "$body" "$base_url") || join_url=""
fi

cat <<EOF

==============================================================================
  ServiceSharing is running:  $base_url
  Facilitator join link:      ${join_url:-"(could not create the invite: HTTP $status $body)"}
  Admin key (X-Admin-Key):    kept in $key_source
  App log:                    $app_log
  Ctrl-C stops the app and the local PostgreSQL.
==============================================================================

EOF

app_rc=0
wait "$app_pid" || app_rc=$?
app_pid=""
exit "$app_rc"
