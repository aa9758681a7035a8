#!/usr/bin/env bash
# `npm test` while two CPU-bound processes hold the machine's cores (issue: a suite robust, not lucky).
# The burners start a minute ahead so that the load average the suite reads at its start (jest.config.js)
# sees them, as it would see any other work already running on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
burners=()
for _ in 1 2; do
  node -e 'for (;;) {}' &
  burners+=($!)
done
trap 'kill "${burners[@]}" 2>/dev/null || true' EXIT
sleep "${BUSY_WARMUP_SECONDS:-60}"
echo "load average before the suite: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores, two burners running"
started=$(date +%s)
status=0
npm test || status=$?
echo "npm test beside two burners: exit ${status} after $(( $(date +%s) - started )) s, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
exit "${status}"
