#!/usr/bin/env bash
# Screenshots of each UI view into docs/screenshots/, from a store (default: the one
# `make run` builds). Usage: bash docs/screenshots/take.sh [DB]
set -euo pipefail
cd "$(dirname "$0")/../.."
DB="${1:-var/peacewatch.db}"
OUT=docs/screenshots
CHROMIUM="$(bash .ci/browser.sh)"
PORT="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
.venv/bin/peacewatch serve --db "$DB" --port "$PORT" --rate 0 >/dev/null &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "$BASE/api/health" >/dev/null && break; sleep 0.2; done
# The document view opens on the first quote of the first document, as a click would.
DOC="$(curl -sf "$BASE/api/quotes?limit=1" | .venv/bin/python -c '
import json, sys
q = json.load(sys.stdin)["items"][0]
v = q["version_id"].split("/v")
print(f"doc/{v[0]}?v={v[1]}&s={q['"'"'evidence_start'"'"']}&e={q['"'"'evidence_end'"'"']}")')"
shot() {
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
        --user-data-dir="$(mktemp -d)" --window-size=1280,900 --virtual-time-budget=8000 \
        --screenshot="$OUT/$1.png" "$BASE/#/$2" >/dev/null 2>&1
}
shot timeline timeline
shot map map
shot positions positions
shot quotes quotes
shot documents documents
shot document "$DOC"
shot analyze analyze
ls "$OUT"/*.png
