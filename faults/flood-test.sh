#!/usr/bin/env bash
# Flood: ORDERS orders dropped on erp.orders at once, as fast as the broker confirms them, on a running hub with the
# Dockerfile's heap (bench/hub-memory.sh HUB_MEMORY) that exits on an OutOfMemoryError instead of limping on. The embedded
# broker keeps at most hub.broker.global-max-size (32 MB) of messages in memory and pages the rest to disk.
#
#   faults/flood-test.sh [ORDERS=100000] [MINUTES=3]        # PORT_BASE=29400 for other ports, KEEP=1 keeps the data
#   faults/flood-test.sh 100000 drain                       # watches until every order is answered (at most 3 hours)
#
# Every 10 s (every minute after the sends when draining), while the orders are sent and for MINUTES after the last
# one: orders answered (the hub's hub_orders_total), erp.orders and lane depth, the paging directory's size, the
# hub's RSS and threads, and the health checks so far (one a second, 5 s timeout: misses and the slowest). At the end:
# whether the broker started paging (AMQ222038), any OutOfMemoryError, the hub still alive, its answers and dead
# letters, and the drain rate.
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-100000}
MINUTES=${2:-3}
DRAIN=
if [ "$MINUTES" = drain ]; then DRAIN=1; MINUTES=180; fi
source bench/lib.sh
start_sandbox
export HUB_CONSOLE_PASSWORD=flood-test-console   # to read the broker's queue depth through Jolokia
HUB_JAVA_OPTS="${HUB_JAVA_OPTS:-} -XX:+ExitOnOutOfMemoryError"

machine
start_hub flood --logging.level.org.apache.activemq.artemis.core.server=INFO   # AMQ222038, paging, is INFO
echo "hub: ready in $READY_MS ms ($HUB_MEMORY -XX:+ExitOnOutOfMemoryError), idle RSS $(rss VmRSS)"
PAGING=$DATA/flood/artemis/paging

# health, once a second, for the whole run: time, HTTP status, seconds taken
( while kill -0 $HUB 2>/dev/null; do
    echo "$(date +%s) $(curl -s -o /dev/null -m 5 -w '%{http_code} %{time_total}' "$HEALTH")" >> "$DATA/health.log"
    sleep 1
  done ) &
MORE_PIDS=$!

metric() { curl -s "http://127.0.0.1:$HUB_PORT/actuator/prometheus" | awk -v m="$1" 'index($0, m) == 1 {s += $NF} END {printf "%d", s}'; }
health() { awk '{n++; if ($2 != 200) miss++; if ($3 > max) max = $3} END {printf "health_checks=%d misses=%d slowest_s=%.2f", n, miss, max}' "$DATA/health.log"; }
sample() {
  echo "t=$(( $(date +%s) - BEGIN ))s answered=$(( $(metric hub_orders_total) - ANSWERED_BEFORE )) erp.orders=$(queue_attribute erp.orders MessageCount) lane=$(metric hub_lane_depth) paging_mib=$(du -sm "$PAGING" 2>/dev/null | cut -f1) rss=$(rss VmRSS) threads=$(awk '/^Threads:/ {print $2}' /proc/$HUB/status) $(health)"
}

ANSWERED_BEFORE=$(metric hub_orders_total)
BEGIN=$(date +%s)
RUN=$BEGIN
# sends confirmed by the broker in the background (confirmationWindowSize), at most 256 unconfirmed
java -cp "$CP" bench/OrderStream.java send "$EMBEDDED_URL?confirmationWindowSize=1048576" $USER "$PASSWORD" "$RUN" "$ORDERS" samples/shipment-create.xml \
  > "$DATA/send.out" 2> "$DATA/send.err" &
SENDER=$!
MORE_PIDS="$MORE_PIDS $SENDER"
SENT_IN= T_SENT=
# drained: every order answered, nothing left on erp.orders or the lane
drained() {
  [ $(( $(metric hub_orders_total) - ANSWERED_BEFORE )) -ge "$ORDERS" ] && [ "$(queue_attribute erp.orders MessageCount)" = 0 ] \
    && [ "$(metric hub_lane_depth)" = 0 ]
}
while { [ -z "$T_SENT" ] || [ $(( $(date +%s) - T_SENT )) -lt $(( MINUTES * 60 )) ]; } && kill -0 $HUB 2>/dev/null; do
  if [ -n "$DRAIN" ] && [ -n "$T_SENT" ]; then
    sleep 60
    drained && { echo "drained $(( $(date +%s) - T_SENT )) s after the last send"; break; }
  else
    sleep 10
  fi
  if [ -z "$SENT_IN" ] && ! kill -0 $SENDER 2>/dev/null; then
    SENT_IN=$(( $(date +%s) - BEGIN ))
    echo "sender: $(cat "$DATA/send.out") in about $SENT_IN s"
    T_SENT=$(date +%s); ANSWERED_SENT=$(( $(metric hub_orders_total) - ANSWERED_BEFORE ))
  fi
  kill -0 $HUB 2>/dev/null && sample
done

echo "== after $(( $(date +%s) - BEGIN )) s"
if kill -0 $HUB 2>/dev/null; then
  ANSWERED=$(( $(metric hub_orders_total) - ANSWERED_BEFORE ))
  echo "hub alive, answered $ANSWERED of $ORDERS, erp.orders still holds $(queue_attribute erp.orders MessageCount); peak RSS $(rss VmHWM)"
  echo "answers on erp.order-status: $(queue_attribute erp.order-status MessageCount); dead letters: DLQ.erp.orders $(queue_attribute DLQ.erp.orders MessageCount), DLQ.carrier.bring-shipment $(queue_attribute DLQ.carrier.bring-shipment MessageCount)"
  [ -n "$SENT_IN" ] && awk -v a="$ANSWERED" -v b="$ANSWERED_SENT" -v t="$(( $(date +%s) - T_SENT ))" \
    'BEGIN { printf "drain rate after the sends: %.1f orders/s\n", (a - b) / t }'
else
  wait $HUB; echo "the hub DIED, exit code $?"
fi
echo "paging: $(grep -c AMQ222038 "$DATA/flood.log" || true) 'starting paging' (AMQ222038): $(grep -o 'AMQ222038.*' "$DATA/flood.log" | head -1 | cut -c1-160)"
echo "OutOfMemoryError in the hub's log: $(grep -c OutOfMemoryError "$DATA/flood.log" || true)"
echo "$(health)"
