#!/usr/bin/env bash
# Start-up time (issue 12, target 5): from the app's process start to the first answered rating, and how long that
# first rating itself took. Starts a PostgreSQL of its own (fsync on, as infra/run.sh), then RUNS times a fresh app
# process against it (Production, as infra/run.sh); each run: wait for /health, invite a reviewer, read the seeded
# study's board, rate one factor, and report the times measured from the process start.
#
#   infra/startup.sh            publishes as infra/run.sh does (infra/publish.sh), then measures
#   STARTUP_RUNS=5              runs (default 3); the first run also creates the schema and seeds the study
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source infra/pg.sh
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

work=$(mktemp -d /tmp/servicesharing-startup.XXXXXX)
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() { pg_stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

# What infra/run.sh runs: the reproducible ReadyToRun publish.
bash infra/publish.sh "$work/app" -v quiet >/dev/null

port=$(pg_free_port)
pg_start "$work/pg" "$port" >/dev/null
connection=$(pg_connection_string "$port")

python3 - "$work/app" "$connection" "$(pg_free_port)" "${STARTUP_RUNS:-3}" <<'PY'
import json, os, secrets, statistics, subprocess, sys, time, urllib.request

app_dir, connection, port, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
base = f"http://127.0.0.1:{port}"
study = "4d2e54ec-0bcf-4ea0-9c1a-2023110100a1"

def call(method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"content-type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=300) as response:
        return json.loads(response.read() or b"null")

results = []
for run in range(runs):
    admin = secrets.token_urlsafe(24)
    env = {**os.environ, "ConnectionStrings__Marten": connection, "ServiceSharing__AdminKey": admin,
           "ASPNETCORE_URLS": base, "ASPNETCORE_ENVIRONMENT": "Production"}
    started = time.monotonic()
    log = open(os.path.join(app_dir, f"startup-{run}.log"), "w")
    app = subprocess.Popen(["dotnet", "ServiceSharing.Web.dll"], cwd=app_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/health", timeout=2).read()
                break
            except Exception:
                if app.poll() is not None or time.monotonic() - started > 300:
                    log.flush()
                    sys.stderr.write(open(log.name).read()[-4000:])
                    raise SystemExit("startup.sh: the app did not become healthy")
                time.sleep(0.02)
        healthy = time.monotonic()
        invite = call("POST", "/api/invites", {"name": f"Startup reviewer {run}", "org": "city", "role": "reviewer"}, {"X-Admin-Key": admin})
        auth = {"Authorization": f"Bearer {invite['token']}"}
        board = call("GET", f"/api/assessments/{study}", headers=auth)
        before_rating = time.monotonic()
        call("POST", f"/api/assessments/{study}/ratings",
             {"areaId": board["areas"][0]["id"], "factor": "similarity", "score": run % 5}, auth)
        rated = time.monotonic()
        results.append((healthy - started, rated - started, rated - before_rating))
        print(f"run {run + 1}: healthy {1000 * (healthy - started):.0f} ms, first rating answered {1000 * (rated - started):.0f} ms "
              f"after process start, that rating took {1000 * (rated - before_rating):.1f} ms")
    finally:
        app.terminate()
        try:
            app.wait(timeout=60)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()

median = lambda i: statistics.median(r[i] for r in results)
print(f"startup.sh: median of {runs} runs: healthy {1000 * median(0):.0f} ms, first rating answered {1000 * median(1):.0f} ms "
      f"after process start (target < 3000 ms), first rating {1000 * median(2):.1f} ms (target < 50 ms)")
PY
