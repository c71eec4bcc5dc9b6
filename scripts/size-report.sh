#!/usr/bin/env bash
# Builds the release app and prints raw, gzip and brotli bytes of every file in dist/.
source "$(dirname "$0")/lib.sh"

ensure_build_tools
release_build
node scripts/size-report.mjs dist
