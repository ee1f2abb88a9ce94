#!/usr/bin/env bash
# What grows when a hub's peak RSS rises. Every 200 ms it reads the hub's VmHWM; at each rise it prints the hub's
# mappings above 2 MiB of RSS (/proc/PID/smaps: the heap's generations, the C heap's arenas, the code cache,
# metaspace's chunks) and, from NMT_FROM MiB on, the JVM's committed memory by area (`jcmd VM.native_memory`, for a
# hub started with Native Memory Tracking, as soak.sh starts it; each is a jcmd, so not from the start). It runs until
# the hub exits.
#
#   bench/soak.sh 10 50% & bench/rss-rises.sh > rises.txt   # the soak's hub, found by its data directory
#   bench/rss-rises.sh PID 390                               # any JVM; NMT from 390 MiB of peak RSS
set -uo pipefail
PID=${1:-}
NMT_FROM=${2:-}
until [ -n "$PID" ]; do
  PID=$(pgrep -f 'hub.data-dir=/tmp/carrier-hub-bench.*/soak ' | head -1) || sleep 1
done
mib() { awk -v key="$1" '$1 == key":" { print int($2 / 1024) }' /proc/$PID/status 2>/dev/null; }
peak=0
while [ -d /proc/$PID ]; do
  hwm=$(mib VmHWM)
  if [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ]; then
    peak=$hwm
    echo "$(date +%T.%N | cut -c1-12) peak RSS $hwm MiB, RSS $(mib VmRSS) MiB"
    awk '/^[0-9a-f]+-[0-9a-f]+ / { range = $1; name = $6 } /^Size:/ { size = $2 }
         /^Rss:/ { if ($2 > 2048) printf "  %s size %d KiB, RSS %d KiB %s\n", range, size, $2, name }' /proc/$PID/smaps
    [ -n "$NMT_FROM" ] && [ "$hwm" -ge "$NMT_FROM" ] && jcmd $PID VM.native_memory summary scale=MB 2>/dev/null | grep -E '^-' | sed 's/^-/  NMT/'
  fi
  sleep 0.2
done
