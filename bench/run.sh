#!/usr/bin/env bash
# Re-runnable benchmark: the hub as it ships (embedded Artemis, persistent journal, H2 ledger, Bring Shipment
# sandbox) against the bare broker moving the same messages with the same durability, on this machine.
#
#   bench/run.sh [ORDERS=2000] [IN_FLIGHT=64]
#   HUB_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/hub.jfr" bench/run.sh   # with a JFR profile of the hub
#
# Prints orders/s, p50/p99 latency (send to answer) for both, their ratio, and the hub's peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-2000}
IN_FLIGHT=${2:-64}
CONSUMERS=4   # the hub's hub.intake.consumers; the broker-only echo gets as many
URL=tcp://127.0.0.1:61616
USER=hub
PASSWORD=${HUB_BROKER_PASSWORD:-hub-dev-password}

./mvnw -q -B -DskipTests package
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
DATA=$(mktemp -d /tmp/carrier-hub-bench.XXXXXX)

java ${HUB_JAVA_OPTS:-} -jar target/carrier-hub-*.jar --hub.data-dir="$DATA" --server.port=18080 \
  --hub.intake.consumers=$CONSUMERS --logging.level.root=WARN > "$DATA/hub.log" 2>&1 &
HUB=$!
trap 'kill $HUB 2>/dev/null; wait $HUB 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf http://localhost:18080/actuator/health >/dev/null && break
  kill -0 $HUB 2>/dev/null || { cat "$DATA/hub.log"; exit 1; }
  sleep 1
done

bench() {
  java -cp "$CP" bench/OrderBenchmark.java "$1" $URL $USER "$PASSWORD" "$2" $IN_FLIGHT samples/shipment-create.xml $CONSUMERS 2>/dev/null | grep '^mode='
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
bench broker 200 >/dev/null   # warm-up
bench hub 200 >/dev/null
BROKER=$(bench broker "$ORDERS"); echo "$BROKER"
HUBRUN=$(bench hub "$ORDERS"); echo "$HUBRUN"
rate() { sed -E 's/.*orders_per_s=([0-9.]+).*/\1/' <<<"$1"; }
awk -v h="$(rate "$HUBRUN")" -v b="$(rate "$BROKER")" 'BEGIN { printf "hub/broker throughput: %.0f%%\n", 100 * h / b }'
echo "hub peak RSS: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/$HUB/status)"
