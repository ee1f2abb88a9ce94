# The hub as its image runs it (docker/Dockerfile), for the scripts that start it (sourced, not run): the fat jar
# extracted (`java -Djarmode=tools ... extract`), with a class data sharing archive made by a training run that
# starts the hub in its embedded default and exits once its context is refreshed (-XX:ArchiveClassesAtExit,
# -Dspring.context.exit=onRefresh), as Spring Boot documents it. Needs HUB_MEMORY (bench/hub-memory.sh).

# cds_app JAR DIR: extracts JAR into DIR and trains DIR/hub.jsa; sets CDS_APP, the extracted jar, and CDS_LAUNCH,
# the java arguments that run it
cds_app() {
  local jar=$1 dir=$2
  java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
  CDS_APP=$dir/$(basename "$jar")
  # free ports only, and no carrier called: the training needs nothing else on the machine
  java $HUB_MEMORY -XX:ArchiveClassesAtExit="$dir/hub.jsa" -Dspring.context.exit=onRefresh -jar "$CDS_APP" \
    --hub.data-dir="$dir/training" --server.port=0 --hub.broker.tcp-acceptor= --hub.sandbox.bring-shipment.port=0 \
    --hub.sandbox.drivoo.port=0 --hub.sandbox.bring-po.port=0 --hub.sandbox.bringg.port=0 --hub.sandbox.bringg.tls-port=0 \
    --hub.carriers.bring-shipment.base-url=http://127.0.0.1:9/shipment --hub.carriers.drivoo.base-url=http://127.0.0.1:9 \
    > "$dir/training.log" 2>&1 || { cat "$dir/training.log" >&2; return 1; }
  rm -rf "$dir/training"
  CDS_LAUNCH=(-XX:SharedArchiveFile="$dir/hub.jsa" -Xlog:cds=off -jar "$CDS_APP")
}
