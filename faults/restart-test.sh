#!/usr/bin/env bash
# Broker and database restarts during a stream of orders. The hub runs as in production: a client of a standalone
# Artemis (made by `artemis create`, with the queue settings of docker/artemis/broker.xml) and of a PostgreSQL server
# (the PostgreSQL 17 binaries Maven Central publishes for zonky's embedded-postgres: initdb and pg_ctl), calling the
# Bring Shipment sandbox in a JVM of its own. The hub numbers shipments from a range, so a retry meets "exists
# already" instead of booking again (as bench/kill-test.sh). While the ERP's orders arrive at RATE a second, CYCLES
# times, at random moments: the broker is killed (SIGKILL, odd cycles) or stopped (`artemis stop`, even cycles) and
# started again, then PostgreSQL is stopped (`pg_ctl stop -m immediate`) and started again.
#
#   faults/restart-test.sh [ORDERS=3000] [CYCLES=10]     # RATE=4 orders/s, PORT_BASE=18100, KEEP=1 keeps $DATA
#
# Ports: hub PORT_BASE, sandbox +1, broker +2, PostgreSQL +3, the hub's other embedded sandboxes +4..+7.
# Prints, per restart, when /actuator/health went DOWN and came back UP; after cycle 1 and after the last cycle the
# hub's threads, open files, TCP connections to the broker and to PostgreSQL and Hikari's connections, side by side;
# at the end the ERP's answers (each order answered once, accepted), the bookings at the sandbox (one per order),
# what is left on erp.orders and the lane, and the dead-letter queues.
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-3000}
CYCLES=${2:-10}
RATE=${RATE:-4}
PORT_BASE=${PORT_BASE:-18100}
HUB_PORT=$PORT_BASE
SANDBOX_PORT=$((PORT_BASE + 1))
BROKER_PORT=$((PORT_BASE + 2))
PG_PORT=$((PORT_BASE + 3))
URL=tcp://127.0.0.1:$BROKER_PORT
USER=hub
PASSWORD=${HUB_BROKER_PASSWORD:-hub-dev-password}
PG_PASSWORD=${HUB_LEDGER_PASSWORD:-ledger-dev-password}
HEALTH=http://127.0.0.1:$HUB_PORT/actuator/health
. bench/artemis.sh
. bench/postgres.sh
. bench/hub-memory.sh

./mvnw -q -B -DskipTests package
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
JAR=$(ls target/carrier-hub-*.jar)
artemis_fetch
postgres_fetch
DATA=$(mktemp -d /tmp/carrier-hub-restarts.XXXXXX)
HUB= SANDBOX= ARTEMIS_PID= STREAM=
pg_start() { postgres_start "$DATA/pg" $PG_PORT; }
pg_stop() { postgres_stop "$DATA/pg"; }
cleanup() {
  kill $STREAM $HUB $SANDBOX 2>/dev/null || true
  [ -z "$ARTEMIS_PID" ] || kill -9 $ARTEMIS_PID 2>/dev/null || true
  pg_stop 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept: $DATA" || rm -rf "$DATA"
}
trap cleanup EXIT

# PostgreSQL: a fresh cluster, password authentication as in production
postgres_create "$DATA/pg" hub "$PG_PASSWORD"
pg_start

# Artemis: a broker as `artemis create` makes it, with what the hub's documentation asks of an external broker
# (docker/artemis/broker.xml: its queues, dead-letter queues and redelivery with backoff, and the delivery count
# persisted before delivery)
artemis_create "$DATA/broker" $BROKER_PORT $USER "$PASSWORD"
python3 - "$DATA/broker/etc/broker.xml" docker/artemis/broker.xml <<'EOF'
import re, sys
target, hub = open(sys.argv[1]).read(), open(sys.argv[2]).read()
settings = "".join(m.group(0) for m in re.finditer(r'\s*<address-setting match="(?!#")[^"]+">.*?</address-setting>', hub, re.S))
addresses = "".join(m.group(0) for m in re.finditer(r'\s*<address name="[^"]+">.*?</address>', hub, re.S))
target = target.replace("</address-settings>", settings + "\n      </address-settings>", 1)
target = target.replace("</addresses>", addresses + "\n      </addresses>", 1)
delivery_count = re.search(r"<persist-delivery-count-before-delivery>.*?</persist-delivery-count-before-delivery>", hub)
target = target.replace("</persistence-enabled>", "</persistence-enabled>\n      " + delivery_count.group(0), 1)
open(sys.argv[1], "w").write(target)
EOF
artemis_start "$DATA/broker"

