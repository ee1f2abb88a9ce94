#!/usr/bin/env bash
# Load held: the hub (embedded broker, H2 ledger, the Bring Shipment sandbox in a JVM of its own, the Dockerfile's
# heap) first measured closed-loop as bench/run.sh does, then loaded open-loop at a fixed rate, by default 80% of
# that maximum, for MINUTES. The ledger's working tables keep rows for SOAK_RETENTION (purged every
# SOAK_PURGE_INTERVAL), so that the retention purge shows within the run. The Bring tracking poll runs from the warm-up
# on (TRACKING_POLL_ARGS, bench/lib.sh says why), beside the orders throughout.
#
#   bench/soak.sh [MINUTES=10] [RATE=80% of the measured maximum]   # orders per second, or a share of the maximum
#   PORT_BASE=29400 bench/soak.sh 2 10                              # every port from PORT_BASE (bench/lib.sh)
#   WARMUP=6000 bench/soak.sh 3 50%                                 # the JIT warmed up first (default 200 orders)
#   LEDGER=postgres bench/soak.sh 3 50%                             # the ledger on a PostgreSQL server of its own, as in
#                                                                   # production (bench/lib.sh), on PORT_BASE+30
#   BROKER=standalone LEDGER=postgres bench/soak.sh 3 50%           # and the hub a client of a standalone Artemis made by
#                                                                   # `artemis create` (bench/artemis.sh) on PORT_BASE+21,
#                                                                   # as in production; the echo then runs on that broker
#   HUB_SHAPE=cds bench/soak.sh 3 50%                               # the hub as its image runs it (bench/cds.sh)
#
# Prints the measured maximum, then per minute: orders sent and answered in that minute, p50/p99/max latency of its
# answers (from each order's due time), orders unanswered, the CPU the hypervisor took from the machine (cpu_steal, and
# the seconds it took 5% or more), the CPU's wait for the disk (cpu_iowait, and the seconds it waited 25% or more: the
# broker's and the ledger's syncs wait then too), the hub's RSS, its peak so far (VmHWM; also printed after the warm-up and the
# maximum) and live threads, the carrier calls' own
# p50/p99/max (hub_carrier_call.duration_ms: the sandbox's share of the latency), and the rows of
# CAMEL_MESSAGEPROCESSED (idempotency keys) and hub_carrier_call (audit), and the H2 file: its size
# (ledger_file_mib), its blocks in use (ledger_file_fill), the live share of all its chunks (ledger_chunks_fill) and
# of those past H2's retention time (ledger_old_chunks_fill), read over H2's automatic server mode; or with PostgreSQL,
# the database's size (ledger_db_mib) and the write-ahead log written so far (ledger_wal_written_mib). The first 10 s
# of the load are sent but not counted. Then the stages of the answered orders' latency, from the ledger's timestamps
# (OrderSoak's javadoc), each order's in $DATA/soak-stages.csv (KEEP=1 keeps it), and the latency of the orders
# answered away from stolen seconds, and away from the seconds the CPU waited for the disk.
# Then where the hub's memory went during the soak: what grew at each rise of its peak RSS in the held load (its
# mappings and NMT's areas, rss_rises in bench/lib.sh: the last rise printed, all in $DATA/rss-rises.txt), the JVM's own
# account of it (Native Memory Tracking, its committed MiB per area at the start of the soak and at the end) beside the
# RSS, NIO's direct buffers, and the largest classes of the live heap (after a full GC) at the start and the end.
# Last, the broker's share of the latency: ECHO_MINUTES (default 2) of the same load at the same rate on the same broker,
# moved by echo consumers that do the broker's part of the hub's work and nothing else (OrderSoak's echo mode); what
# the hub adds is the difference between the two.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
RATE=${2:-}
IN_FLIGHT=64
MAX_ORDERS=${MAX_ORDERS:-1000}   # the closed-loop run that measures the maximum
WARMUP=${WARMUP:-200}
SOAK_RETENTION=${SOAK_RETENTION:-2m}
SOAK_PURGE_INTERVAL=${SOAK_PURGE_INTERVAL:-30s}
ECHO_MINUTES=${ECHO_MINUTES:-2}
BROKER=${BROKER:-embedded}
source bench/lib.sh
HUB_JAVA_OPTS="${HUB_JAVA_OPTS:-} -XX:NativeMemoryTracking=summary"
start_sandbox
URL=$EMBEDDED_URL BROKER_ARGS=()
if [ "$BROKER" = standalone ]; then
  start_standalone
  URL=$STANDALONE_URL BROKER_ARGS=("${STANDALONE_ARGS[@]}")
fi

machine
# with H2, the hub's ledger URL, served to the soak's ledger reads (AUTO_SERVER, which H2 refuses with
# DB_CLOSE_ON_EXIT=FALSE); with PostgreSQL, start_hub sets it
[ "$LEDGER" = postgres ] || \
  LEDGER_URL="jdbc:h2:file:retry:$DATA/soak/ledger;MODE=PostgreSQL;LOCK_TIMEOUT=30000;WRITE_DELAY=0;AUTO_SERVER=TRUE;AUTO_SERVER_PORT=$LEDGER_PORT"
