#!/usr/bin/env bash
# `npm test` while two CPU-bound processes hold the machine's cores (issue: a suite robust, not lucky).
# The load is `stress-ng --cpu 2` (Debian's stress-ng) when installed, else two node busy loops — the same
# two cores' worth of work. It starts a minute ahead so that the load average the suite reads at its start
# (jest.config.js) sees it, as it would see any other work already running on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
burners=()
if command -v stress-ng >/dev/null; then
  load='stress-ng --cpu 2'
  stress-ng --cpu 2 --quiet &
  burners+=($!)
else
  load='two node busy loops (stress-ng is not installed: apt-get install stress-ng)'
  for _ in 1 2; do
    node -e 'for (;;) {}' &
    burners+=($!)
  done
fi
trap 'kill "${burners[@]}" 2>/dev/null || true' EXIT
sleep "${BUSY_WARMUP_SECONDS:-60}"
echo "load average before the suite: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores, beside ${load}"
started=$(date +%s)
status=0
npm test || status=$?
echo "npm test beside ${load}: exit ${status} after $(( $(date +%s) - started )) s, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
exit "${status}"
