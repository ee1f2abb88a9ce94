#!/usr/bin/env bash
# Start-up of the hub, from `java` to /actuator/health UP, on a fresh data directory each time:
#   jar  - the fat jar as built (java -jar target/carrier-hub-*.jar)
#   cds  - the jar extracted (java -Djarmode=tools ... extract) with a class data sharing archive made by a training
#          run (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh), as Spring Boot documents it and as the
#          Dockerfile runs the hub
#
#   bench/startup.sh [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
HUB_MEMORY=${HUB_MEMORY:--Xms64m -Xmx256m -XX:MaxMetaspaceSize=160m -Xss512k -XX:TrimNativeHeapInterval=5000 -Djdk.nio.maxCachedBufferSize=262144}
./mvnw -q -B -DskipTests package
JAR=$(ls target/carrier-hub-*.jar)
WORK=$(mktemp -d /tmp/carrier-hub-startup.XXXXXX)
trap 'kill $HUB 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
HUB=
ARGS=(--server.port=18070 --hub.broker.tcp-acceptor= --hub.sandbox.bring-shipment.port=0 --hub.sandbox.drivoo.port=0
      --hub.carriers.bring-shipment.base-url=http://127.0.0.1:9/shipment --hub.carriers.drivoo.base-url=http://127.0.0.1:9)

java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP=$WORK/app/$(basename "$JAR")
java $HUB_MEMORY -XX:ArchiveClassesAtExit="$WORK/app/hub.jsa" -Dspring.context.exit=onRefresh -jar "$APP" \
  --hub.data-dir="$WORK/training" "${ARGS[@]}" > "$WORK/training.log" 2>&1 || { cat "$WORK/training.log"; exit 1; }

# ready LABEL JAVA-ARGS...: milliseconds to health UP
ready() {
  local label=$1; shift
  rm -rf "$WORK/data"
  local start; start=$(date +%s%N)
  java $HUB_MEMORY "$@" --hub.data-dir="$WORK/data" "${ARGS[@]}" > "$WORK/$label.log" 2>&1 &
  HUB=$!
  until curl -sf http://localhost:18070/actuator/health >/dev/null; do
    kill -0 $HUB 2>/dev/null || { cat "$WORK/$label.log"; exit 1; }
    sleep 0.05
  done
  echo "$label $(( ($(date +%s%N) - start) / 1000000 ))"
  kill $HUB; wait $HUB 2>/dev/null || true; HUB=
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$RUNS"); do
  ready jar -jar "$JAR"
  ready cds -XX:SharedArchiveFile="$WORK/app/hub.jsa" -Xlog:cds=off -jar "$APP"
done | awk '{ ms[$1] = ms[$1] " " $2; sum[$1] += $2; n[$1]++ }
  END { for (k in ms) printf "%s: ready in%s ms (mean %.0f)\n", k, ms[k], sum[k] / n[k] }'
