#!/usr/bin/env bash
# Runs every test: installs what the tests need (Debian packages), builds, tests, prints one summary line.
# Usage: ./test.sh [extra 'dotnet test' arguments, e.g. --filter FullyQualifiedName~Keypad]
set -uo pipefail
cd "$(dirname "$0")"
tools/setup/install-test-deps.sh || exit 1
dotnet build Firmware.sln -c Release -nologo -v q -clp:ErrorsOnly || { echo "build failed"; exit 1; }
log="$(mktemp)"
dotnet test Firmware.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Add up the per-assembly lines ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12 ...").
read -r passed failed skipped < <(awk -F'[:,]' '/(Passed|Failed)! +- Failed:/ {
    for (i = 1; i <= NF; i++) { gsub(/ /, "", $i) }
    for (i = 1; i < NF; i++) {
      if ($i ~ /Failed$/) f += $(i+1); if ($i == "Passed") p += $(i+1); if ($i == "Skipped") s += $(i+1)
    }
  } END { print p+0, f+0, s+0 }' "$log")
rm -f "$log"
echo
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
