#!/usr/bin/env bash
# Start-up of the hub, from `java` to /actuator/health UP, on a fresh data directory each time:
#   jar  - the fat jar as built (java -jar target/carrier-hub-*.jar)
#   cds  - the jar extracted with a class data sharing archive, as the Dockerfile runs the hub (bench/cds.sh)
#   cluster-jar, cluster-cds - the same two with the `cluster` profile, as in production: no broker and no sandboxes
#          in the hub's JVM; a standalone Artemis (bench/artemis.sh) and a PostgreSQL ledger (bench/postgres.sh, a
#          fresh cluster each start, made before the clock starts)
#   jar25, aot25 - the fat jar, and the extracted jar with an AOT cache made by a training run (-XX:AOTCacheOutput,
#          JEP 514, as Spring Boot documents it for Java 25), both on the Java 25 at JAVA25: what a newer runtime would
#          give the start; the hub is built for and runs on Java 17
#
#   bench/startup.sh [RUNS=3]
#   SHAPES="jar cds cluster-jar cluster-cds" bench/startup.sh 2     # default: jar cds
#   SHAPES="jar cds jar25 aot25" JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/startup.sh 2
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
SHAPES=${SHAPES:-jar cds}
PASSWORD=bench-password
. bench/artemis.sh
. bench/postgres.sh
. bench/hub-memory.sh
. bench/cds.sh
./mvnw -q -B -DskipTests package
JAR=$(ls target/carrier-hub-*.jar)
WORK=$(mktemp -d /tmp/carrier-hub-startup.XXXXXX)
trap 'kill $HUB $ARTEMIS_PID 2>/dev/null || true; postgres_stop "$WORK/pg"; wait 2>/dev/null; rm -rf "$WORK"' EXIT
HUB= ARTEMIS_PID=
ARGS=(--server.port=18070 --hub.broker.tcp-acceptor= --hub.sandbox.bring-shipment.port=0 --hub.sandbox.drivoo.port=0
      --hub.carriers.bring-shipment.base-url=http://127.0.0.1:9/shipment --hub.carriers.drivoo.base-url=http://127.0.0.1:9)

cds_app "$JAR" "$WORK/app"
JAVA25=${JAVA25:-java}
if [[ " $SHAPES " == *" aot25 "* ]]; then
  "$JAVA25" $HUB_MEMORY -XX:AOTCacheOutput="$WORK/app/hub.aot" -Dspring.context.exit=onRefresh -jar "$CDS_APP" \
    --hub.data-dir="$WORK/training25" "${ARGS[@]}" > "$WORK/training25.log" 2>&1 || { cat "$WORK/training25.log"; exit 1; }
fi

# the cluster profile's settings, by environment as docker/compose.yaml gives them; no carrier is called (the Bringg
# merchant is the sandbox's, with its default credentials)
CLUSTER_ENV=(SPRING_PROFILES_ACTIVE=cluster HUB_BROKER_URL=tcp://127.0.0.1:18071 HUB_BROKER_PASSWORD=$PASSWORD
             SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:18072/postgres SPRING_DATASOURCE_USERNAME=hub
             SPRING_DATASOURCE_PASSWORD=$PASSWORD BRINGG_URL=https://127.0.0.1:9 BRINGG_WEBHOOK_KEYS=sandbox=bench-key)
if [[ " $SHAPES " == *" cluster-"* ]]; then
  artemis_fetch
  postgres_fetch
  artemis_create "$WORK/broker" 18071 hub $PASSWORD
  artemis_start "$WORK/broker"
fi
# fresh_ledger: a new PostgreSQL cluster in $WORK/pg, so that each start migrates as a fresh data directory does
fresh_ledger() {
  postgres_stop "$WORK/pg"
  rm -rf "$WORK/pg"
  postgres_create "$WORK/pg" hub $PASSWORD
  postgres_start "$WORK/pg" 18072
}

# ready LABEL JAVA-ARGS...: milliseconds to health UP
ready() {
  local label=$1 java=java; shift
  [[ $label == *25 ]] && java=$JAVA25
  rm -rf "$WORK/data"
  local environment=()
  if [[ $label == cluster-* ]]; then fresh_ledger; environment=("${CLUSTER_ENV[@]}"); fi
  local start; start=$(date +%s%N)
  env $HUB_ENV "${environment[@]}" "$java" $HUB_MEMORY "$@" --hub.data-dir="$WORK/data" "${ARGS[@]}" > "$WORK/$label.log" 2>&1 &
  HUB=$!
  until curl -sf http://localhost:18070/actuator/health >/dev/null; do
    kill -0 $HUB 2>/dev/null || { cat "$WORK/$label.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "$label $(( ($(date +%s%N) - start) / 1000000 ))"
  kill $HUB; wait $HUB 2>/dev/null || true; HUB=
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)$([[ " $SHAPES " == *"25 "* ]] && echo " and $("$JAVA25" -version 2>&1 | head -1)"), load $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$RUNS"); do
  for shape in $SHAPES; do
    case $shape in
      *jar | jar25) ready $shape -jar "$JAR" ;;
      *cds) ready $shape "${CDS_LAUNCH[@]}" ;;
      aot25) ready $shape -XX:AOTCache="$WORK/app/hub.aot" -Xlog:aot=off,cds=off -jar "$CDS_APP" ;;
    esac
  done
done | awk '{ ms[$1] = ms[$1] " " $2; sum[$1] += $2; n[$1]++ }
  END { for (k in ms) printf "%s: ready in%s ms (mean %.0f)\n", k, ms[k], sum[k] / n[k] }'
