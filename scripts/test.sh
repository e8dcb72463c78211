#!/usr/bin/env bash
# Runs every test: installs what the tests need, builds, runs all test projects, prints one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/test-deps.sh
dotnet build Aura.slnx -c Release -warnaserror --nologo -v quiet

log=$(mktemp)
status=0
dotnet test Aura.slnx -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?

# The cockpit's lint and its unit tests (node's test runner; the build above ran npm ci in web/).
(cd web && npm run --silent lint && npm test --silent) 2>&1 | tee -a "$log" || status=$?

# The shipped build: the Native AOT binary under the end-to-end tests, then the packages installed and removed
# (their "packages: N passed" line counts in the summary below).
bash scripts/test-aot.sh 2>&1 | tee -a "$log" || status=$?
AURA_PUBLISHED=artifacts/aot/$(case "$(uname -m)" in aarch64 | arm64) echo linux-arm64 ;; *) echo linux-x64 ;; esac) \
  bash scripts/test-packages.sh 2>&1 | tee -a "$log" || status=$?

# One closing line for CI: "tests: N passed, N failed, N skipped".
awk '
  /^packages: [0-9]+ passed/ { passed += $2; skipped += $6 }
  /^packages: FAILED/ { failed += 1 }
  /(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
  }
  /^# (pass|fail|skipped) [0-9]+$/ {
    if ($2 == "pass") passed += $3
    if ($2 == "fail") failed += $3
    if ($2 == "skipped") skipped += $3
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
rm -f "$log"
exit "$status"
