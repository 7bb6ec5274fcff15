#!/usr/bin/env bash
# Refresh the vendored basemap: Natural Earth countries (public domain) as TopoJSON, from the
# npm package world-atlas (ISC licence, copied beside it). Run by hand at dev time; the result is
# committed so that the package never downloads anything at run time.
set -euo pipefail
cd "$(dirname "$0")/static"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz)
cp "$tmp/package/countries-50m.json" world-atlas-countries-50m.json
cp "$tmp/package/LICENSE" world-atlas-LICENSE.txt
