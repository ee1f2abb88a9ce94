#!/usr/bin/env bash
# Re-runnable benchmark: the hub as it ships (persistent journal, H2 ledger) calling the Bring Shipment sandbox in a
# JVM of its own, as the real carrier is remote, against the limits of the same broker at the same durability and
# concurrency, on this machine, in one run: first with the hub's embedded Artemis, then with a standalone Artemis
# made by `artemis create` (its own journal tuning) that the hub uses as an external broker.
#
#   bench/run.sh [ORDERS=2000] [IN_FLIGHT=64]
#   HUB_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/hub.jfr" bench/run.sh   # with a JFR profile of the hub
#   BROKERS=embedded bench/run.sh                     # one broker only (embedded or standalone)
#   PORT_BASE=29400 bench/run.sh                      # every port from PORT_BASE (bench/lib.sh), default 18080
#   WARMUP=200 bench/run.sh                           # orders through the hub before it is measured (default 20000)
#   LEDGER=postgres bench/run.sh                      # each hub's ledger on a PostgreSQL server of its own (bench/lib.sh)
#   HUB_JAVA_OPTS=-XX:NativeMemoryTracking=summary bench/run.sh   # and the hub's memory by area after its run
#   CONSUMERS=16 bench/run.sh                         # the hub's, the echo's and the perf client's consumers (default 4)
#   HUB_SHAPE=cds bench/run.sh                        # the hub as its image runs it: extracted, with a CDS archive
#   TRACKING_POLL=on bench/run.sh                     # with the Bring tracking poll (off by default: below)
#   LEDGER=postgres LEDGER_RTT_US=500 bench/run.sh    # the ledger's server 0.5 ms away (bench/lib.sh); prints its round trips
#
# Prints, for each broker:
#   generator - the load generator's own ceiling (asynchronous persistent sends, counted when the broker confirms)
#   perf      - `artemis perf client`: persistent, each send confirmed and each message acknowledged, CONSUMERS producers and
#               consumers, 2 KB
#   broker    - the echo: transacted consumers moving each order from one queue to another, as the intake does
#   hub       - the whole hub: orders in, answers out
# and the hub's start-up time, idle and peak RSS, CPU per order, and the ratios hub/perf and hub/echo; at the end
# the embedded broker's durable rate against the standalone one's.
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-2000}
IN_FLIGHT=${2:-64}
WARMUP=${WARMUP:-20000}
source bench/lib.sh
. bench/artemis.sh
artemis_fetch
start_sandbox

# The Bring tracking poll asks the sandbox about every open order every 5 minutes, the warm-up's included. Whether
# one falls in the hub's run of a few seconds is the clock's luck, and one that does takes the machine's CPU from the
# orders: on 2026-12-07, with the poll on, the sandbox took 1.7-2.0 ms of CPU per order in three runs of six and
# 0.54-0.67 ms in the other three; with it off, 0.55-0.89 ms in all five. The run measures the orders alone; soak.sh
# measures the poll beside them, held for minutes.
TRACKING_POLL=${TRACKING_POLL:-off}
POLL_ARGS=(--hub.polls.bring-tracking.enabled=false)
[ "$TRACKING_POLL" != on ] || POLL_ARGS=("${TRACKING_POLL_ARGS[@]}")

