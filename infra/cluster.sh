#!/usr/bin/env bash
# Runs the app as a cluster on this machine: one PostgreSQL, one redis-server (the SignalR backplane), two app nodes
# and HAProxy in front of them (sticky sessions for the hub), all on 127.0.0.1. Builds once, prints the facilitator's
# join link through the proxy; Ctrl-C stops everything it started.
#
# Environment (all optional):
#   CLUSTER_PROXY_PORT         where people connect: the proxy (default 5080)
#   CLUSTER_NODE_PORTS         the two app nodes' ports (default "5081 5082")
#   CLUSTER_REDIS_PORT         redis-server's port (default 6380)
#   ConnectionStrings__Marten  use this database; otherwise a persistent local one under .data/pg (as infra/run.sh)
#   SERVICESHARING_PG_PORT     port of that local database (default 5433)
#   ServiceSharing__AdminKey   admin key; otherwise the one generated once into .data/admin-key (as infra/run.sh)
#   ASPNETCORE_ENVIRONMENT     default Production
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source infra/pg.sh
source infra/app.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
proxy_port=${CLUSTER_PROXY_PORT:-5080}
read -r -a node_ports <<<"${CLUSTER_NODE_PORTS:-5081 5082}"
redis_port=${CLUSTER_REDIS_PORT:-6380}
if [[ ${#node_ports[@]} -ne 2 ]]; then
  echo "cluster.sh: CLUSTER_NODE_PORTS names two ports (infra/cluster/haproxy.cfg has two nodes), got '${node_ports[*]}'" >&2
  exit 2
fi

data=$root/.data   # git-ignored
run=$data/cluster
publish=$run/publish
mkdir -p "$run"

pids=()
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  # A second Ctrl-C (or a TERM) while stopping must not cut the stopping short and leave PostgreSQL running.
  trap '' INT TERM
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n $APP_PG_DIR ]]; then
    echo "cluster.sh: stopping PostgreSQL..."
    pg_stop "$APP_PG_DIR"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Debian's packages, installed only when missing.
app_install_missing cluster.sh redis-server=redis-server haproxy=haproxy
haproxy_bin=$(command -v haproxy || echo /usr/sbin/haproxy)

# Built and published once; both nodes run the same output.
bash infra/publish.sh "$publish"   # the reproducible Release publish (as the Dockerfile's)
app_local_database cluster.sh "$data"
app_admin_key "$data"

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
proxy_url=http://127.0.0.1:$proxy_port

# The backplane only relays pushes between nodes: nothing in it needs to survive a restart.
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --logfile "$run/redis.log" &
pids+=($!)
echo "cluster.sh: redis-server on 127.0.0.1:$redis_port"

# One node after the other: the first brings the database schema up to date, the second finds it done.
node=0
for port in "${node_ports[@]}"; do
  node=$((node + 1))
  log=$run/node$node.log
  : >"$log"
  (cd "$publish" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" ConnectionStrings__Redis="127.0.0.1:$redis_port" \
    ServiceSharing__PublicUrl="$proxy_url" dotnet ServiceSharing.Web.dll) >"$log" 2>&1 &
  pids+=($!)
  echo "cluster.sh: node $node starting on 127.0.0.1:$port (log $log) ..."
  app_wait_healthy "http://127.0.0.1:$port" "${pids[-1]}" "$log" 120 cluster.sh || exit 1
done

PROXY_BIND=127.0.0.1:$proxy_port NODE1_ADDR=127.0.0.1:${node_ports[0]} NODE2_ADDR=127.0.0.1:${node_ports[1]} \
  "$haproxy_bin" -db -f infra/cluster/haproxy.cfg >"$run/haproxy.log" 2>&1 &
pids+=($!)
echo "cluster.sh: waiting for the proxy on $proxy_url ..."
app_wait_healthy "$proxy_url" "${pids[-1]}" "$run/haproxy.log" 30 cluster.sh || exit 1

join_link=$(app_join_link "$proxy_url")

cat <<EOT

==============================================================================
  ServiceSharing is running on two nodes behind HAProxy:  $proxy_url
  Nodes:                      http://127.0.0.1:${node_ports[0]}  http://127.0.0.1:${node_ports[1]}
  Redis (backplane):          127.0.0.1:$redis_port
  Facilitator join link:      $join_link
  Admin key (X-Admin-Key):    kept in $APP_ADMIN_KEY_SOURCE
  Logs:                       $run/node1.log, node2.log, redis.log, haproxy.log
  Ctrl-C stops the proxy, the nodes, redis-server and the local PostgreSQL.
==============================================================================

EOT

# Runs until Ctrl-C. A node that dies (try: kill -9 one) leaves the others running: that is what the cluster is for.
running=("${pids[@]}")
while [[ ${#running[@]} -gt 0 ]]; do
  wait -n "${running[@]}" || true
  still=()
  for pid in "${running[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then still+=("$pid"); else echo "cluster.sh: process $pid stopped; the others go on (Ctrl-C stops them)"; fi
  done
  running=("${still[@]}")
done
