# Shared by the scripts of bench/ and faults/ (sourced, not run): the build, the Bring Shipment sandbox in a JVM of its
# own, the hub started (the fat jar, or as its image runs it: HUB_SHAPE) on a data directory of its own and measured.
# The sourcing script sets `set -euo pipefail` and has cd'ed to the repository's root.
#
# Ports, all from PORT_BASE (default 18080): the hub's HTTP PORT_BASE, the Bring sandbox PORT_BASE+11, the embedded
# broker's TCP acceptor PORT_BASE+20, a standalone broker PORT_BASE+21, the ledger's server PORT_BASE+30 (H2's, or
# PostgreSQL's with LEDGER=postgres). The hub's other sandboxes (Drivoo, Bring PO, Bringg) are off, as in production
# (docker/compose.yaml's cluster profile): no carrier runs in the hub's JVM, and the carriers the orders do not name
# point at the discard port, where nothing listens.
PORT_BASE=${PORT_BASE:-18080}
HUB_PORT=$PORT_BASE
SANDBOX_PORT=$((PORT_BASE + 11))
BROKER_PORT=$((PORT_BASE + 20))
STANDALONE_PORT=$((PORT_BASE + 21))
LEDGER_PORT=$((PORT_BASE + 30))
EMBEDDED_URL=tcp://127.0.0.1:$BROKER_PORT
STANDALONE_URL=tcp://127.0.0.1:$STANDALONE_PORT
HEALTH=http://127.0.0.1:$HUB_PORT/actuator/health
CONSUMERS=${CONSUMERS:-4}   # the hub's hub.intake.consumers and lane consumers (and the echo's and perf client's)
USER=hub
PASSWORD=${HUB_BROKER_PASSWORD:-hub-dev-password}
source bench/hub-memory.sh
HUB_START_TIMEOUT=${HUB_START_TIMEOUT:-300}   # seconds; a loaded machine needs them
# LEDGER=postgres gives each hub started a PostgreSQL server of its own for its ledger, made fresh in $DATA/pg-NAME on
# PORT_BASE+30 (bench/postgres.sh), as in production; the default is the embedded H2 in the hub's data directory
LEDGER=${LEDGER:-h2}
LEDGER_URL= LEDGER_PASSWORD= PG_DIR=
if [ "$LEDGER" = postgres ]; then
  . bench/postgres.sh
  postgres_fetch
  LEDGER_PASSWORD=${HUB_LEDGER_PASSWORD:-ledger-dev-password}
  export SPRING_DATASOURCE_USERNAME=hub SPRING_DATASOURCE_PASSWORD=$LEDGER_PASSWORD
fi
# LEDGER_RTT_US=500 (with LEDGER=postgres): the hub reaches its PostgreSQL server through bench/LatencyProxy.java on
# PORT_BASE+31, each round trip held that many microseconds, as a server on another host would be; 0 holds nothing
# and only counts them (ledger_round_trips)
LEDGER_RTT_US=${LEDGER_RTT_US:-}

./mvnw -q -B -DskipTests package
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
# BENCH_DIR=/dev/shm puts the broker's journal and the ledger in memory: the hub measured without the disk's fsync
# (a diagnosis, never a setting to run the hub with)
DATA=$(mktemp -d "${BENCH_DIR:-/tmp}/carrier-hub-bench.XXXXXX")
# a copy: a build in target/ while the script runs (or restarts the hub) does not touch it
JAR=$DATA/carrier-hub.jar
cp target/carrier-hub-*.jar "$JAR"
# HUB_SHAPE=cds: start_hub starts the hub as its image does, extracted with a CDS archive (bench/cds.sh); default:
# the fat jar
HUB_SHAPE=${HUB_SHAPE:-jar}
case $HUB_SHAPE in
  jar) HUB_LAUNCH=(-jar "$JAR") HUB_SHAPE_NAME="fat jar" ;;
  cds) . bench/cds.sh; cds_app "$JAR" "$DATA/app"; HUB_LAUNCH=("${CDS_LAUNCH[@]}") HUB_SHAPE_NAME="extracted jar + CDS archive" ;;
  *) echo "HUB_SHAPE is jar or cds, not $HUB_SHAPE" >&2; exit 1 ;;
