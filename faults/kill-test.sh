#!/usr/bin/env bash
# The hub killed mid-stream: ORDERS orders for Bring Shipment (instructions and bookings), Bring Purchase Order and
# Drivoo, taken in turn from samples/, are dropped on erp.orders; the hub is killed with SIGKILL KILLS times at random
# moments and started again on the same data. Each carrier's sandbox runs in a JVM of its own, so that it outlives
# the kills and its own record of what it booked can be counted at the end.
#
#   faults/kill-test.sh [ORDERS=10000] [KILLS=3]
#   PORT_BASE=18090        hub HTTP PORT_BASE, broker +1, sandboxes: Bring Shipment +2, Bring PO +3, Drivoo +4,
#                          Bringg (in the hub, unused here) +5 and +6
#   BRING_NUMBERS=hub      the hub numbers Bring shipments from a range, so a retry meets "exists already";
#                          BRING_NUMBERS=bring lets Bring number them, and a kill may then book a shipment twice
#   SAMPLES=...            comma-separated order samples, taken in turn (default: the four below)
#   KEEP=1                 keeps the data directory and the logs
#
# Checks, and exits 1 if one fails: every order answered exactly once, and accepted; each sandbox holds exactly one
# booking per order; the lanes are empty; every dead-letter queue is empty (nothing here is meant to fail). Bookings
# a carrier may make twice whatever the hub does (Drivoo, which takes no client reference; Bring Shipment when Bring
# numbers) are counted and reported apart, with the reason (docs/operations.md, "A second booking after a crash").
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-10000}
KILLS=${2:-3}
PORT_BASE=${PORT_BASE:-18090}
BRING_NUMBERS=${BRING_NUMBERS:-hub}
SAMPLES=${SAMPLES:-samples/shipment-create.xml,samples/bring-po-create.xml,samples/drivoo-create.xml,samples/booking-create.xml}
HUB_PORT=$PORT_BASE
URL=tcp://127.0.0.1:$((PORT_BASE + 1))
SHIPMENT_PORT=$((PORT_BASE + 2))
PO_PORT=$((PORT_BASE + 3))
DRIVOO_PORT=$((PORT_BASE + 4))
# the stream's sends are confirmed by the broker (a completion listener needs a confirmation window)
STREAM_URL="$URL?confirmationWindowSize=1048576"
USER=hub
PASSWORD=${HUB_BROKER_PASSWORD:-hub-dev-password}

./mvnw -q -B -DskipTests package
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
JAR=$(ls target/carrier-hub-*.jar)
DATA=$(mktemp -d /tmp/carrier-hub-kill.XXXXXX)
HUB= SANDBOXES=
trap 'kill $HUB $SANDBOXES 2>/dev/null; wait 2>/dev/null; [ -n "${KEEP:-}" ] && echo "kept: $DATA" || rm -rf "$DATA"' EXIT

# sandbox CLASS PORT: a carrier's sandbox in a JVM of its own
sandbox() {
  java -Xmx256m -Dloader.main="$1" -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher "$2" \
    > "$DATA/${1##*.}.log" 2>&1 &
  SANDBOXES="$SANDBOXES $!"
}
sandbox io.carrierhub.bring.shipment.sandbox.StandaloneBringSandbox $SHIPMENT_PORT
sandbox io.carrierhub.bring.po.sandbox.StandaloneBringPoSandbox $PO_PORT
sandbox io.carrierhub.drivoo.sandbox.StandaloneDrivooSandbox $DRIVOO_PORT

NUMBERS=()
[ "$BRING_NUMBERS" = bring ] || NUMBERS=(
  --hub.carriers.bring-shipment.shipment-numbers.first=7099000000000000
  --hub.carriers.bring-shipment.shipment-numbers.last=7099000099999999
  --hub.carriers.bring-shipment.package-numbers.first=37099000000000000
  --hub.carriers.bring-shipment.package-numbers.last=37099000999999999)
