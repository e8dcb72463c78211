#!/usr/bin/env bash
# Runs every test: installs what the tests need, builds, runs all test projects, prints one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/test-deps.sh
dotnet build Aura.slnx -c Release -warnaserror --nologo -v quiet

log=$(mktemp)
status=0
dotnet test Aura.slnx -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?

# One closing line for CI: "tests: N passed, N failed, N skipped".
awk '
  /(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
rm -f "$log"
exit "$status"
