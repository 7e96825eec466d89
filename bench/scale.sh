#!/usr/bin/env bash
# The scale-out tables of BENCHMARKS.md (issue 18) in one run: N DevHosts on one Azurite task hub, each its own
# machine name (a UTS namespace each: Linux, as root), requests spread round robin by the driver.
#   1. 1, 2 and 3 instances x the DevHost's signal and the Functions wait (Durable:ReplyWait=Polling), 8 riders,
#      closed loop: per-turn latency split by owner / other instance, turns/s, storage calls per turn by kind.
#   2. an idle app: storage calls per second and US$ a month for partitionCount 4 (1 and 2 instances) x
#      maxQueuePollingInterval 100 ms, 250 ms (shipped), 500 ms, 1 s and partitionCount 16 x 100 ms, 250 ms; then one
#      rider at a rider's pace meets the backed-off queues (scaled out, split by whether a turn reached the owner).
#   3. kill -9 of one of two instances under 8 riders, on both waits: the stall, "took too long", bookings.
#   4. riders at 3 s think time on 1 and 2 instances: the capacity at p99 <= 1 s.
# Output: stdout and bench/scale/*.md. Extra flags go to every driver run (e.g. --sessions 10).
# Takes about 45 minutes; the numbers are only as quiet as the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

[[ -d node_modules/azurite ]] || npm ci --no-audit --no-fund --loglevel=error
for project in RideHailer.DevHost bench/RideHailer.Bench.Load; do
  dotnet build "$project" -c Release --nologo -v quiet
done

driver=(dotnet bench/RideHailer.Bench.Load/bin/Release/net10.0/RideHailer.Bench.Load.dll --target azurestorage)
# A run with a wrong answer exits 1; its report still says what happened, and the next run should still happen.
run() { "${driver[@]}" "$@" || echo "scale: that run reported errors (see its report)"; }
out=bench/scale
mkdir -p "$out"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" | tee "$out/machine.txt"

run --instances 1,2,3 --wait signal,polling --riders 8 --sessions 8 --warmup 2 --count-storage \
  --out "$out/instances.md" "$@"
for polling in 00:00:00.100 00:00:00.250 00:00:00.500 00:00:01; do
  extensions__durableTask__storageProvider__partitionCount=4 \
  extensions__durableTask__storageProvider__maxQueuePollingInterval=$polling \
    run --idle 20 --instances 1,2 --out "$out/idle-4-$polling.md"
done
for polling in 00:00:00.100 00:00:00.250; do
  extensions__durableTask__storageProvider__partitionCount=16 \
  extensions__durableTask__storageProvider__maxQueuePollingInterval=$polling \
    run --idle 20 --out "$out/idle-16-$polling.md"
done
run --instances 2 --wait signal,polling --riders 8 --sessions 1000 --duration 75 --warmup 1 --kill-one-at 15 \
  --out "$out/crash.md" "$@"
run --instances 1,2 --wait signal --riders 8,16,32,64 --think 3000 --sessions 2 --warmup 0 --duration 30 \
  --host-log "$out/think-hosts.log" --out "$out/think.md" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
