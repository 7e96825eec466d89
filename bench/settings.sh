#!/usr/bin/env bash
# What each durable setting of the Functions host.json buys (issue 9): the AzureStorage target at 1, 8 and 32 riders,
# once with host.json as shipped and once per variant, each overriding one setting through the environment the
# DevHost reads host.json with. Output: one table row per variant and rider count on stdout and in bench/settings.md.
# Extra flags go to the driver (e.g. --sessions 20).
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund --loglevel=error
for project in RideHailer.DevHost bench/RideHailer.Bench.Load; do
  dotnet build "$project" -c Release --nologo -v quiet
done

variants=(
  "as shipped|"
  "partitionCount 1|extensions__durableTask__storageProvider__partitionCount=1"
  "maxQueuePollingInterval 30 s (the engine's default)|extensions__durableTask__storageProvider__maxQueuePollingInterval=00:00:30"
  "extendedSessionsEnabled true|extensions__durableTask__extendedSessionsEnabled=true"
)

out=bench/settings.md
{
  echo "| variant | riders | turns | errors | turns/s | p50 ms | p95 ms | p99 ms | max ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$out"
for variant in "${variants[@]}"; do
  name=${variant%%|*}
  setting=${variant#*|}
  report=$(mktemp)
  env ${setting:+"$setting"} dotnet bench/RideHailer.Bench.Load/bin/Release/net10.0/RideHailer.Bench.Load.dll \
    --target azurestorage --riders 1,8,32 --sessions 10 --warmup 1 --out "$report" "$@" > /dev/null || true
  # The summary rows: | target | riders | sessions | turns | errors | turns/s | p50 | p95 | p99 | max | start-up | WS |
  awk -F'|' -v name="$name" '$2 ~ /durable AzureStorage/ && NF > 12 && !seen[$3]++ {
    printf "| %s |%s|%s|%s|%s|%s|%s|%s|%s|\n", name, $3, $5, $6, $7, $8, $9, $10, $11 }' "$report" >> "$out"
  rm -f "$report"
done
cat "$out"
