#!/usr/bin/env bash
# Poison: an order message that crashes the hub every time it is handled. The hub is restarted after each crash, as a
# supervisor would, up to MAX_ATTEMPTS + 2 starts; the script shows where the poison ended, whether the hub then stays
# up, and whether it books good orders sent after the poison.
#
# POISON=crash (the default): the hub dies while a lane handles the poison, each time it does. The script is the
# cause: while the poison waits for the Bring sandbox's answer (3 s of latency), it kills the hub with SIGKILL, seen by
# the broker as any crash on the message: the delivery is never acknowledged nor cancelled, and the next start
# delivers it again with its count, which the broker writes before each delivery (persist-delivery-count-before-
# delivery). The broker's max-delivery-attempts does not apply, as nothing is ever cancelled; the lane's first step
# (DeliveryLimit) refuses the delivery past MAX_ATTEMPTS: dead letter, REJECTED. Bring, like a real carrier, books
# each request it got whether or not the caller is still there to read the answer: a booking per crash.
# POISON=size: a valid order with a comment of POISON_MIB Mi characters, which the JMS client would read whole on
# receipt and with which it would fill the Dockerfile's 256 MB heap (-XX:+ExitOnOutOfMemoryError); the intake takes
# no message over hub.intake.max-order-bytes, and the broker moves it to the DLQ unread.
#
#   faults/poison-test.sh [GOOD_ORDERS=20]        # POISON=crash|size, POISON_MIB=64, MAX_ATTEMPTS=5, PORT_BASE, KEEP=1
set -euo pipefail
cd "$(dirname "$0")/.."
GOOD_ORDERS=${1:-20}
POISON=${POISON:-crash}
POISON_MIB=${POISON_MIB:-64}
MAX_ATTEMPTS=${MAX_ATTEMPTS:-5}   # hub.broker.redelivery.max-attempts (the hub's default: 20), lower to see it sooner
source bench/lib.sh
start_sandbox
export HUB_CONSOLE_PASSWORD=poison-test-console   # to read the dead-letter queues and the lane through Jolokia
HUB_JAVA_OPTS="${HUB_JAVA_OPTS:-} -XX:+ExitOnOutOfMemoryError"
hub() { start_hub poison --hub.broker.redelivery.max-attempts=$MAX_ATTEMPTS; }
stream() { java -cp "$CP" bench/OrderStream.java "$1" $EMBEDDED_URL $USER "$PASSWORD" "${@:2}" 2>/dev/null; }
dead_letters() { curl -s -u ops:$HUB_CONSOLE_PASSWORD "http://127.0.0.1:$HUB_PORT/actuator/deadletters"; }
faults() { curl -s -X "$1" "http://127.0.0.1:$SANDBOX_PORT/_sandbox/faults" -H 'Content-Type: application/json' ${2:+-d "$2"} >/dev/null; }
# how many deliveries of the Bring lane are under way; 0 while the hub is down
lane_delivering() { local n; n=$(queue_attribute carrier.bring-shipment DeliveringCount); [ "$n" = "?" ] && echo 0 || echo "$n"; }

machine
hub
echo "hub: ready in $READY_MS ms ($HUB_MEMORY -XX:+ExitOnOutOfMemoryError); dead letters: $(dead_letters)"
if [ "$POISON" = size ]; then
  python3 - "$POISON_MIB" > "$DATA/poison.xml" <<'PY'
import sys
order = open("samples/shipment-create.xml").read()
head, tail = order.split("\n", 1)
print(head + "\n<!-- " + "x" * (int(sys.argv[1]) * 1024 * 1024) + " -->\n" + tail, end="")
PY
  echo "poison: a valid order with a comment of $POISON_MIB Mi characters, $(du -m "$DATA/poison.xml" | cut -f1) MiB"
