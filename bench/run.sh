#!/usr/bin/env bash
# Reproduces the end-to-end tables in BENCHMARKS.md: installs Azurite and the Node peer's packages, builds the
# hosts and the driver in Release, then runs every target at 1, 8 and 32 riders in one run of the driver.
# Extra flags go to the driver (e.g. --sessions 40, --riders 1). Report: stdout and bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund --loglevel=error
(cd bench/peer-node && npm ci --no-audit --no-fund --loglevel=error)
for project in RideHailer.DevHost bench/RideHailer.Bench.Floor bench/RideHailer.Bench.Bare bench/RideHailer.Bench.Load; do
  dotnet build "$project" -c Release --nologo -v quiet
done

dotnet bench/RideHailer.Bench.Load/bin/Release/net10.0/RideHailer.Bench.Load.dll \
  --target floor,node,inmemory,bare,azurestorage --riders 1,8,32 --out bench/results.md "$@"