java -Dloader.main=io.carrierhub.bring.shipment.sandbox.StandaloneBringSandbox -cp "$JAR" \
  org.springframework.boot.loader.launch.PropertiesLauncher $SANDBOX_PORT > "$DATA/sandbox.log" 2>&1 &
SANDBOX=$!

SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres SPRING_DATASOURCE_USERNAME=hub \
SPRING_DATASOURCE_PASSWORD=$PG_PASSWORD \
env $HUB_ENV java $HUB_MEMORY -jar "$JAR" --hub.data-dir="$DATA/hub" \
  --server.port=$HUB_PORT --logging.level.root=WARN \
  --hub.broker.embedded=false --spring.artemis.broker-url=$URL \
  --hub.sandbox.bring-shipment.enabled=false \
  --hub.carriers.bring-shipment.base-url=http://127.0.0.1:$SANDBOX_PORT/shipment \
  --hub.carriers.bring-shipment.tracking.url=http://127.0.0.1:$SANDBOX_PORT/tracking/api/v2 \
  --hub.carriers.bring-shipment.shipment-numbers.first=7099000000000000 \
  --hub.carriers.bring-shipment.shipment-numbers.last=7099000099999999 \
  --hub.carriers.bring-shipment.package-numbers.first=37099000000000000 \
  --hub.carriers.bring-shipment.package-numbers.last=37099000999999999 \
  --hub.sandbox.drivoo.port=$((PORT_BASE + 4)) --hub.sandbox.bring-po.port=$((PORT_BASE + 5)) \
  --hub.sandbox.bringg.port=$((PORT_BASE + 6)) --hub.sandbox.bringg.tls-port=$((PORT_BASE + 7)) > "$DATA/hub.log" 2>&1 &
