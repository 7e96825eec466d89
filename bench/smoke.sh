#!/usr/bin/env bash
# The CI smoke run of the end-to-end harness: builds the load driver and the DevHost, starts the DevHost on each
# durable backend (in-memory, then Azure Storage on Azurite) and plays 3 seed sessions with 1 rider on each. It
# asserts only that every turn was answered correctly and every confirmed booking was stored once (never a time),
# and prints one line; on failure it prints what went wrong and exits non-zero.
# The driver kills the host it started, also on SIGINT/SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

if [[ ! -d node_modules/azurite ]] && ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
  echo "bench smoke: npm ci (Azurite) failed" >&2
  cat "$log" >&2
  exit 1
fi

for project in bench/RideHailer.Bench.Load RideHailer.DevHost; do
  if ! dotnet build "$project" -c Release --nologo -v quiet >"$log" 2>&1; then
    echo "bench smoke: build of $project failed" >&2
    cat "$log" >&2
    exit 1
  fi
done

timeout -s TERM 120 dotnet bench/RideHailer.Bench.Load/bin/Release/net10.0/RideHailer.Bench.Load.dll \
  --target inmemory,azurestorage --riders 1 --sessions 3 --warmup 0 --duration 60 --quiet \
  | sed 's/^bench:/bench smoke:/'
