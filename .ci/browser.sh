#!/usr/bin/env bash
# Prints the path of a headless-capable Chromium, installing Debian's `chromium` if missing
# (never a browser download of its own: CI reaches Debian's archive only). Idempotent; stdout
# carries only the path, so callers can do: CHROMIUM="$(bash .ci/browser.sh)".
set -euo pipefail
find_it() { command -v chromium || command -v chromium-browser || true; }
path="$(find_it)"
if [ -z "$path" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends chromium >&2
    path="$(find_it)"
fi
test -n "$path" || { echo "chromium could not be installed" >&2; exit 1; }
echo "$path"
