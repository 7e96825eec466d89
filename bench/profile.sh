#!/usr/bin/env bash
# Where a durable turn's time goes (issue 30): riders (one unless given) play seed conversations against a fresh DevHost
# on the given backend while dotnet-trace samples the DevHost's managed threads (~100 Hz) for 15 s after a 12 s warm-up;
# bench/profile_classify.py then sorts the running samples into the parts of a turn (edge, verification, parse,
# gRPC to the sidecar, replay, activities, the backend, JSON, GC...). Usage: bash bench/profile.sh inmemory|azurestorage [RIDERS]
# Output: bench/profile/<target>.md, or <target>-<riders>.md past one rider (the table) beside the run's report and the .nettrace and speedscope files. Needs dotnet-trace
# (dotnet tool install -g dotnet-trace) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: bash bench/profile.sh inmemory|azurestorage [RIDERS]}
riders=${2:-1}
name=$target
[[ "$riders" == 1 ]] || name="$target-$riders"
trace=${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}
out=bench/profile
mkdir -p "$out"

npm ci --no-audit --no-fund --loglevel=error
for project in RideHailer.DevHost bench/RideHailer.Bench.Load; do
  dotnet build "$project" -c Release --nologo -v quiet
done

host_dir=$(cd RideHailer.DevHost/bin/Release/net10.0 && pwd -P)
dotnet bench/RideHailer.Bench.Load/bin/Release/net10.0/RideHailer.Bench.Load.dll \
  --target "$target" --riders "$riders" --sessions 5000 --duration 40 >"$out/$name-run.txt" 2>&1 &
driver=$!
trap 'kill $driver 2>/dev/null || true' EXIT

# The driver starts the DevHost as its child, in its output folder: that is the process to trace.
pid=""
for _ in $(seq 1 240); do
  for candidate in $(pgrep -f "RideHailer.DevHost.dll" || true); do
    [[ "$(readlink "/proc/$candidate/cwd" || true)" == "$host_dir" ]] && pid=$candidate
  done
  [[ -n "$pid" ]] && break
  sleep 0.5
done
[[ -n "$pid" ]] || { echo "profile: the DevHost did not start" >&2; exit 1; }

sleep 12
"$trace" collect -p "$pid" --profile dotnet-sampled-thread-time --duration 00:00:00:15 --format Speedscope \
  -o "$out/$name.nettrace" >/dev/null
wait $driver || true  # a run with a late answer is still profiled
trap - EXIT

# Turns answered while the trace ran: the run's turns per second times the 15 s.
turns_per_second=$(grep -oE '[0-9.]+ turns/s' "$out/$name-run.txt" | head -1 | cut -d' ' -f1)
python3 bench/profile_classify.py "$out/$name.speedscope.json" "$(python3 -c "print($turns_per_second * 15)")" --other 12 | tee "$out/$name.md"
