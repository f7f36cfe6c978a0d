#!/usr/bin/env bash
# The admin command line: the app's own JasperFx command line, run against the same database run.sh uses.
#   infra/admin.sh help                              every command (JasperFx's, Marten's, Wolverine's and ours)
#   infra/admin.sh export ASSESSMENT_ID FILE         write an assessment's archive (JSON Lines)
#   infra/admin.sh import FILE                       import an archive (again: changes nothing)
#   infra/admin.sh verify FILE                       verify an archive: OK and the chain head, or the first bad line
#   infra/admin.sh verify --database ASSESSMENT_ID   verify an assessment's chain in the database
#   infra/admin.sh invite NAME ORG ROLE              invite someone and print their join link
#   infra/admin.sh db-apply | db-assert | projections --rebuild | describe   JasperFx's and Marten's own
# Each exits non-zero on failure. Builds the app (Release) when the sources are newer than the last build.
#
# Environment (as run.sh):
#   ConnectionStrings__Marten  use this database; otherwise the local one under .data/pg (started for the
#                              command and stopped after it, unless it was already running, e.g. under run.sh)
#   SERVICESHARING_PG_PORT     port of that local database (default 5433)
#   ServiceSharing__AdminKey   admin key (signs invite tokens); otherwise the one run.sh keeps in .data/admin-key
#   ServiceSharing__PublicUrl  origin of join links; otherwise the first of ASPNETCORE_URLS, or http://127.0.0.1:5080
set -euo pipefail

caller_dir=$PWD
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source infra/pg.sh
source infra/app.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
data=$root/.data
mkdir -p "$data"
app_dir=$root/src/ServiceSharing.Web/bin/Release/net10.0
app_dll=$app_dir/ServiceSharing.Web.dll

# Build only when a source is newer than the built app.
if [[ ! -f $app_dll ]] || [[ -n $(find src Directory.Build.props Directory.Packages.props -newer "$app_dll" -type f \
    -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/node_modules/*' -not -path '*/wwwroot/lib/*' -print -quit) ]]; then
  app_install_missing admin.sh "npm=nodejs npm"
  echo "admin.sh: building the app..." >&2
  dotnet build src/ServiceSharing.Web -c Release -nodeReuse:false >&2
fi

pg_dir=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  if [[ -n $pg_dir ]]; then
    pg_stop "$pg_dir"
  fi
}
trap cleanup EXIT

if [[ -z ${ConnectionStrings__Marten:-} ]]; then
  pg_port=${SERVICESHARING_PG_PORT:-5433}
  local_pg=$data/pg
  if ! { [[ -f $local_pg/postmaster.pid ]] && _as_pg "$(pg_bin_dir)/pg_ctl" -D "$(realpath -m "$local_pg")" status >/dev/null 2>&1; }; then
    pg_dir=$local_pg   # started here, so stopped here
  fi
  pg_start "$local_pg" "$pg_port" >&2
  ConnectionStrings__Marten=$(pg_connection_string "$pg_port")
  export ConnectionStrings__Marten
fi

if [[ -z ${ServiceSharing__AdminKey:-} ]]; then
  key_file=$data/admin-key
  if [[ ! -s $key_file ]]; then
    (umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(32))' >"$key_file")
  fi
  ServiceSharing__AdminKey=$(<"$key_file")
  export ServiceSharing__AdminKey
fi

# Commands print their answer; the framework's start-up chatter stays out of the way.
export Logging__LogLevel__Default=${Logging__LogLevel__Default:-Warning}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
# The app must not seed the study into a database just because a command opened it.
export ServiceSharing__SeedStudy=${ServiceSharing__SeedStudy:-false}

# Relative file arguments stay relative to where admin.sh was called from; the app's settings come from its build.
export ASPNETCORE_CONTENTROOT=$app_dir
cd "$caller_dir"
dotnet "$app_dll" "$@"
