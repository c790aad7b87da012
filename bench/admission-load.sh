#!/usr/bin/env bash
# Admission benchmark: 1,000 apps x 10 slots, signed OME-shaped requests over loopback.
# Usage: bench/admission-load.sh [RATE=1000] [CONNECTIONS=20] [SECONDS=60]
# Environment: BENCH_APPS=1000 BENCH_SLOTS=10 (per app), BENCH_WARMUP=30 (seconds of the same load
# before measuring, reported on their own line), BENCH_MIX=stress|show (see AdmissionLoadGenerator), BENCH_PIN=1, BENCH_CDS=0|1|aot, BENCH_JAVA,
# BENCH_MEMORY_LIMIT (e.g. 256M), BENCH_NMT=1, BENCH_HISTO=N (the top N classes of the live heap after load), GREENROOM_JVM_FLAGS, BENCH_SERVER_ARGS,
# BENCH_KEEP (a directory for the GC log and the slow answers), BENCH_H2_OPTIONS (appended to the H2 URL, e.g. ";PAGE_SIZE=16384"),
# BENCH_OME=live:N|hang (a stand-in for OME's REST API serving N live streams, or never answering, with
# BENCH_BOARDS live boards open so the poller reads it every poll interval), BENCH_HANGING_TARGET=1 (a Discord
# notification target for every app and event that never answers), BENCH_CHURN=N (every N seconds during the
# load a signed-in producer loads app 2's dashboard page, adds a slot to it and rotates a secret of app 3).
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
# BENCH_NMT=1 reports where the memory goes at the end; tracking costs a few MB of its own.
[ "${BENCH_NMT:-0}" = 1 ] && JVM_FLAGS="$JVM_FLAGS -XX:NativeMemoryTracking=summary"
WORK=$(mktemp -d /tmp/greenroom-bench.XXXXXX)
CGROUP=""
STANDIN_PIDS=()
cleanup() {
  for pid in "${STANDIN_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  kill "${SERVER_PID:-}" 2>/dev/null || true
  wait "${SERVER_PID:-}" 2>/dev/null || true
  if [ -n "$CGROUP" ]; then rmdir "$CGROUP" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
JAR=$(ls target/greenroom-*.jar | grep -v plain | head -1)

# Stand-ins beside Greenroom, on the load generator's core: OME's REST API, a Discord that never answers.
OME_API_PORT=$((PORT + 1)); TARGET_PORT=$((PORT + 2)); SEED_FLAGS=(); EXTRA_ARGS=()
standin() {
  java -Xmx256m -cp "$CP" io.greenroom.bench.BenchStandIns "$@" >"$WORK/standin-$1.log" 2>&1 &
  STANDIN_PIDS+=($!)
  for _ in $(seq 1 60); do grep -q listening "$WORK/standin-$1.log" && return; sleep 0.5; done
  cat "$WORK/standin-$1.log"; exit 1
}
if [ "${BENCH_HANGING_TARGET:-0}" = 1 ]; then
  SEED_FLAGS+=("-Dbench.notify-url=http://127.0.0.1:$TARGET_PORT/api/webhooks/1/benchmark")
  EXTRA_ARGS+=(--greenroom.notify.allow-insecure-urls=true)
fi
java "${SEED_FLAGS[@]}" -cp "$CP" io.greenroom.bench.BenchmarkSeed "$WORK/data" "${BENCH_APPS:-1000}" "${BENCH_SLOTS:-10}" "$WORK/seed.txt"
[ "${BENCH_HANGING_TARGET:-0}" = 1 ] && standin hang "$TARGET_PORT"
case "${BENCH_OME:-}" in
  "") ;;
  live:*) standin ome "$OME_API_PORT" "${BENCH_OME#live:}" "$WORK/seed.txt" ;;
  hang) standin hang "$OME_API_PORT" ;;
  *) echo "BENCH_OME: live:N or hang" >&2; exit 1 ;;
esac
[ -n "${BENCH_OME:-}" ] && EXTRA_ARGS+=(--greenroom.ome.api-url="http://127.0.0.1:$OME_API_PORT")

