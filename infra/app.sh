#!/usr/bin/env bash
# Shared app helper for infra/run.sh and infra/bench.sh. Source it, don't run it:
#   source infra/app.sh
#   app_wait_healthy BASE_URL PID LOG_FILE TIMEOUT_SECONDS CALLER
# Waits until BASE_URL/health answers; if the app dies or the time runs out, prints the
# log's tail and returns 1.

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
