#!/usr/bin/env bash
# Poison: an order message that crashes the hub every time it is handled. It is a real crash: an order of
# POISON_MIB million characters (a valid order with a comment that long), which the hub's JMS client reads whole when
# it receives it, fills the Dockerfile's 256 MB heap, and -XX:+ExitOnOutOfMemoryError ends the JVM. No acknowledgement
# ever goes back, so the broker gives the message again at the next start, with its delivery count (written before
# each delivery: persist-delivery-count-before-delivery). The script restarts the hub after each crash, as a supervisor
# would, up to hub.broker.redelivery.max-attempts + 2 starts, and shows whether the broker moved the message to DLQ.erp.orders
# (AMQ222149) and whether the hub then stays up and books good orders sent after the poison. Artemis enforces the
# delivery limit only when a delivery is cancelled, which a JVM that dies never does (faults/README.md).
#
#   faults/poison-test.sh [GOOD_ORDERS=20]        # POISON_MIB=64, MAX_ATTEMPTS=5, PORT_BASE=29400, KEEP=1 keeps the data
set -euo pipefail
cd "$(dirname "$0")/.."
GOOD_ORDERS=${1:-20}
POISON_MIB=${POISON_MIB:-64}
MAX_ATTEMPTS=${MAX_ATTEMPTS:-5}   # hub.broker.redelivery.max-attempts (the hub's default: 20), lower to see it sooner
source bench/lib.sh
start_sandbox
export HUB_CONSOLE_PASSWORD=poison-test-console   # to read the dead-letter queues' depths
HUB_JAVA_OPTS="${HUB_JAVA_OPTS:-} -XX:+ExitOnOutOfMemoryError"
hub() { start_hub poison --hub.broker.redelivery.max-attempts=$MAX_ATTEMPTS; }
stream() { java -cp "$CP" bench/OrderStream.java "$1" $EMBEDDED_URL $USER "$PASSWORD" "$2" "$3" "$4" 2>/dev/null; }
dead_letters() { curl -s -u ops:$HUB_CONSOLE_PASSWORD "http://127.0.0.1:$HUB_PORT/actuator/deadletters"; }

machine
hub
echo "hub: ready in $READY_MS ms ($HUB_MEMORY -XX:+ExitOnOutOfMemoryError); dead letters: $(dead_letters)"
python3 - "$POISON_MIB" > "$DATA/poison.xml" <<'PY'
import sys
order = open("samples/shipment-create.xml").read()
head, tail = order.split("\n", 1)
print(head + "\n<!-- " + "x" * (int(sys.argv[1]) * 1024 * 1024) + " -->\n" + tail, end="")
PY
echo "poison: a valid order with a comment of $POISON_MIB Mi characters, $(du -m "$DATA/poison.xml" | cut -f1) MiB"
stream send POISON 1 "$DATA/poison.xml" || echo "the sender lost the broker: the hub crashed before confirming the send"

# the supervisor: the hub started again after each crash, until it stays up 60 s (at most crash-redeliveries + 2 starts)
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
  echo "crash $CRASHES: exit code $CODE, the log says: $(grep -o 'Terminating due to java.lang.OutOfMemoryError.*' "$DATA/poison.log" | tail -1)"
  HUB=
  hub || true   # it may die again before it is up: the loop sees that
done
kill -0 $HUB 2>/dev/null || { echo "the hub is still crashing after $CRASHES crashes"; exit 1; }
echo "crashes: $CRASHES (hub.broker.redelivery.max-attempts=$MAX_ATTEMPTS); dead letters: $(dead_letters)"
echo "the broker: $(grep -o 'AMQ222149: Sending message Reference.*' "$DATA/poison.log" | grep -o '_AMQ_LARGE_SIZE=[0-9]*\|JMSCorrelationID=[^],]*\|to Dead Letter Address.*' | tr '\n' ' ')"

stream send GOOD "$GOOD_ORDERS" samples/shipment-create.xml >/dev/null || {
  echo "sending the good orders failed; the hub $(kill -0 $HUB 2>/dev/null && echo is up || echo 'died again:') $(grep -c Terminating "$DATA/poison.log") crashes in its log"
  exit 1
}
echo "good orders after the poison: $(stream collect GOOD "$GOOD_ORDERS" 60)"
echo "hub still alive: $(kill -0 $HUB 2>/dev/null && echo yes || echo no), health $(curl -s -o /dev/null -w '%{http_code}' "$HEALTH"), RSS $(rss VmRSS)"
kill -0 $HUB 2>/dev/null || exit 1