esac
HUB= SANDBOX= MORE_PIDS=
# KEEP=1 keeps the data directory and logs
trap 'kill $HUB $SANDBOX $MORE_PIDS 2>/dev/null; wait 2>/dev/null; [ -z "$PG_DIR" ] || postgres_stop "$PG_DIR" || true
      [ -n "${KEEP:-}" ] && echo "kept $DATA" || rm -rf "$DATA"' EXIT

machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# start_sandbox: the Bring Shipment sandbox in a JVM of its own, as the real carrier is remote
start_sandbox() {
  java -Dloader.main=io.carrierhub.bring.shipment.sandbox.StandaloneBringSandbox -cp "$JAR" \
    org.springframework.boot.loader.launch.PropertiesLauncher $SANDBOX_PORT > "$DATA/sandbox.log" 2>&1 &
  SANDBOX=$!
}

# hub_postgres NAME: hub NAME's PostgreSQL server, in $DATA/pg-NAME on LEDGER_PORT, made and started at its first
# start (another hub's stopped), kept at its restarts; sets LEDGER_URL
hub_postgres() {
  [ "$PG_DIR" != "$DATA/pg-$1" ] || return 0
  [ -z "$PG_DIR" ] || postgres_stop "$PG_DIR"
  PG_DIR=$DATA/pg-$1
  postgres_create "$PG_DIR" hub "$LEDGER_PASSWORD"
  postgres_start "$PG_DIR" $LEDGER_PORT
  LEDGER_URL=jdbc:postgresql://127.0.0.1:$LEDGER_PORT/postgres
  echo "ledger: PostgreSQL $("$PG/bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$LEDGER_PORT ($PG_DIR)"
  [ -n "$LEDGER_RTT_US" ] || return 0
  if [ ! -f "$DATA/ledger-proxy.txt" ]; then
    javac -d "$DATA/proxy-classes" bench/LatencyProxy.java
    java -Xmx64m -cp "$DATA/proxy-classes" LatencyProxy $((LEDGER_PORT + 1)) $LEDGER_PORT $((LEDGER_RTT_US / 2)) \
      "$DATA/ledger-proxy.txt" > "$DATA/ledger-proxy.log" 2>&1 &
    local proxy=$!; MORE_PIDS="$MORE_PIDS $proxy"
    until [ -f "$DATA/ledger-proxy.txt" ]; do
      kill -0 $proxy 2>/dev/null || { cat "$DATA/ledger-proxy.log"; return 1; }   # under set -e, the caller stops here
      sleep 0.1
    done
  fi
  LEDGER_URL=jdbc:postgresql://127.0.0.1:$((LEDGER_PORT + 1))/postgres
  echo "ledger: through bench/LatencyProxy.java on 127.0.0.1:$((LEDGER_PORT + 1)), $LEDGER_RTT_US us a round trip"
}
# ledger_round_trips: the round trips the hubs have made to their PostgreSQL server so far (with LEDGER_RTT_US; the
# proxy writes the count every second: read it with the hub idle for a second)
ledger_round_trips() { sed -n 's/^round_trips=//p' "$DATA/ledger-proxy.txt"; }

# TRACKING_POLL_ARGS: the hub's Bring tracking poll every 10 s instead of every 5 minutes, so that its first run falls in
# the warm-up. The JIT compiles the orders' path for the types it has seen; the poll's first run, through the same
# Camel and HTTP client code with types of its own, undoes much of it (180 deoptimizations in that second against 31
# in the 5 minutes of soak around it, 2026-12-07) and slows every order for about a second. With the open orders a
# warm-up leaves, one paced run then lasts the whole measurement, as a run does in a hub with more open orders than its
# pace covers in 5 minutes.
TRACKING_POLL_ARGS=("--hub.polls.bring-tracking.cron=0/10 * * * * ?")

