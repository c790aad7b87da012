#!/usr/bin/env bash
# Restart gap: how long OME's admission webhook goes unanswered while Greenroom restarts (an upgrade,
# a crash, a host reboot), as the image and the systemd unit run it: extracted jar, AppCDS, deploy/jvm.options.
# Usage: bench/restart-gap.sh [RESTARTS=3]
# Environment: BENCH_APPS=1000 BENCH_SLOTS=10 (per app), BENCH_PORT=18090, BENCH_LOAD=RATE (the admission
# benchmark's stress mix at RATE requests a second on 20 kept-alive connections, pinned to CPU 1, running
# through every restart as OME's traffic would).
# A probe asks for admission as OME does for a WebRTC viewer, every 10 ms on a new connection; for each
# restart (SIGTERM, wait for the exit, start again on the same H2 file) it prints the longest time
# without an answer, from the last answer of the old process to the first of the new.
set -euo pipefail
cd "$(dirname "$0")/.."

RESTARTS=${1:-3}
PORT=${BENCH_PORT:-18090}
WORK=$(mktemp -d /tmp/greenroom-restart.XXXXXX)
SERVER_PID=""
# Every step may fail (the server may be gone already) without keeping the work directory (about 200 MB).
cleanup() {
  if [ -n "${LOAD_PID:-}" ]; then kill "$LOAD_PID" 2>/dev/null || true; fi
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
JAR=$(ls target/greenroom-*.jar | grep -v plain | head -1)
java -cp "$CP" io.greenroom.bench.BenchmarkSeed "$WORK/data" "${BENCH_APPS:-1000}" "${BENCH_SLOTS:-10}" "$WORK/seed.txt"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" --application-filename greenroom.jar >/dev/null
cp deploy/jvm.options "$WORK/app/jvm.options"
sh deploy/train-cds.sh "$WORK/app" >/dev/null

start_server() {
  java @"$WORK/app/jvm.options" -XX:SharedArchiveFile="$WORK/app/greenroom.jsa" -jar "$WORK/app/greenroom.jar" \
    --server.port="$PORT" --spring.datasource.url="jdbc:h2:file:$WORK/data/greenroom" \
    --greenroom.ome.config-dir="$WORK/data/ome-conf" --greenroom.admission.snapshot-file="$WORK/data/admission-snapshot.json" --greenroom.admin.password=benchmark-password \
    --logging.level.root=WARN >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
}
await_health() {
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  cat "$WORK/server.log"; exit 1
}

# The disk's read-ahead decides how much each page fault reads back under a memory limit (docs/deploy.md).
read_ahead() { local dev; dev=$(basename "$(df --output=source "$WORK" | tail -1)")
  echo "$dev $(cat "/sys/class/block/$dev/queue/read_ahead_kb" 2>/dev/null || cat "/sys/class/block/$dev/../queue/read_ahead_kb" 2>/dev/null || echo '?') KB"; }
echo "machine: $(nproc) cores, $(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | xargs); java: $(java -version 2>&1 | head -1); disk read-ahead: $(read_ahead)"
start_server
await_health
LOAD_PID=""
if [ -n "${BENCH_LOAD:-}" ]; then
  PIN_LOAD=(); command -v taskset >/dev/null && PIN_LOAD=(taskset -c 1)
  # Long enough for every restart (about 20 s each); errors are the requests refused while no process answered.
  "${PIN_LOAD[@]}" java -XX:+UseSerialGC -Xms1200m -Xmx1200m -Xmn1g -cp "$CP" io.greenroom.bench.AdmissionLoadGenerator \
    "http://127.0.0.1:$PORT" "$WORK/seed.txt" "$BENCH_LOAD" 20 $((RESTARTS * 25 + 10)) 0 stress >"$WORK/load.txt" 2>&1 &
  LOAD_PID=$!
  echo "load: the stress mix at $BENCH_LOAD requests a second during the restarts"
  sleep 5
fi
for restart in $(seq 1 "$RESTARTS"); do
  rm -f "$WORK/stop"
  java -cp "$CP" io.greenroom.bench.RestartGapProbe "http://127.0.0.1:$PORT" "$WORK/seed.txt" "$WORK/stop" >"$WORK/probe.txt" 2>&1 &
  PROBE=$!
  sleep 3
  STOPPING=$(date +%s%3N)
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || true
  STOPPED=$(date +%s%3N)
  start_server
  await_health
  READY=$(date +%s%3N)
  sleep 2
  touch "$WORK/stop"
  wait "$PROBE"
  echo "restart $restart: old process exited $((STOPPED - STOPPING)) ms after SIGTERM; new one healthy $((READY - STOPPED)) ms after that; $(cat "$WORK/probe.txt")"
done
if [ -n "$LOAD_PID" ]; then
  wait "$LOAD_PID" || true
  echo "load during the restarts: $(grep -E '^requests=' "$WORK/load.txt" | tail -1)"
fi