# the status polls make no bookings: off, so that the hub's CPU goes to the stream
start_hub() {
  java -jar "$JAR" --hub.data-dir="$DATA/hub" --server.port=$HUB_PORT --logging.level.root=WARN \
    --hub.broker.tcp-acceptor=$URL \
    --hub.sandbox.bring-shipment.enabled=false --hub.sandbox.bring-shipment.port=0 \
    --hub.carriers.bring-shipment.base-url=http://127.0.0.1:$SHIPMENT_PORT/shipment \
    --hub.carriers.bring-shipment.tracking.url=http://127.0.0.1:$SHIPMENT_PORT/tracking/api/v2 \
    --hub.sandbox.bring-po.enabled=false --hub.sandbox.bring-po.port=0 \
    --hub.carriers.bring-po.base-url=http://127.0.0.1:$PO_PORT/po \
    --hub.sandbox.drivoo.enabled=false --hub.sandbox.drivoo.port=0 \
    --hub.carriers.drivoo.base-url=http://127.0.0.1:$DRIVOO_PORT \
    --hub.sandbox.bringg.port=$((PORT_BASE + 5)) --hub.sandbox.bringg.tls-port=$((PORT_BASE + 6)) \
    --hub.polls.bring-tracking.enabled=false --hub.polls.bring-po-sender-status.enabled=false \
    --hub.polls.drivoo.enabled=false "${NUMBERS[@]}" >> "$DATA/hub.log" 2>&1 &
  HUB=$!
  local started; started=$(date +%s)
  for _ in $(seq 1 1500); do
    curl -sf http://127.0.0.1:$HUB_PORT/actuator/health >/dev/null && { echo "hub up in $(( $(date +%s) - started )) s"; return; }
    kill -0 $HUB 2>/dev/null || { tail -50 "$DATA/hub.log"; exit 1; }
    sleep 0.2
  done
  echo "the hub did not start in 300 s"; exit 1
}
stream() {
  java -cp "$CP" bench/OrderStream.java "$@"
}
# metric NAME: the hub's gauge NAME by its label, "label=value" per line
metric() {
  curl -s http://127.0.0.1:$HUB_PORT/actuator/prometheus | sed -nE "s/^$1\{.*(carrier|queue)=\"([^\"]+)\".*\} ([0-9.]+)$/\2=\3/p" \
    | awk -F= '{printf "%s=%d\n", $1, $2}'
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "orders: $ORDERS from $SAMPLES; kills: $KILLS; Bring numbers: $BRING_NUMBERS"
START=$(date +%s)
start_hub
RUN=$(date +%s)
stream send "$STREAM_URL" $USER "$PASSWORD" "$RUN" "$ORDERS" "$SAMPLES"
# kills spread over the stream: each a random 5 s to WINDOW s after the hub came up (about the time it needs for its
# share of the orders at ~30 orders/s)
WINDOW=$(( ORDERS / (KILLS + 1) / 30 > 10 ? ORDERS / (KILLS + 1) / 30 : 10 ))
for k in $(seq 1 "$KILLS"); do
  sleep $(( RANDOM % (WINDOW - 4) + 5 ))
  BEFORE="answered by this hub: $(curl -s http://127.0.0.1:$HUB_PORT/actuator/prometheus \
    | awk '/^hub_orders_total/ {n += $2} END {printf "%d", n}'), lanes: $(metric hub_lane_depth | tr '\n' ' ')"
  kill -9 $HUB; wait $HUB 2>/dev/null || true
  echo "kill $k at $(( $(date +%s) - START )) s; $BEFORE"
  start_hub
done
stream collect "$STREAM_URL" $USER "$PASSWORD" "$RUN" "$ORDERS" 120 "$DATA/answers.tsv"
echo "stream done in $(( $(date +%s) - START )) s"

curl -s http://127.0.0.1:$SHIPMENT_PORT/_sandbox/bring-shipment/shipments > "$DATA/bring-shipment.json"
curl -s http://127.0.0.1:$PO_PORT/_sandbox/bring-po/purchase-orders > "$DATA/bring-po.json"
curl -s http://127.0.0.1:$DRIVOO_PORT/_sandbox/drivoo/courses > "$DATA/drivoo.json"
metric hub_lane_depth > "$DATA/lanes.txt"
metric hub_dead_letters > "$DATA/dlq.txt"
python3 - "$RUN" "$ORDERS" "$BRING_NUMBERS" "$DATA" <<'EOF'
import collections, json, sys
run, orders, numbers, data = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
prefix = "KS-%s-" % run
failed = []

answers = collections.defaultdict(list)
for line in open(data + "/answers.tsv"):
    order, carrier, outcome, code, *refs = line.rstrip("\n").split("\t")
    answers[order].append((carrier, outcome, code, dict(ref.split("=", 1) for ref in refs if ref)))
twice = sum(1 for a in answers.values() if len(a) > 1)
accepted = sum(1 for a in answers.values() if all(outcome == "ACCEPTED" for _, outcome, _, _ in a))
refused = collections.Counter(code for a in answers.values() for _, outcome, code, _ in a if outcome != "ACCEPTED")
print("answers: orders=%d answered=%d answered_more_than_once=%d missing=%d accepted=%d refused=%s"
      % (orders, len(answers), twice, orders - len(answers), accepted, dict(refused)))
if len(answers) != orders or twice or accepted != orders:
    failed.append("answers")

orders_of = collections.defaultdict(set)
for order, a in answers.items():
    orders_of[a[0][0]].add(order)
shipments = collections.Counter(s["sendersReference"] for s in json.load(open(data + "/bring-shipment.json"))
                                if s["sendersReference"].startswith(prefix) and s["updateIndicator"].lower() == "original")
purchase_orders = collections.Counter(p["purchaseOrder"].split("/", 1)[1] for p in json.load(open(data + "/bring-po.json"))
                                      if p["purchaseOrder"].split("/", 1)[1].startswith(prefix))
courses = collections.Counter(c["id"] for c in json.load(open(data + "/drivoo.json")))
# Drivoo's courses name no order: each order's course is the one its answer names; a course no answer names is a second one
course_of = {order: a[0][3].get("COURSE") for order, a in answers.items() if a[0][0] == "drivoo"}
drivoo = collections.Counter()
for order, course in course_of.items():
    drivoo[order] = courses[course] if course else 0
unclaimed = sum(courses.values()) - sum(courses[c] for c in set(course_of.values()) if c)

def report(carrier, booked, extra, excluded, why):
    mine = orders_of.get(carrier, set())
    once = sum(1 for o in mine if booked[o] == 1)
    none = sum(1 for o in mine if booked[o] == 0)
    more = sum(booked[o] - 1 for o in mine if booked[o] > 1) + extra
    stray = sum(n for o, n in booked.items() if o not in mine)
    print("bookings %s: orders=%d booked_once=%d not_booked=%d bookings=%d second_bookings=%d%s"
          % (carrier, len(mine), once, none, sum(booked.values()) + extra, more,
             "" if not more or excluded else " (cannot be excluded: %s)" % why))
    if none or stray or (more and excluded):
        failed.append("bookings " + carrier)

report("bring-shipment", shipments, 0, numbers != "bring",
       "Bring numbers the shipments, so a retry after a kill between Bring's answer and the hub's commit books anew")
report("bring-po", purchase_orders, 0, True, "")
report("drivoo", drivoo, unclaimed, False,
       "Drivoo numbers its courses and takes no client reference, so a retry after a kill between Drivoo's 201 and the"
       " hub's commit creates a second course")

lanes = dict(line.strip().split("=") for line in open(data + "/lanes.txt") if line.strip())
dlqs = dict(line.strip().split("=") for line in open(data + "/dlq.txt") if line.strip())
print("lanes: " + " ".join("carrier.%s=%s" % item for item in sorted(lanes.items())))
print("dead letters: " + " ".join("%s=%s" % item for item in sorted(dlqs.items())))
if not lanes or any(int(depth) for depth in lanes.values()):
    failed.append("lanes")
if not dlqs or any(int(depth) for depth in dlqs.values()):
    failed.append("dead letters")
print("RESULT: " + ("FAILED: " + ", ".join(failed) if failed else "passed"))
sys.exit(1 if failed else 0)
EOF