# BENCH_CDS=1: run as the Docker image does, from the extracted jar with an AppCDS archive made by
# a training run that stops once the context is up. Archived class metadata is file-backed.
# BENCH_CDS=aot: the same with a Java 25 AOT cache (-XX:AOTCacheOutput); set BENCH_JAVA to a JDK 25.
JAVA=${BENCH_JAVA:-java}
if [ "${BENCH_CDS:-0}" = 1 ]; then
  # Exactly as the image and the systemd install do it, with this run's JVM flags.
  java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" --application-filename greenroom.jar >/dev/null
  echo "$JVM_FLAGS" >"$WORK/app/jvm.options"
  sh deploy/train-cds.sh "$WORK/app" "$JAVA" >/dev/null
  JAR="$WORK/app/greenroom.jar"
  JVM_FLAGS="$JVM_FLAGS -XX:SharedArchiveFile=$WORK/app/greenroom.jsa"
elif [ "${BENCH_CDS:-0}" = aot ]; then
  java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
  JAR="$WORK/app/$(basename "$JAR")"
  # The cache is built in metaspace-like buffers: the training run needs no metaspace cap.
  # shellcheck disable=SC2086
  "$JAVA" ${JVM_FLAGS//-XX:MaxMetaspaceSize=128m/} -XX:AOTCacheOutput="$WORK/app/greenroom.aot" \
    -Dspring.context.exit=onRefresh -jar "$JAR" \
    --spring.datasource.url=jdbc:h2:mem:training --greenroom.ome.config-dir="$WORK/training" --greenroom.admission.snapshot-file="$WORK/training/admission-snapshot.json" \
    --greenroom.admin.password=benchmark-password --logging.level.root=WARN >"$WORK/training.log" 2>&1 || true
  JVM_FLAGS="$JVM_FLAGS -XX:AOTCache=$WORK/app/greenroom.aot"
fi

# BENCH_MEMORY_LIMIT=256M: run Greenroom inside a memory cgroup with that limit, as compose's
# mem_limit and systemd's MemoryMax do (needs root and a writable cgroup v1 or v2 memory controller).
IN_CGROUP=()
if [ -n "${BENCH_MEMORY_LIMIT:-}" ]; then
  if [ -w /sys/fs/cgroup/memory ]; then
    CGROUP=/sys/fs/cgroup/memory/greenroom-bench-$$
    mkdir "$CGROUP" && echo "$BENCH_MEMORY_LIMIT" >"$CGROUP/memory.limit_in_bytes"
  elif [ -f /sys/fs/cgroup/cgroup.controllers ] && [ -w /sys/fs/cgroup ]; then
    CGROUP=/sys/fs/cgroup/greenroom-bench-$$
    mkdir "$CGROUP" && echo "$BENCH_MEMORY_LIMIT" >"$CGROUP/memory.max"
  else
    echo "BENCH_MEMORY_LIMIT needs a writable memory cgroup (run as root)" >&2; exit 1
  fi
  IN_CGROUP=(sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$CGROUP")
  # Pages of the jar and the CDS archive already cached by the build count against whoever read
  # them first; drop clean caches so Greenroom's own reads are charged to its cgroup.
  sync
  echo 1 >/proc/sys/vm/drop_caches 2>/dev/null || echo "note: could not drop the page cache; file pages read earlier are charged elsewhere"
fi
cgroup_report() {
  [ -n "$CGROUP" ] || return 0
  if [ -f "$CGROUP/memory.max_usage_in_bytes" ]; then
    echo "cgroup limit $BENCH_MEMORY_LIMIT: peak $(awk '{printf "%.0f MB", $1/1048576}' "$CGROUP/memory.max_usage_in_bytes")," \
      "now anonymous $(awk '$1=="rss" {printf "%.0f MB", $2/1048576}' "$CGROUP/memory.stat")," \
      "page cache $(awk '$1=="cache" {printf "%.0f MB", $2/1048576}' "$CGROUP/memory.stat")," \
      "limit hits $(cat "$CGROUP/memory.failcnt"), OOM kills $(awk '$1=="oom_kill" {print $2}' "$CGROUP/memory.oom_control")"
  else
    echo "cgroup limit $BENCH_MEMORY_LIMIT: peak $(awk '{printf "%.0f MB", $1/1048576}' "$CGROUP/memory.peak" 2>/dev/null)," \
      "now anonymous $(awk '$1=="anon" {printf "%.0f MB", $2/1048576}' "$CGROUP/memory.stat")," \
      "page cache $(awk '$1=="file" {printf "%.0f MB", $2/1048576}' "$CGROUP/memory.stat")," \
      "OOM kills $(awk '$1=="oom_kill" {print $2}' "$CGROUP/memory.events")"
  fi
}

PIN_SERVER=(); PIN_LOAD=()
if [ "${BENCH_PIN:-1}" = 1 ] && command -v taskset >/dev/null; then PIN_SERVER=(taskset -c 0); PIN_LOAD=(taskset -c 1); fi
# shellcheck disable=SC2086
# Every collection is logged (epoch milliseconds) so the report can say which ones fell in the
# measured window: whether a ~200 ms full collection lands there decides most of p99.
"${PIN_SERVER[@]}" "${IN_CGROUP[@]}" "$JAVA" $JVM_FLAGS -Xlog:gc:file="$WORK/gc.log":timemillis -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:file:$WORK/data/greenroom;CACHE_SIZE=${BENCH_H2_CACHE_SIZE:-2048}${BENCH_H2_OPTIONS:-}" --greenroom.ome.config-dir="$WORK/data/ome-conf" --greenroom.admission.snapshot-file="$WORK/data/admission-snapshot.json" \
  --greenroom.admin.password=benchmark-password --logging.level.root=WARN "${EXTRA_ARGS[@]}" ${BENCH_SERVER_ARGS:-} >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { cat "$WORK/server.log"; exit 1; }
# With BENCH_OME, a producer watches live boards (BENCH_BOARDS, default 1: the first apps, ten slots
# each, all on air): signed in, each board's event stream stays open, so the poller reads OME every
# poll interval.
BOARDS=${BENCH_BOARDS:-1}
if [ -n "${BENCH_OME:-}" ]; then
  JAR_COOKIES="$WORK/cookies.txt"
  CSRF=$(curl -fs -c "$JAR_COOKIES" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null --data-urlencode "_csrf=$CSRF" \
    --data-urlencode username=admin --data-urlencode password=benchmark-password "http://127.0.0.1:$PORT/login"
  for app in $(seq 1 "$BOARDS"); do
    curl -fsN -b "$JAR_COOKIES" "http://127.0.0.1:$PORT/apps/$app/live/events" >"$WORK/board-$app.txt" 2>&1 &
    STANDIN_PIDS+=($!)
  done
  for _ in $(seq 1 60); do grep -q "^event:" "$WORK/board-1.txt" && break; sleep 0.5; done
  grep -q "^event:" "$WORK/board-1.txt" || { echo "the live board did not open: $(head -c 300 "$WORK/board-1.txt")" >&2; exit 1; }
fi
# RSS splits into anonymous memory (heap, metaspace, stacks: what a container limit must hold)
# and file-backed pages (the jar, a CDS archive: the kernel can drop them under pressure).
rss() { awk '/VmRSS/ {t=$2} /RssAnon/ {a=$2} /RssFile/ {f=$2} END {printf "%.0f MB (anonymous %.0f, file %.0f)", t/1024, a/1024, f/1024}' "/proc/$SERVER_PID/status"; }
# The disk's read-ahead decides how much each page fault reads back under a memory limit (docs/deploy.md).
read_ahead() { local dev; dev=$(basename "$(df --output=source "$WORK" | tail -1)")
  echo "$dev $(cat "/sys/class/block/$dev/queue/read_ahead_kb" 2>/dev/null || cat "/sys/class/block/$dev/../queue/read_ahead_kb" 2>/dev/null || echo '?') KB"; }
echo "machine: $(nproc) cores, $(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | xargs); java: $("$JAVA" -version 2>&1 | head -1); disk read-ahead: $(read_ahead)"
echo "server JVM flags: $JVM_FLAGS"
echo "mix: ${BENCH_MIX:-stress}, warm-up ${BENCH_WARMUP:-30} s"
[ -n "${BENCH_OME:-}" ] && echo "OME's REST API: a stand-in ($BENCH_OME) on port $OME_API_PORT, $BOARDS live board(s) open"
[ "${BENCH_HANGING_TARGET:-0}" = 1 ] && echo "notifications: one Discord target for every app and event, at a stand-in that never answers"
echo "RSS idle: $(rss)"
# Threads on Linux's idle scheduling policy (5): the background writers Greenroom lowers when ready.
echo "threads on the idle policy: $(for t in /proc/$SERVER_PID/task/*; do
  awk '{sub(/.*\) /, ""); if ($39 == 5) print FILENAME}' "$t/stat" 2>/dev/null | sed 's|/stat$|/comm|' | xargs -r cat; done | sort | uniq -c | awk '{n = $1; $1 = ""; sub(/^ /, ""); printf "%s%s x%d", (NR > 1 ? ", " : ""), $0, n}')"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
# Major page faults: pages Greenroom had to wait for the disk for (the jar, the CDS archive, H2's file),
# which is what a memory limit that is too tight looks like before anything is killed.
major_faults() { awk '{print $12}' "/proc/$SERVER_PID/stat"; }
# BENCH_CHURN=N: a producer at work during the load, on the load generator's core: every N seconds the
# dashboard page of app 2 (whose form gives the CSRF token), a new slot in app 2, a rotated secret in app 3
# (the load generator's publishes with the old secret are refused from then on, as they would be).
# The producer's shell and its curl processes stand for a browser on another machine: they run on Linux's
# idle policy, so forking them does not hold up the load generator's sends, which would count as
# Greenroom's latency. Greenroom's own work for the producer's pages stays on its core.
if [ -n "${BENCH_CHURN:-}" ]; then
  producer() {
    local cookies="$WORK/producer-cookies.txt" round=0 csrf
    csrf=$(curl -fs -c "$cookies" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -fs -b "$cookies" -c "$cookies" -o /dev/null --data-urlencode "_csrf=$csrf" \
      --data-urlencode username=admin --data-urlencode password=benchmark-password "http://127.0.0.1:$PORT/login"
    while sleep "$BENCH_CHURN"; do
      round=$((round + 1))
      csrf=$(curl -fs -b "$cookies" "http://127.0.0.1:$PORT/apps/2" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
      if [ -n "$csrf" ]; then echo page >>"$WORK/producer.txt"; else echo failed >>"$WORK/producer.txt"; continue; fi
      curl -fs -b "$cookies" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "name=soak-$round" \
        --data-urlencode "displayName=Soak $round" --data-urlencode bitrateKbps=2500 --data-urlencode enabled=true \
        "http://127.0.0.1:$PORT/apps/2/slots/new" && echo added >>"$WORK/producer.txt" || echo failed >>"$WORK/producer.txt"
      curl -fs -b "$cookies" -o /dev/null --data-urlencode "_csrf=$csrf" \
        "http://127.0.0.1:$PORT/apps/3/slots/$((21 + round % 10))/rotate" && echo rotated >>"$WORK/producer.txt" || echo failed >>"$WORK/producer.txt"
    done
  }
  IDLE=(); command -v chrt >/dev/null && IDLE=(chrt --idle 0)
  "${PIN_LOAD[@]}" "${IDLE[@]}" bash -c "$(declare -f producer); WORK='$WORK' PORT='$PORT' BENCH_CHURN='$BENCH_CHURN' producer" &
  STANDIN_PIDS+=($!)
  echo "producer at work: every $BENCH_CHURN s a dashboard page, a new slot and a rotated secret"
fi
CPU_BEFORE=$(cpu_ticks); FAULTS_BEFORE=$(major_faults); LOAD_STARTED=$(date +%s.%N)
# The load generator gets a young generation big enough that it never pauses for a collection
# during the run: its own pauses would otherwise be counted as Greenroom's latency.
# With BENCH_OME=live:N, publishes go only to the N slots the stand-in lists as live, as OME would list every
# publisher it let in; otherwise the live reconciliation would take thousands of admitted slots off air as lost.
PUBLISH_SLOTS=0
case "${BENCH_OME:-}" in live:*) PUBLISH_SLOTS=${BENCH_OME#live:} ;; esac
"${PIN_LOAD[@]}" java ${BENCH_LOAD_JVM_FLAGS:--XX:+UseSerialGC -Xms1200m -Xmx1200m -Xmn1g} -Dbench.slow-log="$WORK/slow.txt" -Dbench.publish-slots="$PUBLISH_SLOTS" -cp "$CP" io.greenroom.bench.AdmissionLoadGenerator "http://127.0.0.1:$PORT" "$WORK/seed.txt" \
  "$RATE" "$CONNECTIONS" "$SECONDS_TO_RUN" "${BENCH_WARMUP:-30}" "${BENCH_MIX:-stress}" |
  while IFS= read -r line; do
    printf '%s\n' "$line"
    case $line in "warm-up"*) date +%s%3N >"$WORK/measured-from" ;; esac
  done
date +%s%3N >"$WORK/measured-to"
# Collections whose pause began in the measured window (after the warm-up line).
awk -v from="$(cat "$WORK/measured-from" 2>/dev/null || echo 0)" -v to="$(cat "$WORK/measured-to")" '
  # The heap left after each young collection grows by what it promoted, give or take the survivors,
  # until a full collection empties the old generation: that growth is what brings the next full one.
  # Measured from the first to the last young collection of each stretch between full collections.
  function after(   i, a) { for (i = 1; i <= NF; i++) if ($i ~ /->/) { split($i, a, /->|M/); return a[3] + 0 } return -1 }
  # The young collection just before a full one has usually failed to promote, so its figure is left out.
  function close_stretch() { if (n > 1) { grew += last - first; span += lastt - firstt } n = 0 }
  /Pause/ { t = substr($1, 2) + 0; ms = $NF + 0; heap = after()
    if ($0 ~ /Pause Full/) { allfull++; live = heap; last = before; lastt = beforet; n--; close_stretch() }
    else if (t >= from && t <= to) { before = last; beforet = lastt; if (n++ == 0) { first = heap; firstt = t } last = heap; lastt = t }
    if (t >= from && t <= to) {
      if ($0 ~ /Pause Full/) { full++; fullms += ms; if (ms > fullmax) fullmax = ms }
      else { young++; youngms += ms }
    } }
  END { close_stretch()
    printf "collections in the measured window: %d young (%.0f ms paused in all), %d full (%.0f ms in all, longest %.0f ms)\n",
      young, youngms, full, fullms, fullmax
    printf "old generation: grew %.1f MB a minute between full collections (heap after young ones); %d full since start, %s MB left by the last\n",
      (span > 0) ? grew * 60000 / span : 0, allfull, (allfull > 0) ? live : "-" }' "$WORK/gc.log"
# Which of the answers over 5 ms were waiting while a collection paused Greenroom: the rest were slow
# for another reason (the one core shared with the session writer, H2, the kernel).
[ -f "$WORK/slow.txt" ] && awk '
  FNR == NR { if ($0 ~ /Pause/) { n++; end[n] = substr($1, 2) + 0; start[n] = end[n] - ($NF + 0) } next }
  { slow++; for (i = 1; i <= n; i++) if ($1 <= end[i] && $1 + $2 >= start[i]) { paused++; break } }
  END { printf "answers over 5 ms: %d, of which %d were in flight during a collection pause\n", slow, paused }' "$WORK/gc.log" "$WORK/slow.txt"
if kill -0 "$SERVER_PID" 2>/dev/null; then
  # CPU time Greenroom used while the load generator ran (warm-up included), as a share of one core.
  awk -v t0="$CPU_BEFORE" -v t1="$(cpu_ticks)" -v hz="$(getconf CLK_TCK)" -v s0="$LOAD_STARTED" -v s1="$(date +%s.%N)" \
    'BEGIN {printf "server CPU during the load: %.0f%% of one core\n", 100 * (t1 - t0) / hz / (s1 - s0)}'
  echo "major page faults: $FAULTS_BEFORE until the load, $(( $(major_faults) - FAULTS_BEFORE )) during it"
  echo "RSS after load: $(rss) (peak $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$SERVER_PID/status"))"
  # Where the anonymous memory sits: copies of pages written in file mappings (a CDS archive's
  # written pages count here), and unnamed mappings (heap, metaspace, code, malloc arenas, stacks).
  awk '/^[0-9a-f]+-[0-9a-f]+ / { name = $6; sub(/.*\//, "", name) } /^Size:/ { size = $2 } /^Rss:/ && name != "" { filerss[name] += $2 }
    /^Anonymous:/ && $2 > 0 { if (name == "") { unnamed += $2; if ($2 >= 1024) list = list sprintf(" %.0f/%.0f", $2 / 1024, size / 1024) }
      else byfile[name] += $2 }
    END { printf "anonymous by mapping: unnamed %.0f MB (resident/reserved MB of those over 1 MB:%s)", unnamed / 1024, list
      for (f in byfile) if (byfile[f] >= 1024) printf "; written copies in %s %.0f MB", f, byfile[f] / 1024
      printf "\nresident file pages by file (4 MB or more):"
      for (f in filerss) if (filerss[f] - byfile[f] >= 4096) printf " %s %.0f MB", f, (filerss[f] - byfile[f]) / 1024
      printf "\n" }' "/proc/$SERVER_PID/smaps"
  # Classes loaded, and how many of them came from the CDS archive: the rest were parsed into
  # metaspace after the training run's point (the archive holds what start-up loads).
  jcmd "$SERVER_PID" PerfCounter.print 2>/dev/null | awk -F= '/^java.cls.loadedClasses=/ {l = $2}
    /^java.cls.sharedLoadedClasses=/ {s = $2} END {if (l) printf "classes loaded: %d, %d of them from the CDS archive\n", l, s}'
  # BENCH_HISTO=N: the N classes holding the most live heap after load (forces a full collection).
  if [ "${BENCH_HISTO:-0}" -gt 0 ]; then
    jcmd "$SERVER_PID" GC.class_histogram | awk -v n="${BENCH_HISTO}" 'NR > 2 && NR <= n + 2 {printf "  %8.1f MB %9d %s\n", $3 / 1048576, $2, $4}
      /^Total/ {printf "  live heap: %.1f MB in %d objects\n", $3 / 1048576, $2}'
  fi
  # BENCH_NMT=1: where the memory goes, from the JVM's native memory tracking (committed MB per area).
  if [ "${BENCH_NMT:-0}" = 1 ]; then
    jcmd "$SERVER_PID" VM.native_memory summary | awk '/^-/ {sub(/^- */, ""); name=$1} /committed=/ && name {
      match($0, /committed=[0-9]+KB/); printf "  %s %.0f MB\n", name, substr($0, RSTART+10, RLENGTH-12)/1024; name=""}'
  fi
