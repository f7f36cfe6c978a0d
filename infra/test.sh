#!/usr/bin/env bash
# Builds the solution and runs every test project against a throwaway PostgreSQL.
# The last line of output is always "N passed, N failed, N skipped" (counted from the TRX
# reports; skipped and inconclusive tests are counted, never dropped); the exit code is 0 only for a green run with
# at least one test.
#
# Environment (all optional):
#   ConnectionStrings__Marten   use this database instead of starting a throwaway one
#   ASPNETCORE_URLS, ServiceSharing__AdminKey   passed through to the tests unchanged
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source infra/pg.sh
source infra/app.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
solution=ServiceSharing.EventSourced.sln
results=$root/TestResults   # git-ignored; kept after the run for inspection

tmp=""
summarized=""
summary() { # passed failed skipped
  echo "$1 passed, $2 failed, ${3:-0} skipped"
  summarized=1
}
cleanup() {
  local rc=$?
  # Silent: nothing may print after the summary line.
  if [[ -n $tmp ]]; then
    pg_stop "$tmp/pg" >/dev/null 2>&1 || true
    rm -rf "$tmp"
  fi
  # Died before counting (database did not start, ...): still end with the count line.
  if [[ -z $summarized ]]; then
    summary 0 1
    [[ $rc -ne 0 ]] || rc=1
  fi
  exit "$rc"
}
trap cleanup EXIT

if [[ -z ${ConnectionStrings__Marten:-} ]]; then
  tmp=$(mktemp -d /tmp/servicesharing-test.XXXXXX)
  port=$(pg_free_port)
  # Throwaway data: durability is worthless here, speed is not.
  pg_start "$tmp/pg" "$port" -c fsync=off -c synchronous_commit=off -c full_page_writes=off
  ConnectionStrings__Marten=$(pg_connection_string "$port")
  export ConnectionStrings__Marten
  echo "test.sh: throwaway PostgreSQL on 127.0.0.1:$port"
fi

# Debian's packages, installed only when missing, in one apt-get run:
# - node and npm: the JavaScript SignalR client test runs the official npm client under node;
# - chromium: the browser tests drive Debian's Chromium through Playwright (never a browser Playwright would download);
# - redis-server and haproxy: the cluster tests start them; docker-compose validates docker-compose.yml (`config`
#   needs no Docker engine).
app_install_missing test.sh "npm=nodejs npm" chromium=chromium redis-server=redis-server haproxy=haproxy \
  docker-compose=docker-compose

js_client=tests/ServiceSharing.Web.Tests/Realtime/JsClient
if [[ ! -d $js_client/node_modules/@microsoft/signalr ]]; then
  (cd "$js_client" && npm ci --no-audit --no-fund)
fi
# Redocly CLI lints the served OpenAPI document (OpenApiTests), pinned by its package-lock.
openapi_lint=tests/ServiceSharing.Web.Tests/OpenApi/Redocly
if [[ ! -f $openapi_lint/node_modules/@redocly/cli/bin/cli.js ]]; then
  (cd "$openapi_lint" && npm ci --no-audit --no-fund)
fi

# One build for all projects (the Web project's build runs npm ci for the page's SignalR client when needed); -nodeReuse:false leaves no MSBuild nodes behind.
if ! dotnet build "$solution" -c Debug -nodeReuse:false; then
  echo "test.sh: build failed"
  exit 1
fi

rm -rf "$results"
test_rc=0
# One test project at a time: the browser tests' Chromium would otherwise share two cores with the API suite's
# restart and reconnect tests and stretch their timeouts.
dotnet test --solution "$solution" --no-build -c Debug --max-parallel-test-modules 1 \
  --results-directory "$results" --report-xunit-trx || test_rc=$?

# The benchmark harness in quick mode, against a PostgreSQL of its own, reusing this build: one check that every
# scenario still produces figures. It asserts nothing about how fast they are (CI machines vary).
bench_passed=0 bench_failed=0
if BENCH_CONFIGURATION=Debug BENCH_NO_BUILD=1 BENCH_OUT=$results/bench-quick bash infra/bench.sh --quick >"$results/bench-quick.log" 2>&1; then
  echo "test.sh: infra/bench.sh --quick produced figures for every scenario"
  bench_passed=1
else
  echo "test.sh: infra/bench.sh --quick failed; its output:"
  tail -n 30 "$results/bench-quick.log"
  bench_failed=1
fi

# Sum the real counts over the TRX files. A test project that wrote no TRX (crashed
# host, for one) counts as one failed test, so it can never pass silently.
if ! counts=$(python3 - "$solution" "$results" <<'PY'
import glob, os, re, sys
import xml.etree.ElementTree as ET

solution, results = sys.argv[1], sys.argv[2]
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

# Test projects: projects of the solution that reference the xunit.v3 package.
projects = []
for path in re.findall(r'"([^"]+\.csproj)"', open(solution).read()):
    path = os.path.abspath(path.replace("\\", "/"))
    if re.search(r'Include="xunit\.v3(\.mtp-v\d+)?"', open(path).read(), re.I):
        projects.append(path)

passed = failed = skipped = 0
assemblies = set()
for trx in glob.glob(os.path.join(results, "**", "*.trx"), recursive=True):
    run = ET.parse(trx).getroot()
    c = run.find("t:ResultSummary/t:Counters", ns)
    passed_here = int(c.get("passed", 0))
    failed_here = sum(int(c.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
    passed += passed_here
    failed += failed_here
    # Whatever neither passed nor failed (skipped, not executed, inconclusive) is counted, so a test that silently
    # stopped running shows in the closing line.
    skipped += max(0, int(c.get("total", 0)) - passed_here - failed_here)
    assemblies |= {u.get("storage") for u in run.iterfind("t:TestDefinitions/t:UnitTest", ns)}

for proj in projects:
    folder, name = os.path.dirname(proj), os.path.splitext(os.path.basename(proj))[0]
    if not any(a and (a.startswith(folder + os.sep) or os.path.basename(a) == name + ".dll")
               for a in assemblies):
        print(f"test.sh: no test results from {os.path.relpath(proj)} (crashed or ran no tests)",
              file=sys.stderr)
        failed += 1
print(passed, failed, skipped)
PY
); then
  echo "test.sh: could not read the TRX reports"
  counts="0 1 0"
fi
read -r passed failed skipped <<<"$counts"
passed=$((passed + bench_passed))
failed=$((failed + bench_failed))

# dotnet test failing without a failed test (host crash after its report, zero tests,
# ...) still is a failure, and so is a run without any passing test.
if [[ $failed -eq 0 && ($test_rc -ne 0 || $passed -eq 0) ]]; then
  echo "test.sh: dotnet test exited $test_rc with $passed passed tests; counting that as a failure"
  failed=1
fi

echo "test.sh: TRX reports in $results"
summary "$passed" "$failed" "$skipped"
[[ $failed -eq 0 ]]
