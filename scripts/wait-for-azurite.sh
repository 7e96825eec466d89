#!/usr/bin/env bash
# Waits until Azurite listens on its default ports (blob 10000, queue 10001, table 10002), at most 30 s.
# The DevHost on the Azure Storage backend stops at start when storage does not answer, so the docs run
# this between `npm run azurite &` and the host.
set -euo pipefail
for port in 10000 10001 10002; do
  for _ in $(seq 150); do
    if (: </dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
      continue 2
    fi
    sleep 0.2
  done
  echo "Azurite is not listening on 127.0.0.1:$port after 30 s: start it with 'npm run azurite &'." >&2
  exit 1
done
echo "Azurite is listening: blob 10000, queue 10001, table 10002."
