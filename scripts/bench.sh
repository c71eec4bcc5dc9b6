#!/usr/bin/env bash
# The benchmark: installs what is missing (Lighthouse lives in bench/, apart from
# the test tools), builds the release app, serves it brotli-compressed as a
# static host would, measures it and prints one table against bench/budgets.json.
# Not part of the pass/fail test run; exits non-zero when a budget is missed.
source "$(dirname "$0")/lib.sh"

ensure_build_tools
ensure_chromium
ensure_node_modules "$ROOT/bench"
release_build
node scripts/bench.mjs "$@"
