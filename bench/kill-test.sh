#!/usr/bin/env bash
# The hub killed mid-stream: ORDERS orders are dropped on erp.orders, the hub is killed with SIGKILL KILLS times at
# random moments and started again on the same data, and at the end the ERP's answers and the bookings the Bring
# sandbox received (in a JVM of its own, so that it outlives the kills) are counted. The hub numbers shipments and
# packages from a range (hub.carriers.bring-shipment.shipment-numbers), so every retry, even after a kill between
# Bring's answer and the hub's commit, meets "exists already" instead of booking again.
#
#   bench/kill-test.sh [ORDERS=1000] [KILLS=3]        # KEEP=1 keeps the data directory and logs
#
# Prints the answers (every order answered once, all accepted) and the bookings per order (exactly one each).
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-1000}
KILLS=${2:-3}
URL=tcp://127.0.0.1:61616
USER=hub
PASSWORD=${HUB_BROKER_PASSWORD:-hub-dev-password}
SANDBOX_PORT=18091

./mvnw -q -B -DskipTests package
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
JAR=$(ls target/carrier-hub-*.jar)
DATA=$(mktemp -d /tmp/carrier-hub-kill.XXXXXX)
HUB=
java -Dloader.main=io.carrierhub.bring.shipment.sandbox.StandaloneBringSandbox -cp "$JAR" \
  org.springframework.boot.loader.launch.PropertiesLauncher $SANDBOX_PORT > "$DATA/sandbox.log" 2>&1 &
SANDBOX=$!
trap 'kill $HUB $SANDBOX 2>/dev/null; wait 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$DATA"' EXIT

start_hub() {
  java -jar "$JAR" --hub.data-dir="$DATA" --server.port=18080 --logging.level.root=WARN \
    --hub.sandbox.bring-shipment.enabled=false \
    --hub.carriers.bring-shipment.base-url=http://127.0.0.1:$SANDBOX_PORT/shipment \
    --hub.carriers.bring-shipment.shipment-numbers.first=7099000000000000 \
    --hub.carriers.bring-shipment.shipment-numbers.last=7099000099999999 \
    --hub.carriers.bring-shipment.package-numbers.first=37099000000000000 \
    --hub.carriers.bring-shipment.package-numbers.last=37099000999999999 >> "$DATA/hub.log" 2>&1 &
  HUB=$!
  for _ in $(seq 1 600); do
    curl -sf http://localhost:18080/actuator/health >/dev/null && return
    kill -0 $HUB 2>/dev/null || { tail -50 "$DATA/hub.log"; exit 1; }
    sleep 0.2
  done
  echo "the hub did not start"; exit 1
}
stream() {
  java -cp "$CP" bench/OrderStream.java "$@" $URL $USER "$PASSWORD" "$RUN" "$ORDERS" "$LAST"
}
bookings() {
  curl -s http://127.0.0.1:$SANDBOX_PORT/_sandbox/bring-shipment/shipments | python3 -c '
import collections, json, sys
run = sys.argv[1]
counts = collections.Counter(s["sendersReference"] for s in json.load(sys.stdin)
                             if s["sendersReference"].startswith("KS-" + run + "-") and s["updateIndicator"].lower() == "original")
print("orders_booked=%d bookings=%d booked_more_than_once=%d" % (len(counts), sum(counts.values()),
      sum(1 for c in counts.values() if c > 1)))' "$RUN"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
start_hub
RUN=$(date +%s)
LAST=samples/shipment-create.xml stream send
for k in $(seq 1 "$KILLS"); do
  sleep $(( RANDOM % 5 + 2 ))
  kill -9 $HUB; wait $HUB 2>/dev/null || true
  echo "kill $k: $(bookings)"
  start_hub
done
LAST=60 stream collect
bookings
