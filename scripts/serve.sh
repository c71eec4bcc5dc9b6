#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it on
# http://127.0.0.1:${PORT:-8080}/ the way a static host would.
source "$(dirname "$0")/lib.sh"

PORT="${PORT:-8080}"
ensure_build_tools
release_build
say "Kneadtime is running at http://127.0.0.1:$PORT/  (Ctrl+C stops it)"
exec sirv dist --single 404.html --host 127.0.0.1 --port "$PORT" --quiet