# start_hub NAME [ARGS...]: the hub (HUB_SHAPE) on data directory $DATA/NAME (log $DATA/NAME.log, appended: a restart on the
# same data continues it), with LEDGER=postgres on its own PostgreSQL server, timed from `java` to health UP in
# READY_MS; fails if the hub died on the way. HUB_ARGS: more of the hub's settings, for every hub the script starts
# (HUB_ARGS=--hub.polls.bring-tracking.enabled=false: no tracking poll beside the orders); not one the script gives
# itself: Spring joins the values of an option given twice with a comma (a broker URL so given fails to connect)
start_hub() {
  local name=$1; shift
  if [ "$LEDGER" = postgres ]; then hub_postgres "$name"; set -- --spring.datasource.url=$LEDGER_URL "$@"; fi
  local start; start=$(date +%s%N)
  env $HUB_ENV java $HUB_MEMORY ${HUB_JAVA_OPTS:-} "${HUB_LAUNCH[@]}" --hub.data-dir="$DATA/$name" --server.port=$HUB_PORT \
    --hub.broker.tcp-acceptor=$EMBEDDED_URL \
    --hub.sandbox.bring-shipment.enabled=false --hub.carriers.bring-shipment.base-url=http://127.0.0.1:$SANDBOX_PORT/shipment \
    --hub.carriers.bring-shipment.tracking.url=http://127.0.0.1:$SANDBOX_PORT/tracking/api/v2 \
    --hub.sandbox.drivoo.enabled=false --hub.carriers.drivoo.base-url=http://127.0.0.1:9 \
    --hub.sandbox.bring-po.enabled=false --hub.carriers.bring-po.base-url=http://127.0.0.1:9/po \
    --hub.sandbox.bringg.enabled=false --hub.bringg.base-url=https://127.0.0.1:9 \
    --hub.intake.consumers=$CONSUMERS --hub.carriers.bring-shipment.lane.consumers=$CONSUMERS \
    --logging.level.root=WARN --logging.level.io.carrierhub.broker=INFO "$@" ${HUB_ARGS:-} >> "$DATA/$name.log" 2>&1 &
  HUB=$!
  until curl -sf "$HEALTH" >/dev/null; do
    kill -0 $HUB 2>/dev/null || { tail -20 "$DATA/$name.log"; return 1; }   # under set -e, the caller stops here
    [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt "$HUB_START_TIMEOUT" ] || { echo "the hub did not start in $HUB_START_TIMEOUT s"; exit 1; }
    sleep 0.1
  done
  READY_MS=$(( ($(date +%s%N) - start) / 1000000 ))
}
stop_hub() { kill $HUB; wait $HUB 2>/dev/null || true; HUB=; }
# start_standalone: a standalone Artemis on STANDALONE_PORT as an operator makes one (`artemis create` measures the
# disk and tunes the journal itself; bench/artemis.sh), stopped with the script; a hub started with
# "${STANDALONE_ARGS[@]}" is its client
start_standalone() {
  . bench/artemis.sh
  artemis_fetch
  artemis_create "$DATA/standalone" $STANDALONE_PORT $USER "$PASSWORD"
  artemis_start "$DATA/standalone"
  MORE_PIDS="$MORE_PIDS $ARTEMIS_PID"
  echo "standalone Artemis $ARTEMIS_VERSION: $(grep -o '<journal-type>[A-Z]*' "$DATA/standalone/etc/broker.xml" | sed 's/.*>//'), buffer timeout $(grep -o '<journal-buffer-timeout>[0-9]*' "$DATA/standalone/etc/broker.xml" | sed 's/.*>//') ns"
}
STANDALONE_ARGS=(--hub.broker.embedded=false --spring.artemis.broker-url=$STANDALONE_URL)
# perf URL: `artemis perf client` (bench/artemis.sh's artemis_fetch unpacks it) against the broker at URL, CONSUMERS producers and
# consumers, persistent, 2 KB, 15 s after 3 s of warm-up.
# Not --tx: with it the perf client's consumers take a transacted session and never commit it (Artemis 2.44's
# RecordingMessageListener calls Message.acknowledge, a no-op in a transacted session): no ack reached the journal,
# and every message sent stayed on the queue. Without it each persistent send is confirmed after the journal's sync
# (one unconfirmed per producer) and each message received is acknowledged, the ack written to the journal.
perf() {
  "$ARTEMIS" perf client --url "$1" --user $USER --password "$PASSWORD" --persistent \
    --producers $CONSUMERS --consumers $CONSUMERS --message-size 2048 --warmup 3 --duration 15 --silent \
    --json "$DATA/perf.json" queue://bench.perf >/dev/null
  # the mean of the per-second received rates after the warm-up; and every message received, the warm-up's too
  python3 -c 'import json, sys
intervals = [s for s in json.load(open(sys.argv[1])) if s.get("sampleType") == "interval"]
samples = [s for s in intervals if not s.get("warmup")]
print("mode=perf msg_per_s=%.1f seconds=%d received=%d" % (sum(s["received"] for s in samples) / max(1, len(samples)),
      len(samples), sum(s["received"] for s in intervals)))' "$DATA/perf.json"
}
rss() { awk -v key="$1" '$1 == key":" {printf "%.0f MiB", $2/1024}' /proc/$HUB/status; }
# queue_attribute QUEUE ATTRIBUTE: an attribute of the embedded broker's anycast queue (MessageCount,
# DeliveringCount, ...) read through the hub's Jolokia, as the console does; the caller exports HUB_CONSOLE_PASSWORD
queue_attribute() {
  curl -s -u ops:$HUB_CONSOLE_PASSWORD "http://127.0.0.1:$HUB_PORT/actuator/jolokia/read/org.apache.activemq.artemis:broker=%22carrier-hub%22,component=addresses,address=%22$1%22,subcomponent=queues,routing-type=%22anycast%22,queue=%22$1%22/$2" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin).get("value", "?"))' 2>/dev/null || echo "?"
}
# direct_buffers: MiB in NIO's direct buffers (the hub's metrics), Netty's own pools not included
direct_buffers() {
  curl -s "http://127.0.0.1:$HUB_PORT/actuator/prometheus" \
    | awk '/^jvm_buffer_memory_used_bytes\{.*id="direct"/ { printf "%.0f", $2 / 1048576 }'
}
# nmt: the hub's committed memory per area, in MiB, a line each ("Java_Heap 128"), from Native Memory Tracking
# (the hub started with -XX:NativeMemoryTracking=summary)
nmt() {
  jcmd $HUB VM.native_memory summary scale=MB | awk '
    /^Total:/ { match($0, /committed=[0-9]+/); print "Total", substr($0, RSTART + 10, RLENGTH - 10) }
    /^-/ { name = $0; sub(/^- */, "", name); sub(/ *\(.*/, "", name); gsub(/ /, "_", name)
           match($0, /committed=[0-9]+/); print name, substr($0, RSTART + 10, RLENGTH - 10) }'
}
# rss_rises NMT_FROM: every 200 ms the hub's peak RSS (VmHWM); at each rise, the time, the hub's mappings over 2 MiB of
# RSS (/proc/PID/smaps: the heap's generations, the C heap's arenas, the code cache, metaspace's chunks) and, from
# NMT_FROM MiB on, its committed memory by area (nmt: a jcmd each, so not from the start); until the hub exits
rss_rises() {
  local peak=0 hwm
  while hwm=$(rss VmHWM 2>/dev/null) && [ -n "$hwm" ]; do
    hwm=${hwm% MiB}
    if [ "$hwm" -gt "$peak" ]; then
      peak=$hwm
      echo "$(date +%T.%N | cut -c1-12) peak RSS $hwm MiB, RSS $(rss VmRSS)"
      awk '/^[0-9a-f]+-[0-9a-f]+ / { range = $1; name = $6 } /^Size:/ { size = $2 }
           /^Rss:/ { if ($2 > 2048) printf "  %s size %d KiB, RSS %d KiB %s\n", range, size, $2, name }' /proc/$HUB/smaps
      [ "$hwm" -lt "$1" ] || nmt | sed 's/^/  NMT /'
    fi
    sleep 0.2
  done
}
# written_bytes: the bytes the hub's process has had written to the disk so far (its files, flushed or synced)
written_bytes() { awk '$1 == "write_bytes:" {print $2}' /proc/$HUB/io; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' /proc/$HUB/stat; }
# cpu_ticks PID...: the CPU time the processes have used so far, user and system, in clock ticks (CLK_TCK a second)
cpu_ticks() { local p t=0; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null || echo 0))); done; echo $t; }
# machine_ticks: the same for the whole machine (user, nice, system, irq, softirq of /proc/stat), then the ticks the
# hypervisor took for other guests (steal) and all ticks
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
# the processes of the parts outside the hub, when they run: the standalone broker's JVM, the ledger's PostgreSQL
# server (its postmaster and every backend)
broker_pids() { [ ! -d "$DATA/standalone" ] || pgrep -f "artemis.instance=$DATA/standalone" || true; }
ledger_pids() { [ -z "$PG_DIR" ] || { local main; main=$(head -1 "$PG_DIR/data/postmaster.pid"); echo $main $(pgrep -P $main); }; }
# cpu_split: ticks so far of the hub, the standalone broker, the ledger server, the Bring sandbox and the machine;
# cpu_split_per_order BEFORE AFTER ORDERS ECHO prints the difference per order, the machine's rest being the load
# generator, the ERP's event reader and the kernel's own work; then the rate the machine's cores would allow if the
# hub took no CPU at all and every other part what it took per order here, against ECHO (the echo's orders/s)
cpu_split() { echo "$(cpu_ticks $HUB) $(cpu_ticks $(broker_pids)) $(cpu_ticks $(ledger_pids)) $(cpu_ticks $SANDBOX) $(machine_ticks)"; }
cpu_split_per_order() {
  awk -v before="$1" -v after="$2" -v n="$3" -v echo="$4" -v cores="$(nproc)" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(before, b, " "); split(after, a, " "); for (i = 1; i <= 5; i++) d[i] = (a[i] - b[i]) * 1000 / hz / n
    printf "CPU per order by process: hub %.2f ms, standalone broker %.2f ms, ledger server %.2f ms, sandbox %.2f ms, the rest of the machine (load generator, event reader, kernel) %.2f ms; machine %.2f ms; the hypervisor took %.1f%% of the machine'"'"'s CPU (steal)\n",
      d[1], d[2], d[3], d[4], d[5] - d[1] - d[2] - d[3] - d[4], d[5], 100 * (a[6] - b[6]) / (a[7] - b[7])
    ceiling = cores * 1000 / (d[5] - d[1])
    printf "a hub taking no CPU: about %.0f orders/s, %.0f%% of the echo (%d cores over the %.2f ms per order the other parts took)\n",
      ceiling, 100 * ceiling / echo, cores, d[5] - d[1] }'
}
# jit_seconds: the time the hub's JIT compilers have spent compiling so far (jstat), in seconds
jit_seconds() { jstat -compiler $HUB | awk 'NR == 2 {print $4}'; }

# bench MODE ORDERS URL: the closed-loop benchmark (bench/OrderBenchmark.java), at most IN_FLIGHT orders unanswered;
# compiled once, not by the source launcher at every run (3 s of CPU each time, on the cores the hub shares)
javac -d "$DATA/bench-classes" -cp "$CP" bench/OrderBenchmark.java
bench() {
  java -cp "$DATA/bench-classes:$CP" OrderBenchmark "$1" "$3" $USER "$PASSWORD" "$2" $IN_FLIGHT samples/shipment-create.xml $CONSUMERS 2>/dev/null | grep '^mode='
}
rate() { sed -E 's/.*(orders|msg)_per_s=([0-9.]+).*/\2/' <<<"$1"; }
