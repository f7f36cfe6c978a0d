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
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  # A second Ctrl-C (or a TERM) while stopping must not cut the stopping short and leave PostgreSQL running.
  trap '' INT TERM
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
    echo "run.sh: stopping the app..."
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  if [[ -n $APP_PG_DIR ]]; then
    echo "run.sh: stopping PostgreSQL..."
    pg_stop "$APP_PG_DIR"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bash infra/publish.sh "$publish"   # the reproducible Release publish (as the Dockerfile's)
app_local_database run.sh "$data"
app_admin_key "$data"

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
join_link=$(app_join_link "$base_url")

cat <<EOF

==============================================================================
  ServiceSharing is running:  $base_url
  Facilitator join link:      $join_link
  Admin key (X-Admin-Key):    kept in $APP_ADMIN_KEY_SOURCE
  App log:                    $app_log
  Ctrl-C stops the app and the local PostgreSQL.
==============================================================================

EOF

app_rc=0
wait "$app_pid" || app_rc=$?
app_pid=""
exit "$app_rc"
