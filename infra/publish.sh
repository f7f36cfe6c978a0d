#!/usr/bin/env bash
# The app's Release publish, reproducible: the same commit published twice (on any machine, from a clean clone) gives
# byte-identical output. infra/run.sh, infra/cluster.sh, infra/bench.sh and infra/Dockerfile all run what this builds.
#
#   infra/publish.sh OUT_DIR [dotnet publish options...]
#
# How: a deterministic compiler build with normalized source paths (ContinuousIntegrationBuild), and every static
# asset (and its compressed copies) dated at the commit's time, since MapStaticAssets serves each file's time as
# Last-Modified from the manifest the publish writes. The date comes from SOURCE_DATE_EPOCH when set (the
# reproducible-builds.org convention), else from the checked-out commit; outside a git checkout without it, or in a
# working copy built before, files keep their own times and the output is not reproducible.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
out=${1:?usage: infra/publish.sh OUT_DIR [dotnet publish options...]}
shift
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# The Web project's build installs the page's SignalR client and QR code library with npm.
source infra/app.sh
app_install_missing publish.sh "npm=nodejs npm"

if [[ -z ${SOURCE_DATE_EPOCH:-} ]] && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
fi
source_date=()
# Only a checkout with no build output yet (a fresh clone, CI, the image's context) is dated: in a working copy that
# has been built before, dating an edited file back would make the build keep compressed copies of its old content.
if [[ -n ${SOURCE_DATE_EPOCH:-} && ! -d src/ServiceSharing.Web/obj ]]; then
  stamp=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
  # A checkout dates files when it writes them; the static assets get the commit's date instead.
  find src/ServiceSharing.Web/wwwroot -type f -exec touch -d "$stamp" {} +
  source_date=("-p:SourceDate=$stamp")
fi

rm -rf "$out"
# ReadyToRun for this machine's runtime (framework-dependent still): the code is compiled at publish, so a start and its
# first requests do not wait for the JIT (docs/performance.md, change 12: first rating answered 3.5 s -> 2.4 s after start).
dotnet publish src/ServiceSharing.Web -c Release -o "$out" -nodeReuse:false -p:ContinuousIntegrationBuild=true \
  --use-current-runtime --self-contained false -p:PublishReadyToRun=true "${source_date[@]}" "$@"