HUB=$!

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# the hub's health: UP, DOWN(<the parts that are down>), or NO_ANSWER
health() {
  local body
  body=$(curl -s -m 10 "$HEALTH" || true)
  python3 -c '
import json, sys
try:
    h = json.load(sys.stdin)
except ValueError:
    print("NO_ANSWER"); sys.exit()
down = [n for n, c in h.get("components", {}).items() if c.get("status") not in ("UP", "DEGRADED")]
print(h["status"] if h["status"] == "UP" else "%s(%s)" % (h["status"], ",".join(down)))' <<<"$body"
}
# wait_health up|down SECONDS: polls until health is (or is no longer) UP; prints the last status
wait_health() {
  local start; start=$(now)
  while :; do
    local status; status=$(health)
    if { [ "$1" = up ] && [ "$status" = UP ]; } || { [ "$1" = down ] && [ "$status" != UP ]; }; then
      echo "$status"; return
    fi
    kill -0 $HUB 2>/dev/null || { tail -50 "$DATA/hub.log"; exit 1; }
    [ "$(since "$start" | cut -d. -f1)" -lt "$2" ] || { echo "TIMEOUT($status)"; return; }
    sleep 0.5
  done
}
# metric NAME SCRAPE: the sum of a series' values in a saved /actuator/prometheus
metric() { awk -v m="$1" '$1 ~ "^"m"({|$)" {s += $2} END {print s + 0}' "$2"; }
connections() { ss -tnpH state established "( dport = :$1 )" | grep -c "pid=$HUB," || true; }
# leaks NAME: the hub's resources, into $DATA/leaks.NAME
leaks() {
  jcmd $HUB Thread.print > "$DATA/threads.$1" 2>/dev/null || true
  curl -s -m 10 http://127.0.0.1:$HUB_PORT/actuator/prometheus > "$DATA/prometheus.$1"
  {
    echo "live threads (jvm_threads_live_threads)|$(metric jvm_threads_live_threads "$DATA/prometheus.$1")"
    echo "threads in jcmd Thread.print|$(grep -c '^"' "$DATA/threads.$1")"
    echo "open file descriptors|$(ls /proc/$HUB/fd | wc -l)"
    echo "TCP connections to the broker|$(connections $BROKER_PORT)"
    echo "TCP connections to PostgreSQL|$(connections $PG_PORT)"
    echo "Hikari active + idle|$(metric hikaricp_connections_active "$DATA/prometheus.$1") + $(metric hikaricp_connections_idle "$DATA/prometheus.$1")"
  } > "$DATA/leaks.$1"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "PostgreSQL $("$PG/bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, Artemis $ARTEMIS_VERSION on $URL, hub on $HUB_PORT"
STARTED=$(now)
echo "hub: $(wait_health up 180) in $(since "$STARTED") s"
RUN=$(date +%s)
java -cp "$CP" bench/OrderStream.java stream $URL $USER "$PASSWORD" "$RUN" "$ORDERS" samples/shipment-create.xml "$RATE" \
  > "$DATA/stream.out" 2> "$DATA/stream.err" &
STREAM=$!
echo "stream: $ORDERS orders at $RATE/s"

# restart NAME STOP START: stops a server, waits until health says DOWN, keeps it down 2-6 s, starts it, waits for UP
restart() {
  local name=$1 t0 down t1 started t2 up
  $2
  t0=$(now)
  down=$(wait_health down 60)
  printf "  %-28s health %-16s %5s s after it ended;" "$name" "$down" "$(since "$t0")"
  sleep $((RANDOM % 5 + 2))
  t1=$(now)
  $3
  started=$(since "$t1")
  t2=$(now)
  up=$(wait_health up 180)
  printf " down %5s s; start took %4s s; health %s %4s s after it\n" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" "$started" "$up" "$(since "$t2")"
}
broker_kill() { kill -9 $ARTEMIS_PID; wait $ARTEMIS_PID 2>/dev/null || true; }
broker_stop() { "$DATA/broker/bin/artemis" stop >> "$DATA/broker.out" 2>&1; wait $ARTEMIS_PID 2>/dev/null || true; }
broker_start() { artemis_start "$DATA/broker"; }

for k in $(seq 1 "$CYCLES"); do
  echo "cycle $k ($(since "$STARTED") s)"
  sleep $((RANDOM % 5 + 1))
  if [ $((k % 2)) = 1 ]; then restart "broker SIGKILL" broker_kill broker_start; else restart "broker artemis stop" broker_stop broker_start; fi
  sleep $((RANDOM % 5 + 1))
  restart "PostgreSQL stop -m immediate" pg_stop pg_start
  if [ "$k" = 1 ]; then sleep 5; leaks first; fi
done
sleep 5
leaks last
echo "leaks: after cycle 1 | after cycle $CYCLES"
paste -d'|' "$DATA/leaks.first" <(cut -d'|' -f2 "$DATA/leaks.last") | awk -F'|' '{printf "  %-36s %12s | %s\n", $1, $2, $3}'
kill -0 $STREAM 2>/dev/null && echo "(the stream was still sending: $(since "$STARTED") s)" || echo "(the stream had ended before the last cycle)"
wait $STREAM
STREAM=
echo "stream: $(grep '^sent=' "$DATA/stream.out")"

echo "answers: $(java -cp "$CP" bench/OrderStream.java collect $URL $USER "$PASSWORD" "$RUN" "$ORDERS" 120 2>/dev/null)"
curl -s http://127.0.0.1:$SANDBOX_PORT/_sandbox/bring-shipment/shipments | python3 -c '
import collections, json, sys
run = sys.argv[1]
counts = collections.Counter(s["sendersReference"] for s in json.load(sys.stdin)
                             if s["sendersReference"].startswith("KS-" + run + "-") and s["updateIndicator"].lower() == "original")
print("bookings: orders_booked=%d bookings=%d booked_more_than_once=%d" % (len(counts), sum(counts.values()),
      sum(1 for c in counts.values() if c > 1)))' "$RUN"
echo "queues (messages left):"
"$ARTEMIS" queue stat --url $URL --user $USER --password "$PASSWORD" --maxRows 100 --maxColumnSize -1 2>/dev/null \
  | awk -F'|' '{gsub(/ /, "", $2); gsub(/ /, "", $5)} $2 ~ /^(erp\.orders|carrier\.bring-shipment|DLQ\..*)$/ {print "  " $2 ": " $5}'
for dlq in DLQ.erp.orders DLQ.carrier.bring-shipment; do
  "$ARTEMIS" browser --url $URL --user $USER --password "$PASSWORD" --destination queue://$dlq --message-count 1000 \
    --verbose 2>/dev/null | grep -o 'HubErrorCode=[A-Z_]*\|_AMQ_ORIG_QUEUE=[a-z.-]*' | sort | uniq -c \
    | sed "s/^/  $dlq: /" || true
done
echo "hub log: $(grep -c 'rolled back, the broker gives it again later' "$DATA/hub.log" || true) messages rolled back for later (database or broker unavailable); ERROR lines by logger:"
grep -E '^[^ ]+ +ERROR ' "$DATA/hub.log" | sed -E 's/^[^ ]+ +ERROR [0-9]+ --- \[[^]]*\] \[.{15}\] ([^ ]+) +:.*/\1/' \
  | sort | uniq -c | sort -rn | sed 's/^/  /' || true
