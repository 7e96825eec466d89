#!/usr/bin/env bash
# The test command from the README: installs what the tests need, builds with warnings as errors,
# runs every test, and ends with one line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

results="${TEST_RESULTS_DIR:-$PWD/TestResults}"
rm -rf "$results"
mkdir -p "$results"

if [[ -f package-lock.json ]]; then
  echo "==> npm ci (Azurite)"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "==> dotnet restore"
dotnet restore RideHailer.sln --nologo -v quiet

echo "==> dotnet build"
dotnet build RideHailer.sln --no-restore --nologo -v quiet -c Release

echo "==> dotnet test (RideHailer.Tests: a line every 100 tests, each failure in full)"
# The console logger names every test as it ends; awk turns that into progress instead of minutes of silence,
# and keeps a failure's message and stack trace.
set +e
dotnet test RideHailer.sln --no-build --nologo -c Release \
  --logger "trx;LogFileName=tests.trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" 2>&1 |
  awk '
    /^  (Passed|Skipped|Failed) [^ ]/ {
      done++; failing = ($1 == "Failed")
      if (failing) failed++
      if (failing) print
      if (done % 100 == 0) printf "    %d tests done, %d failed\n", done, failed
      fflush(); next
    }
    /^(Test run for|Passed!|Failed!|Skipped!|Total tests|Test Run Aborted)/ { failing = 0; print; fflush(); next }
    failing { print; fflush() }
  '
status=${PIPESTATUS[0]}
set -e

count() { sed -n "s/.*<Counters [^>]*\b$1=\"\([0-9]*\)\".*/\1/p" "$results"/*.trx | awk '{s+=$1} END {print s+0}'; }
if compgen -G "$results/*.trx" > /dev/null; then
  total=$(count total); executed=$(count executed); passed=$(count passed); failed=$(count failed)
  skipped=$((total - executed))
else
  passed=0; failed=0; skipped=0
  [[ $status -eq 0 ]] && status=1
fi

# A failure the trx counts fails the run even when dotnet test's own exit code missed it.
if [[ $failed -gt 0 && $status -eq 0 ]]; then
  status=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit $status