else
  cp samples/shipment-create.xml "$DATA/poison.xml"
  faults PUT '{"latency":"PT3S"}'
  # the crash: whenever the lane has held a delivery for a second (only the poison is sent until the hub stays up; it
  # waits 3 s for Bring, a refusal takes milliseconds), the hub is killed
  ( while true; do
      if [ "$(lane_delivering)" -gt 0 ] && sleep 1 && [ "$(lane_delivering)" -gt 0 ]; then
        pid=$(pgrep -f -- "--hub.data-dir=$DATA/poison " || true)
        [ -n "$pid" ] && kill -9 $pid && echo "$(date +%T.%N | cut -c1-12) killed $pid" >> "$DATA/crashes.log"
      fi
      sleep 0.2
    done ) &
  MORE_PIDS=$!
  echo "poison: a valid order; the hub is killed (SIGKILL) whenever its Bring lane is handling it"
fi
stream send POISON 1 "$DATA/poison.xml" || echo "the sender lost the broker: the hub crashed before confirming the send"

# the supervisor: the hub started again after each crash, until it stays up 60 s
CRASHES=0
for start in $(seq 1 $((MAX_ATTEMPTS + 2))); do
  if kill -0 $HUB 2>/dev/null; then
    for _ in $(seq 1 60); do kill -0 $HUB 2>/dev/null || break; sleep 1; done
  fi
  if kill -0 $HUB 2>/dev/null; then
    echo "start $start: the hub has been up for 60 s"
    break
  fi
  CODE=0; wait $HUB || CODE=$?
  CRASHES=$((CRASHES + 1))
  echo "crash $CRASHES: exit code $CODE $(grep -o 'Terminating due to java.lang.OutOfMemoryError.*' "$DATA/poison.log" | tail -1)"
  HUB=
  hub || true   # it may die again before it is up: the loop sees that
done
kill -0 $HUB 2>/dev/null || { echo "the hub is still crashing after $CRASHES crashes"; exit 1; }
if [ "$POISON" != size ]; then
  kill $MORE_PIDS; wait $MORE_PIDS 2>/dev/null || true; MORE_PIDS=
  faults DELETE
fi
echo "crashes: $CRASHES (hub.broker.redelivery.max-attempts=$MAX_ATTEMPTS); dead letters: $(dead_letters)"
if [ "$POISON" = size ]; then
  echo "the broker: $(grep -o 'AMQ222149: Sending message Reference.*' "$DATA/poison.log" | grep -o '_AMQ_LARGE_SIZE=[0-9]*\|JMSCorrelationID=[^],]*\|to Dead Letter Address.*' | tr '\n' ' ')"
else
  echo "the hub: $(grep -o 'rejected \[DELIVERY_LIMIT\].*' "$DATA/poison.log" | tail -1)"
  stream collect POISON 1 10 "$DATA/poison-answer.tsv" >/dev/null || true
  echo "the poison's answer on erp.order-status: $(tr '\t' ' ' < "$DATA/poison-answer.tsv" 2>/dev/null || echo none)"
  echo "the poison's bookings at Bring: $(curl -s "http://127.0.0.1:$SANDBOX_PORT/_sandbox/requests?path=/shipment/sendshipment" | python3 -c 'import json, sys; print(sum("KS-POISON-0" in r["body"] for r in json.load(sys.stdin)))')"
fi

stream send GOOD "$GOOD_ORDERS" samples/shipment-create.xml >/dev/null || {
  echo "sending the good orders failed; the hub $(kill -0 $HUB 2>/dev/null && echo is up || echo 'died again:') $(grep -c Terminating "$DATA/poison.log") crashes in its log"
  exit 1
}
echo "good orders after the poison: $(stream collect GOOD "$GOOD_ORDERS" 60)"
echo "hub still alive: $(kill -0 $HUB 2>/dev/null && echo yes || echo no), health $(curl -s -o /dev/null -w '%{http_code}' "$HEALTH"), RSS $(rss VmRSS)"
kill -0 $HUB 2>/dev/null || exit 1
