#!/usr/bin/env bash
# The shipped build under test: publishes `aura` with Native AOT and runs every test that starts the real binary
# against it (the end-to-end project, ShippedBinaryTests included, which touches every surface; and the one server
# test whose socket client is the real `aura`), so a failure that only the AOT build has cannot land.
# Needs the test projects built (scripts/test.sh builds them first). Prints one "aot tests: ..." line.
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -m)" in
  aarch64 | arm64) rid=linux-arm64 ;;
  *) rid=linux-x64 ;;
esac
bash scripts/publish-aot.sh "$rid" "artifacts/aot/$rid"
export AURA_TEST_BINARY=$PWD/artifacts/aot/$rid/aura

server_filter="FullyQualifiedName~Aura.Server.Tests.Controls.SocketControlTests"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test tests/Aura.EndToEnd.Tests/Aura.EndToEnd.Tests.csproj -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=$?
dotnet test tests/Aura.Server.Tests/Aura.Server.Tests.csproj -c Release --no-build --nologo --filter "$server_filter" 2>&1 | tee -a "$log" || status=$?
awk '
  /(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
  }
  END { printf "aot tests: %d passed, %d failed, %d skipped (against %s)\n", passed, failed, skipped, ENVIRON["AURA_TEST_BINARY"] }
' "$log"
exit "$status"
