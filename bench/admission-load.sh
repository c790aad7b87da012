#!/usr/bin/env bash
# Admission benchmark: 1,000 apps x 10 slots, signed OME-shaped requests over loopback.
# Usage: bench/admission-load.sh [RATE=1000] [CONNECTIONS=20] [SECONDS=60]
# Starts Greenroom from the packaged jar with the JVM flags below, pinned to CPU 0 when
# taskset exists; the load generator runs on CPU 1. Prints latency, throughput and RSS.
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${1:-1000}
CONNECTIONS=${2:-20}
SECONDS_TO_RUN=${3:-60}
PORT=${BENCH_PORT:-18080}
# The flags the Docker image and the systemd unit use, unless GREENROOM_JVM_FLAGS says otherwise.
JVM_FLAGS=${GREENROOM_JVM_FLAGS:-$(tr '\n' ' ' < deploy/jvm.options)}
WORK=$(mktemp -d /tmp/greenroom-bench.XXXXXX)
trap 'kill "${SERVER_PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
JAR=$(ls target/greenroom-*.jar | grep -v plain | head -1)

java -cp "$CP" io.greenroom.bench.BenchmarkSeed "$WORK/data" 1000 10 "$WORK/seed.txt"

# BENCH_CDS=1: run as the Docker image does, from the extracted jar with an AppCDS archive made by
# a training run that stops once the context is up. Archived class metadata is file-backed.
if [ "${BENCH_CDS:-0}" = 1 ]; then
  java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
  JAR="$WORK/app/$(basename "$JAR")"
  # shellcheck disable=SC2086
  java $JVM_FLAGS -XX:ArchiveClassesAtExit="$WORK/app/greenroom.jsa" -Dspring.context.exit=onRefresh -jar "$JAR" \
    --spring.datasource.url=jdbc:h2:mem:training --greenroom.ome.config-dir="$WORK/training" \
    --greenroom.admin.password=benchmark-password --logging.level.root=WARN >"$WORK/training.log" 2>&1 || true
  JVM_FLAGS="$JVM_FLAGS -XX:SharedArchiveFile=$WORK/app/greenroom.jsa"
fi

PIN_SERVER=(); PIN_LOAD=()
if [ "${BENCH_PIN:-1}" = 1 ] && command -v taskset >/dev/null; then PIN_SERVER=(taskset -c 0); PIN_LOAD=(taskset -c 1); fi
# shellcheck disable=SC2086
"${PIN_SERVER[@]}" java $JVM_FLAGS -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:file:$WORK/data/greenroom;CACHE_SIZE=2048" --greenroom.ome.config-dir="$WORK/data/ome-conf" \
  --greenroom.admin.password=benchmark-password --logging.level.root=WARN ${BENCH_SERVER_ARGS:-} >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { cat "$WORK/server.log"; exit 1; }
# RSS splits into anonymous memory (heap, metaspace, stacks: what a container limit must hold)
# and file-backed pages (the jar, a CDS archive: the kernel can drop them under pressure).
rss() { awk '/VmRSS/ {t=$2} /RssAnon/ {a=$2} /RssFile/ {f=$2} END {printf "%.0f MB (anonymous %.0f, file %.0f)", t/1024, a/1024, f/1024}' "/proc/$SERVER_PID/status"; }
echo "machine: $(nproc) cores, $(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | xargs); java: $(java -version 2>&1 | head -1)"
echo "server JVM flags: $JVM_FLAGS"
echo "RSS idle: $(rss)"
"${PIN_LOAD[@]}" java -cp "$CP" io.greenroom.bench.AdmissionLoadGenerator "http://127.0.0.1:$PORT" "$WORK/seed.txt" \
  "$RATE" "$CONNECTIONS" "$SECONDS_TO_RUN"
echo "RSS after load: $(rss) (peak $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$SERVER_PID/status"))"
