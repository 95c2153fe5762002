#!/usr/bin/env bash
# Stop the Neo4j test server started by tests/neo4j/start.sh: SIGTERM, wait up
# to $NEO4J_TEST_STOP_TIMEOUT (default 60 s) for the clean shutdown (which also
# deletes the temp data dir), then SIGKILL as a last resort. Safe to run when
# nothing is running. Only signals a PID whose command line is our Launcher.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PIDFILE="$HERE/run/neo4j.pid"
TIMEOUT="${NEO4J_TEST_STOP_TIMEOUT:-60}"

is_ours() { [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q podgraph.testserver.Launcher; }

if [ ! -f "$PIDFILE" ]; then
    echo "neo4j test server not running (no $PIDFILE)"
    exit 0
fi
PID="$(cat "$PIDFILE")"
if ! is_ours "$PID"; then
    echo "neo4j test server not running (stale pid $PID)"
    rm -f "$PIDFILE" "$HERE/run/neo4j.port"
    exit 0
fi

START=$(date +%s)
kill -TERM "$PID"
while kill -0 "$PID" 2>/dev/null; do
    if [ $(( $(date +%s) - START )) -ge "$TIMEOUT" ]; then
        echo "neo4j test server (pid $PID) ignored SIGTERM for ${TIMEOUT}s; sending SIGKILL" >&2
        kill -KILL "$PID" 2>/dev/null || true
        break
    fi
    sleep 0.2
done
rm -f "$PIDFILE" "$HERE/run/neo4j.port"
echo "neo4j test server stopped (pid $PID) in $(( $(date +%s) - START )) s"
