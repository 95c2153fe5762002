#!/usr/bin/env bash
# Start a throwaway Neo4j 5.26 Community server for podgraph's tests.
#
#   tests/neo4j/start.sh [PORT]     # default port: $NEO4J_TEST_PORT or 7688
#   tests/neo4j/stop.sh
#
# What it does:
#   1. Builds tests/neo4j/target/{classes,lib} with Maven (`mvn -q -B
#      process-classes`: compiles the tiny Launcher and copies the Neo4j jars
#      from Maven Central / ~/.m2 into target/lib). Skipped when target/ is
#      newer than pom.xml and the Java source, so later starts need no Maven.
#   2. Runs `java -cp target/classes:target/lib/* podgraph.testserver.Launcher`
#      in the background: embedded DBMS, Bolt on 127.0.0.1:PORT, auth DISABLED
#      (connect with auth=None), no TLS, data in a temp dir deleted on exit,
#      256 MiB page cache, JVM heap capped at 1 GiB, C1-only JIT.
#   3. Writes the PID to run/neo4j.pid, the output to run/neo4j.log (Neo4j's
#      debug.log goes to run/logs/), and waits (up to $NEO4J_TEST_START_TIMEOUT,
#      default 180 s) for the "PODGRAPH-NEO4J READY" line and an open Bolt port.
#      On failure it prints the log tail, stops the JVM and exits non-zero.
#   Running it again while the server is up just reports it (exit 0).
#
# Env knobs: NEO4J_TEST_PORT, NEO4J_TEST_START_TIMEOUT, NEO4J_TEST_JAVA_OPTS
# (replaces the default JVM options), NEO4J_TEST_MVN_ARGS (extra Maven args,
# e.g. "-o" or "-Dmaven.repo.local=/path").
# Needs: Java 17+, Maven 3.8+, network to Maven Central on the first run only.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${1:-${NEO4J_TEST_PORT:-7688}}"
TIMEOUT="${NEO4J_TEST_START_TIMEOUT:-180}"
RUN="$HERE/run"
PIDFILE="$RUN/neo4j.pid"
PORTFILE="$RUN/neo4j.port"
LOG="$RUN/neo4j.log"
READY="PODGRAPH-NEO4J READY"
mkdir -p "$RUN"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
is_ours() { [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q podgraph.testserver.Launcher; }

# --- already running? -------------------------------------------------------
if [ -f "$PIDFILE" ]; then
    PID="$(cat "$PIDFILE")"
    if is_ours "$PID"; then
        RUNNING_PORT="$(cat "$PORTFILE" 2>/dev/null || echo '?')"
        if [ "$RUNNING_PORT" != "$PORT" ]; then
            echo "neo4j test server already running (pid $PID) on port $RUNNING_PORT, not $PORT; run $HERE/stop.sh first" >&2
            exit 1
        fi
        if grep -q "$READY" "$LOG" 2>/dev/null && port_open "$PORT"; then
            echo "neo4j test server already running: bolt://127.0.0.1:$PORT (pid $PID)"
            exit 0
        fi
        echo "neo4j test server (pid $PID) is still starting; waiting"
        STARTED="$(now)"
    else
        rm -f "$PIDFILE" "$PORTFILE" # stale
    fi
fi

if [ -z "${STARTED:-}" ]; then
    if port_open "$PORT"; then
        echo "port 127.0.0.1:$PORT is already in use by another process" >&2
        exit 1
    fi

    # --- build (only when needed) --------------------------------------------
    STAMP="$HERE/target/lib/.complete"
    if [ ! -f "$STAMP" ] || [ "$HERE/pom.xml" -nt "$STAMP" ] \
        || [ -n "$(find "$HERE/src" -newer "$STAMP" -type f 2>/dev/null)" ]; then
        command -v mvn >/dev/null || { echo "mvn not found (apt-get install maven)" >&2; exit 1; }
        BUILD_START="$(now)"
        echo "building neo4j test server classpath with Maven (first run downloads ~125 MB)..."
        rm -rf "$HERE/target/lib"
        # shellcheck disable=SC2086
        (cd "$HERE" && mvn -q -B ${NEO4J_TEST_MVN_ARGS:-} process-classes) >"$RUN/build.log" 2>&1 || {
            tail -n 40 "$RUN/build.log" >&2
            echo "Maven build failed (full output: $RUN/build.log)" >&2
            exit 1
        }
        touch "$STAMP"
        echo "built in $(since "$BUILD_START") s"
    fi

    # --- launch --------------------------------------------------------------
    # TieredStopAtLevel=1 (C1 JIT only) halves startup CPU: ~8.5 s instead of
    # ~16.5 s on 2 cores; a test server never runs long enough to need C2.
    DEFAULT_JAVA_OPTS="-Xms256m -Xmx1g -XX:+UseG1GC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError
        -Dlog4j2.disable.jmx=true
        --add-opens=java.base/java.nio=ALL-UNNAMED
        --add-opens=java.base/java.io=ALL-UNNAMED
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
    STARTED="$(now)"
    rm -rf "$RUN/logs" && mkdir -p "$RUN/logs"
    # shellcheck disable=SC2086
    NEO4J_TEST_LOGS="$RUN/logs" nohup java ${NEO4J_TEST_JAVA_OPTS:-$DEFAULT_JAVA_OPTS} \
        -cp "$HERE/target/classes:$HERE/target/lib/*" podgraph.testserver.Launcher "$PORT" \
        >"$LOG" 2>&1 </dev/null &
    PID=$!
    echo "$PID" >"$PIDFILE"
    echo "$PORT" >"$PORTFILE"
fi

# --- wait for Bolt ------------------------------------------------------------
DEADLINE=$(( $(date +%s) + TIMEOUT ))
while :; do
    if ! kill -0 "$PID" 2>/dev/null; then
        echo "neo4j test server exited during startup; last log lines:" >&2
        tail -n 40 "$LOG" >&2
        rm -f "$PIDFILE" "$PORTFILE"
        exit 1
    fi
    if grep -q "$READY" "$LOG" && port_open "$PORT"; then
        echo "neo4j test server ready: bolt://127.0.0.1:$PORT auth=none (pid $PID) in $(since "$STARTED") s"
        exit 0
    fi
    if [ "$(date +%s)" -ge "$DEADLINE" ]; then
        echo "neo4j test server not ready after ${TIMEOUT}s; last log lines:" >&2
        tail -n 40 "$LOG" >&2
        "$HERE/stop.sh" >&2 || true
        exit 1
    fi
    sleep 0.5
done