start_hub soak ${LEDGER_URL:+"--spring.datasource.url=$LEDGER_URL"} "${BROKER_ARGS[@]}" "${TRACKING_POLL_ARGS[@]}" \
  --hub.retention.idempotency-keys=$SOAK_RETENTION --hub.retention.carrier-calls=$SOAK_RETENTION \
  --hub.retention.purge-interval=$SOAK_PURGE_INTERVAL --logging.level.io.carrierhub.ledger=INFO
echo "hub: ready in $READY_MS ms ($HUB_MEMORY), idle RSS $(rss VmRSS); retention $SOAK_RETENTION, purge every $SOAK_PURGE_INTERVAL"
bench hub "$WARMUP" $URL >/dev/null
echo "warm-up: $WARMUP orders; hub peak RSS so far $(rss VmHWM)"
MAX=$(bench hub "$MAX_ORDERS" $URL)
echo "maximum (closed loop, $MAX_ORDERS orders, at most $IN_FLIGHT unanswered): $MAX; hub peak RSS so far $(rss VmHWM)"
SHARE=80%
case "$RATE" in ''|*%) SHARE=${RATE:-$SHARE}; RATE=$(awk -v m="$(rate "$MAX")" -v s="${SHARE%\%}" 'BEGIN { printf "%.1f", s / 100 * m }') ;; esac
echo "soak: $RATE orders/s for $MINUTES minutes (open loop)"
# the load generator compiled once, and light on the cores it shares with the hub: Serial's short pauses and C1's
# compiles, not G1's threads and C2's bursts of a core (seen in the soak's own seconds)
javac -d "$DATA/bench-classes" -cp "$CP" bench/OrderSoak.java
SOAK_CLIENT=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx512m -cp "$DATA/bench-classes:$CP")
nmt > "$DATA/nmt-start"
direct_buffers > "$DATA/direct-start"
jcmd $HUB GC.class_histogram | sed -n 4,13p > "$DATA/histogram-start"   # after a full GC: what is live
# what grows at each rise of the peak RSS in the held load, NMT's areas with each rise above the peak so far
PEAK=$(rss VmHWM)
rss_rises "${PEAK% MiB}" > "$DATA/rss-rises.txt" & RISES=$!; MORE_PIDS="$MORE_PIDS $RISES"
"${SOAK_CLIENT[@]}" -Dsoak.stages="$DATA/soak-stages.csv" OrderSoak $URL $USER "$PASSWORD" "$RATE" "$MINUTES" \
  samples/shipment-create.xml $HUB "$LEDGER_URL" hub "$LEDGER_PASSWORD" 2>"$DATA/soak-client.log"
kill $RISES 2>/dev/null || true
nmt > "$DATA/nmt-end"
direct_buffers > "$DATA/direct-end"
echo "hub peak RSS: $(rss VmHWM); purges logged: $(grep -c 'Ledger retention:' "$DATA/soak.log" || true)"
echo "rises of the peak RSS in the held load, what grew in each: $DATA/rss-rises.txt (KEEP=1 keeps it), last:"
awk '/^[0-9]/ { block = "" } { block = block $0 "\n" } END { printf "%s", block }' "$DATA/rss-rises.txt" | sed 's/^/  /'
echo "memory, committed MiB (Native Memory Tracking): area start -> end"
awk 'NR == FNR { start[$1] = $2; next } { printf "  %-26s %6d -> %6d\n", $1, start[$1], $2 }' "$DATA/nmt-start" "$DATA/nmt-end"
echo "  RSS at the end: $(rss VmRSS); the rest of RSS is memory the JVM does not track (the C heap of native code)"
echo "  of Other, NIO's direct buffers (jvm_buffer_memory_used_bytes): $(cat "$DATA/direct-start") -> $(cat "$DATA/direct-end") MiB"
echo "live heap, largest classes after a full GC, at the soak's start:"
cat "$DATA/histogram-start"
echo "and at its end:"
jcmd $HUB GC.class_histogram | sed -n 4,13p
echo "heap after that full GC: $(jcmd $HUB GC.heap_info | grep -Eo 'used [0-9]+K' | head -1)"
echo "the broker's share: echo consumers (an intake hop and a lane hop, transacted) at $RATE orders/s for $ECHO_MINUTES minutes, same broker"
"${SOAK_CLIENT[@]}" OrderSoak $URL $USER "$PASSWORD" "$RATE" "$ECHO_MINUTES" samples/shipment-create.xml $HUB \
  "$LEDGER_URL" hub "$LEDGER_PASSWORD" echo 2>>"$DATA/soak-client.log" | sed -E 's/ hub_rss_mib=.*//; s/^/  echo /'
