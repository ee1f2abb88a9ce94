# A standalone Artemis as an operator makes one, for the scripts under bench/ and faults/ (sourced, from the
# repository's root): the distribution from Maven Central into target/tools, a broker made by `artemis create` (it
# measures the disk and tunes the journal itself), run in the background.
#
#   . bench/artemis.sh
#   artemis_fetch
#   artemis_create DIR PORT USER PASSWORD        # a broker instance in DIR, acceptor on 127.0.0.1:PORT
#   artemis_start DIR                            # runs it, sets ARTEMIS_PID, returns once it is started

# the version the hub's own broker and client are (pom.xml): the embedded and standalone brokers compared alike
ARTEMIS_VERSION=$(sed -n 's:.*<artemis.version>\(.*\)</artemis.version>.*:\1:p' pom.xml)
ARTEMIS=target/tools/apache-artemis-$ARTEMIS_VERSION/bin/artemis

artemis_fetch() {
  [ -x "$ARTEMIS" ] || ./mvnw -q -B dependency:unpack \
    -Dartifact=org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:zip:bin -DoutputDirectory=target/tools
}

artemis_create() {
  "$ARTEMIS" create "$1" --silent --force --user "$3" --password "$4" --require-login \
    --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --host 127.0.0.1 --default-port "$2" > "$1-create.log" 2>&1
}

# the broker logs AMQ221007 each time it has started: wait for one more than the log held before
artemis_start() {
  local before
  before=$(artemis_starts "$1")
  "$1/bin/artemis" run >> "$1.out" 2>&1 &
  ARTEMIS_PID=$!
  until [ "$(artemis_starts "$1")" -gt "$before" ]; do
    kill -0 $ARTEMIS_PID 2>/dev/null || { tail -20 "$1.out"; return 1; }
    sleep 0.2
  done
}

artemis_starts() { cat "$1/log/artemis.log" 2>/dev/null | grep -c AMQ221007 || true; }