else
  echo "Greenroom is gone: killed during the load"
fi
if [ -n "${BENCH_CHURN:-}" ]; then
  echo "producer during the load: $(grep -c '^page' "$WORK/producer.txt" 2>/dev/null || echo 0) dashboard pages," \
    "$(grep -c '^added' "$WORK/producer.txt" 2>/dev/null || echo 0) slots added," \
    "$(grep -c '^rotated' "$WORK/producer.txt" 2>/dev/null || echo 0) secrets rotated," \
    "$(grep -c '^failed' "$WORK/producer.txt" 2>/dev/null || echo 0) failed"
fi
if [ -n "${BENCH_OME:-}" ]; then
  echo "requests the poller made to the OME stand-in: $(curl -fs "http://127.0.0.1:$OME_API_PORT/bench/requests")," \
    "board events received: $(cat "$WORK"/board-*.txt | grep -c '^event:')"
fi
# H2's file after the load: background compaction (AUTO_COMPACT_FILL_RATE) trades its size for CPU.
echo "H2 file after load: $(du -m "$WORK/data/greenroom.mv.db" | cut -f1) MB"
cgroup_report
# BENCH_KEEP=DIR: keep the GC log, the slow answers and the server's log for a closer look.
if [ -n "${BENCH_KEEP:-}" ]; then mkdir -p "$BENCH_KEEP" && cp "$WORK"/gc.log "$WORK"/slow.txt "$WORK"/server.log "$BENCH_KEEP"/ 2>/dev/null; fi
