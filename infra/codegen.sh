#!/usr/bin/env bash
# Writes Wolverine's and Marten's generated code (handlers, HTTP endpoints, document storage) into
# src/ServiceSharing.Web/Internal/Generated, where the next build compiles it into the app: the app then loads
# these types at start (TypeLoadMode.Auto) instead of compiling each handler with Roslyn on its first request.
# Run it after adding or changing an endpoint, handler, document or projection, and commit the result;
# GeneratedCodeTests fails while the committed code is stale. Code missing from it still works: Auto mode
# compiles what it does not find, at the old first-hit cost. No database is needed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
project=src/ServiceSharing.Web
generated=$project/Internal/Generated

# Written from scratch, so code of removed handlers does not linger.
rm -rf "$generated"
# The store is configured but never opened: any well-formed connection string will do.
ConnectionStrings__Marten="Host=127.0.0.1;Port=1;Database=codegen;Username=codegen" \
  bash -c "cd $project && dotnet run -c ${CODEGEN_CONFIGURATION:-Debug} -- codegen write"
echo "codegen.sh: generated code in $generated ($(find "$generated" -name '*.cs' | wc -l) files)"
