#!/usr/bin/env bash
# The benchmark harness (issue 6): builds Release, starts its own PostgreSQL (fsync on, as in production) and the
# published app on loopback, runs every scenario from a separate load-generator process
# (infra/bench/ServiceSharing.Bench) and writes the report. Scenario 6 (issue 10) runs the same published app as two
# nodes behind HAProxy with a Redis backplane (infra/cluster.sh's cluster); the load generator starts and kills them.
#
#   infra/bench.sh           full run (< 15 min on 2 cores): writes docs/performance.md and docs/performance/
#   infra/bench.sh --quick   small sizes (< 3 min once built): writes .data/bench-quick/ only, never docs/
#
# Environment (optional):
#   BENCH_OUT       where to write instead (a directory: performance.md + performance/)
#   BENCH_CONTEXT   one sentence on the conditions, quoted in the report (e.g. "machine shared with other builds")
#   BENCH_PROFILE=1 load pg_stat_statements and write the top statements next to the report
#   BENCH_ONLY=1,2,6 run only these scenarios (the others are reported as skipped and the run exits non-zero):
#                   for working on one scenario, never for quoted figures (BENCH_KILLS=N: scenario 6 kills a node N times)
#   BENCH_CONFIGURATION=Debug BENCH_NO_BUILD=1   reuse a build made already (infra/test.sh's check of --quick);
#                   figures worth quoting come from the default Release build
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source infra/pg.sh
source infra/app.sh

mode=full
case "${1:-}" in
  "") ;;
  --quick) mode=quick ;;
  *) echo "usage: infra/bench.sh [--quick]" >&2; exit 2 ;;
esac

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
if [[ $mode == full ]]; then
  out=${BENCH_OUT:-$root/docs}
else
  out=${BENCH_OUT:-$root/.data/bench-quick}   # git-ignored
fi
mkdir -p "$out"

work=$(mktemp -d /tmp/servicesharing-bench.XXXXXX)
cluster_dir=$work/cluster   # scenario 6's logs, and a pid file for each process it runs
mkdir -p "$cluster_dir"
app_pid=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  # Whatever scenario 6 left running because the load generator itself died (it removes a pid file when it stops that process).
  local pid_file
  for pid_file in "$cluster_dir"/*.pid; do
    [[ -f $pid_file ]] && kill -KILL "$(<"$pid_file")" 2>/dev/null || true
  done
  pg_stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A thousand SignalR clients and the app's side of them are two thousand sockets on this machine.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# Scenario 6's cluster: Debian's redis-server and haproxy, installed only when missing (as infra/cluster.sh does).
app_install_missing bench.sh redis-server=redis-server haproxy=haproxy
haproxy_bin=$(command -v haproxy || echo /usr/sbin/haproxy)

configuration=${BENCH_CONFIGURATION:-Release}
if [[ ${BENCH_NO_BUILD:-} != 1 ]]; then
  echo "bench.sh: building $configuration ($mode mode)"
  app_build bench.sh "$configuration" -nodeReuse:false -v quiet -clp:ErrorsOnly
fi
if [[ $configuration == Release ]]; then
  bash infra/publish.sh "$work/app" -v quiet >/dev/null   # what infra/run.sh runs
else
  app_publish "$configuration" "$work/app" -v quiet >/dev/null
fi

pg_port=$(pg_free_port)
pg_options=(-c max_connections=200)
if [[ ${BENCH_PROFILE:-} == 1 ]]; then
  pg_options+=(-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all)
fi
pg_start "$work/pg" "$pg_port" "${pg_options[@]}"
connection=$(pg_connection_string "$pg_port")
if [[ ${BENCH_PROFILE:-} == 1 ]]; then
  _as_pg "$(pg_bin_dir)/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$PG_DATABASE" -qc "create extension if not exists pg_stat_statements"
fi
echo "bench.sh: PostgreSQL on 127.0.0.1:$pg_port (fsync $(_as_pg "$(pg_bin_dir)/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc 'show fsync'))"

admin_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
app_port=$(pg_free_port)
base_url=http://127.0.0.1:$app_port
# The app's settings, the same for the one-node app and scenario 6's nodes (which add only their address, Redis and
# the proxy's public address). Rate limits off: one load generator writing flat out from one address is what they
# exist to refuse.
app_settings=(ConnectionStrings__Marten="$connection" ServiceSharing__AdminKey="$admin_key" ServiceSharing__RateLimits__Enabled=false
  ASPNETCORE_ENVIRONMENT=Production)
# exec: $! is the app's own process, whose memory and CPU scenario 5 reads.
(cd "$work/app" && exec env "${app_settings[@]}" ASPNETCORE_URLS="$base_url" dotnet ServiceSharing.Web.dll) >"$work/app.log" 2>&1 &
app_pid=$!
app_wait_healthy "$base_url" "$app_pid" "$work/app.log" 120 bench.sh || exit 1
echo "bench.sh: app on $base_url (pid $app_pid)"

pgbench=$(pg_bin_dir)/pgbench
[[ -x $pgbench ]] || pgbench=$(command -v pgbench)
cluster_args=(--app-dir "$work/app" --redis-server "$(command -v redis-server)" --haproxy "$haproxy_bin"
  --haproxy-config "$root/infra/cluster/haproxy.cfg" --cluster-dir "$cluster_dir")
for setting in "${app_settings[@]}"; do
  cluster_args+=(--app-setting "$setting")
done
bench_rc=0
dotnet "infra/bench/ServiceSharing.Bench/bin/$configuration/net10.0/ServiceSharing.Bench.dll" \
  --mode "$mode" --base-url "$base_url" --connection "$connection" --admin-key "$admin_key" \
  --app-pid "$app_pid" --pgbench "$pgbench" --out "$out" --notes "$root/docs/performance/notes.md" "${cluster_args[@]}" || bench_rc=$?

if [[ ${BENCH_PROFILE:-} == 1 ]]; then
  _as_pg "$(pg_bin_dir)/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$PG_DATABASE" -c \
    "select calls, round(total_exec_time::numeric, 1) as total_ms, round(mean_exec_time::numeric, 3) as mean_ms, rows,
            left(regexp_replace(query, '\s+', ' ', 'g'), 160) as query
     from pg_stat_statements order by total_exec_time desc limit 25" >"$out/performance/pg_stat_statements.txt" || true
fi
for log in "$work/app.log" "$cluster_dir"/node*.log; do
  if [[ -f $log ]] && grep -qE '^(fail|crit):' "$log"; then
    echo "bench.sh: the app logged errors during the run ($log):" >&2
    grep -E -A3 '^(fail|crit):' "$log" | head -n 40 >&2
  fi
done
# The app's logs (one node, then scenario 6's), for reading what it did; kept only where quick runs write, never in docs/.
if [[ $mode == quick ]]; then
  cp "$work/app.log" "$out/performance/app.log"
  mkdir -p "$out/performance/cluster"
  cp "$cluster_dir"/*.log "$out/performance/cluster/" 2>/dev/null || true
fi
echo "bench.sh: report in $out/performance.md"
exit "$bench_rc"
