#!/usr/bin/env bash
# The hub's embedded broker against a standalone Artemis made by `artemis create` (which measures the disk and tunes
# its journal itself), at the same durability and concurrency: `artemis perf client` (bench/lib.sh's perf) against
# each in turn, ROUNDS times, the two brokers running side by side on the same disk and cores, the embedded one in
# the idle hub's JVM as it always runs. One pair takes about 40 s; a round's ratio is its own pair's, so a slow
# minute of the machine touches both sides of it.
#
#   bench/brokers.sh [ROUNDS=5]
#   CONSUMERS=16 bench/brokers.sh                      # producers and consumers of the perf client (default 4)
#
# Prints each round's two rates and their ratio, then the median ratio and its range.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
source bench/lib.sh
machine
start_standalone
start_hub embedded --hub.polls.bring-tracking.enabled=false
echo "hub: ready in $READY_MS ms; embedded $(grep -o 'journal: .*' "$DATA/embedded.log")"
perf $EMBEDDED_URL >/dev/null; perf $STANDALONE_URL >/dev/null   # warm-up of both brokers and the client
for round in $(seq "$ROUNDS"); do
  embedded=$(rate "$(perf $EMBEDDED_URL)")
  standalone=$(rate "$(perf $STANDALONE_URL)")
  awk -v r="$round" -v e="$embedded" -v s="$standalone" 'BEGIN {
    printf "round %d: embedded %.1f msg/s, standalone %.1f msg/s, embedded/standalone %.0f%%\n", r, e, s, 100 * e / s }'
done | tee "$DATA/rounds"
sort -t' ' -k10 -n "$DATA/rounds" | awk '{ ratio[NR] = $10 + 0 }
  END { printf "embedded/standalone over %d rounds: median %d%%, from %d%% to %d%%\n", NR, ratio[int((NR + 1) / 2)], ratio[1], ratio[NR] }'
