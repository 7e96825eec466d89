#!/usr/bin/env bash
# Reproduces the end-to-end tables in BENCHMARKS.md: installs Azurite and the Node peer's packages, builds the
# hosts and the driver in Release, then runs every target at 1, 8 and 32 riders in one run of the driver (a closed
# loop: each rider's next turn as soon as the answer is in), and AzureStorage once more at a rider's pace (3 s from an
# answer to the next turn: Alexa speaking it, the rider answering), where what a rider waits for is measured.
# Extra flags go to the closed-loop run (e.g. --sessions 40, --riders 1). Reports: stdout, bench/results.md and
# bench/results-paced.md.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund --loglevel=error
(cd bench/peer-node && npm ci --no-audit --no-fund --loglevel=error)
for project in RideHailer.DevHost bench/RideHailer.Bench.Floor bench/RideHailer.Bench.Bare bench/RideHailer.Bench.Load; do
  dotnet build "$project" -c Release --nologo -v quiet
done

# A run with a wrong or late answer fails; the paced run still goes, and the script fails after it.
status=0
dotnet bench/RideHailer.Bench.Load/bin/Release/net10.0/RideHailer.Bench.Load.dll \
  --target floor,node,inmemory,bare,azurestorage --riders 1,8,32 --out bench/results.md "$@" || status=$?

dotnet bench/RideHailer.Bench.Load/bin/Release/net10.0/RideHailer.Bench.Load.dll \
  --target azurestorage --riders 1,8,32 --think 3000 --warmup 1 --sessions 3 --out bench/results-paced.md || status=$?
exit "$status"
