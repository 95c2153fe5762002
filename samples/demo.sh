#!/usr/bin/env bash
# The main job on a fresh machine: install podgraph, ingest the shipped sample into the
# embedded store, serve the API, ask it two questions, and stop.
#   bash samples/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e .

STORE=${PODGRAPH_STORE:-.podgraph/demo.podgraph}
PORT=${PORT:-8765}
export PODGRAPH_STORE="$STORE"

echo "== ingest samples/interview.txt into $STORE"
.venv/bin/podgraph ingest samples/interview.txt \
  --title "Reward models and the road to assistants" --show "The Gradient Hour" \
  --date 2024-05-14 --speakers "Maya Okafor"
.venv/bin/podgraph stats

echo "== serve on http://127.0.0.1:$PORT"
.venv/bin/podgraph serve --port "$PORT" >.podgraph/serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

ask() {  # ask QUERY: POST a GraphQL query and pretty-print the answer
  echo "-- $1"
  curl -fs "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' \
    -d "$(.venv/bin/python -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$1")" |
    .venv/bin/python -m json.tool
}

echo "== who said what about RLHF?"
ask '{ claims(concept: "RLHF", limit: 3) { speaker { name } start end type quote } }'
echo "== what did the guest predict?"
ask '{ person(name: "Tomas Lindqvist") { name episodes { role episode { title } } claims(type: "prediction", limit: 3) { start quote horizon } } }'
echo "== done: run '.venv/bin/podgraph serve --store $STORE' and open http://127.0.0.1:8000/ to explore"