# measure LABEL URL: the broker's limits, then the hub, on the broker at URL
measure() {
  echo "== $1"
  echo "hub: ready in $READY_MS ms ($HUB_SHAPE_NAME, $HUB_MEMORY, start to /actuator/health UP), idle RSS $(rss VmRSS); $(grep -o 'journal: .*' "$DATA/$1.log" || echo 'external broker'); no sandbox in its JVM; tracking poll $TRACKING_POLL"
  # an ERP reads its TMS events all the time: the status polls' events come between the runs too (16,000 were left
  # unread after a warm-up of 8000 orders)
  "$ARTEMIS" consumer --silent --url "$2" --user $USER --password "$PASSWORD" --destination queue://erp.order-events \
    --message-count 1000000000 --receive-timeout -1 >/dev/null 2>&1 &
  local events=$!; MORE_PIDS="$MORE_PIDS $events"
  bench generator 200 "$2" >/dev/null; bench broker 2000 "$2" >/dev/null   # warm-up
  GENERATOR=$(bench generator "$ORDERS" "$2"); echo "$GENERATOR"
  PERF=$(perf "$2"); echo "$PERF"
  BROKER=$(bench broker "$ORDERS" "$2"); echo "$BROKER"
  # the hub's warm-up right before its run, nothing else through its JVM in between; the JIT's share printed below
  # says whether it was enough (C2 compiles a method called once per order only after 5,000-15,000 orders)
  bench hub "$WARMUP" "$2" >/dev/null
  # the proxy's count is a second old: read with the hub idle a second, outside the CPU figures' window
  local trips_before=
  [ -z "$LEDGER_RTT_US" ] || { sleep 1.2; trips_before=$(ledger_round_trips); }
  local cpu_before; cpu_before=$(cpu_seconds); local jit_before; jit_before=$(jit_seconds)
  local written_before; written_before=$(written_bytes)
  local split_before; split_before=$(cpu_split)
  HUBRUN=$(bench hub "$ORDERS" "$2"); echo "$HUBRUN"
  local split_after; split_after=$(cpu_split)
  local cpu_after; cpu_after=$(cpu_seconds); local jit_after; jit_after=$(jit_seconds)
  local written_after; written_after=$(written_bytes)
  if [ -n "$trips_before" ]; then
    sleep 1.2
    awk -v a="$(ledger_round_trips)" -v b="$trips_before" -v n="$ORDERS" 'BEGIN {
      printf "ledger round trips per order: %.1f\n", (a - b) / n }'
  fi
  awk -v h="$(rate "$HUBRUN")" -v p="$(rate "$PERF")" -v b="$(rate "$BROKER")" -v g="$(rate "$GENERATOR")" 'BEGIN {
    printf "hub/perf: %.0f%%   hub/echo: %.0f%%   generator ceiling: %.1fx the hub\n", (p > 0 ? 100 * h / p : 0), 100 * h / b, g / h }'
  awk -v a="$cpu_after" -v b="$cpu_before" -v n="$ORDERS" 'BEGIN { printf "hub CPU per order: %.2f ms\n", 1000 * (a - b) / n }'
  # the 2 cores are shared: what each part took of them, the load generator's own included
  cpu_split_per_order "$split_before" "$split_after" "$ORDERS" "$(rate "$BROKER")"
  # what the hub's process wrote to the disk: the embedded broker's journal and the H2 ledger, or neither
  awk -v a="$written_after" -v b="$written_before" -v n="$ORDERS" 'BEGIN { printf "hub disk writes per order: %.1f KiB\n", (a - b) / n / 1024 }'
  # a JIT still compiling much is a hub still warming up: its CPU is not yet the hub's own
  awk -v a="$jit_after" -v b="$jit_before" -v c="$cpu_after" -v d="$cpu_before" 'BEGIN {
    printf "hub JIT compiling during the run: %.1f s (%.0f%% of the hub CPU)\n", a - b, 100 * (a - b) / (c - d) }'
  echo "hub peak RSS: $(rss VmHWM)"
  # with HUB_JAVA_OPTS=-XX:NativeMemoryTracking=summary: where the memory went, right after the run
  if [[ "${HUB_JAVA_OPTS:-}" == *NativeMemoryTracking* ]]; then
    echo "hub RSS after the run: $(rss VmRSS); committed MiB by area (Native Memory Tracking): $(nmt | tr '\n' ' ')"
  fi
  kill $events
}

machine

BROKERS=${BROKERS:-embedded standalone}
EMBEDDED_PERF=0 STANDALONE_PERF=0
if [[ " $BROKERS " == *" embedded "* ]]; then
  start_hub embedded "${POLL_ARGS[@]}"
  measure embedded $EMBEDDED_URL
  EMBEDDED_PERF=$(rate "$PERF")
  stop_hub
fi
[[ " $BROKERS " == *" standalone "* ]] || exit 0

start_standalone
start_hub standalone "${STANDALONE_ARGS[@]}" "${POLL_ARGS[@]}"
measure standalone $STANDALONE_URL
STANDALONE_PERF=$(rate "$PERF")
stop_hub
[[ " $BROKERS " == *" embedded "* ]] || exit 0
awk -v e="$EMBEDDED_PERF" -v s="$STANDALONE_PERF" 'BEGIN {
  printf "embedded broker / standalone broker (perf client, durable): %.0f%%\n", 100 * e / s }'
