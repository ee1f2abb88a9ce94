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
# Prints each round's two rates, their ratio and the CPU each broker's process took per 1000 messages (the embedded
# one's is the hub's process, idle but for its broker), then the median ratio and its range.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
source bench/lib.sh
machine
start_standalone
start_hub embedded --hub.polls.bring-tracking.enabled=false
echo "hub: ready in $READY_MS ms; embedded $(grep -o 'journal: .*' "$DATA/embedded.log")"
perf $EMBEDDED_URL >/dev/null; perf $STANDALONE_URL >/dev/null   # warm-up of both brokers and the client
# broker_run URL PID: the perf client's rate against the broker at URL, and the CPU its process PID took per 1000
# messages received (warm-up included in both)
broker_run() {
  local before; before=$(cpu_ticks $2)
  local run; run=$(perf "$1")
  awk -v run="$run" -v ticks=$(( $(cpu_ticks $2) - before )) -v hz="$(getconf CLK_TCK)" 'BEGIN {
    match(run, /received=[0-9]+/); received = substr(run, RSTART + 9, RLENGTH - 9)
    match(run, /msg_per_s=[0-9.]+/); printf "%s %.1f", substr(run, RSTART + 10, RLENGTH - 10), 1000 * 1000 * ticks / hz / received }'
}
for round in $(seq "$ROUNDS"); do
  read -r embedded embedded_cpu <<<"$(broker_run $EMBEDDED_URL $HUB)"
  read -r standalone standalone_cpu <<<"$(broker_run $STANDALONE_URL "$(broker_pids)")"
  awk -v r="$round" -v e="$embedded" -v s="$standalone" -v ec="$embedded_cpu" -v sc="$standalone_cpu" 'BEGIN {
    printf "round %d: embedded %.1f msg/s, standalone %.1f msg/s, embedded/standalone %.0f%%; CPU per 1000 messages: embedded %.1f ms, standalone %.1f ms\n",
      r, e, s, 100 * e / s, ec, sc }'
done | tee "$DATA/rounds"
# column N of the rounds, sorted: its median, lowest and highest
column() { awk -v n="$1" '{ print $n + 0 }' "$DATA/rounds" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[1], v[NR] }'; }
read -r ratio low high <<<"$(column 10)"
echo "embedded/standalone over $ROUNDS rounds: median $ratio%, from $low% to $high%; CPU per 1000 messages, median: embedded $(column 16 | cut -d' ' -f1) ms, standalone $(column 19 | cut -d' ' -f1) ms"
