#!/bin/sh
# Runs OME and restarts it when Greenroom asks: Greenroom writes a marker file into the shared
# config volume after it changed Server.xml ("apply" in the dashboard); this wrapper sees it,
# removes it, and restarts OME so it reads the new file. If OME exits by itself, the wrapper
# exits with its status and the container's restart policy takes over.
#   OME_COMMAND    how to start OME (default: the airensoft image's own command)
#   RESTART_MARKER the marker file (default: /opt/ovenmediaengine/bin/origin_conf/restart-requested)
#   POLL_SECONDS   how often to look for it (default: 1)
set -u

OME_COMMAND=${OME_COMMAND:-"/opt/ovenmediaengine/bin/OvenMediaEngine -c origin_conf"}
RESTART_MARKER=${RESTART_MARKER:-/opt/ovenmediaengine/bin/origin_conf/restart-requested}
POLL_SECONDS=${POLL_SECONDS:-1}
child=""

start() {
  sh -c "exec $OME_COMMAND" &
  child=$!
  echo "ome-supervisor: started OME (pid $child)"
}

stop() {
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null
    i=0
    while kill -0 "$child" 2>/dev/null && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    kill -KILL "$child" 2>/dev/null
    wait "$child" 2>/dev/null
  fi
}

trap 'stop; exit 0' TERM INT

rm -f "$RESTART_MARKER"
start
while :; do
  sleep "$POLL_SECONDS"
  if [ -e "$RESTART_MARKER" ]; then
    rm -f "$RESTART_MARKER"
    echo "ome-supervisor: restart requested by Greenroom"
    stop
    start
  elif ! kill -0 "$child" 2>/dev/null; then
    wait "$child"
    status=$?
    echo "ome-supervisor: OME exited with status $status"
    exit "$status"
  fi
done
