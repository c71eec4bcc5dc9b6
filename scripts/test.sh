#!/usr/bin/env bash
# Installs what is missing, then runs every check and test layer:
#   formatting (rustfmt, and leptosfmt for view! macros), types of the e2e tests
#   and scripts (tsc), the benchmark's verdict (node), clippy (native, wasm32, and
#   wasm32 with the release build's split points), a check that the core crate
#   depends on no browser crate, that the stylesheets use logical properties only,
#   the core's native tests (the translation guard among them), wasm-bindgen tests in
#   headless Chromium, the split release build, Playwright end-to-end tests
#   against it at phone and desktop sizes, and smoke tests of it in real WebKit
#   (WebKitGTK) and Firefox ESR (tests/engines). Exits non-zero on any failure.
source "$(dirname "$0")/lib.sh"

ensure_build_tools
ensure_chromium
ensure_leptosfmt
ensure_engines

# A one-off run gains nothing from incremental caches, which double the target folder.
# Set CARGO_INCREMENTAL=1 to keep them while editing.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"
PASSED=0

# Runs one layer, keeping its output in target/test-logs/<name>.log.
layer() {
  local name="$1"
  shift
  say "$name"
  if ! "$@" 2>&1 | tee "$LOGS/$name.log"; then
    printf '\033[1;31mFAILED:\033[0m %s (log: %s)\n' "$name" "$LOGS/$name.log"
    exit 1
  fi
}

# On a machine short of disk, removes the build folder of a layer that has already run
# before the next layer builds (that layer then rebuilds on the next run).
make_room() {
  local free_mb
  free_mb="$(df -Pm "$ROOT/target" | awk 'NR == 2 { print $4 }')"
  if [ "${free_mb:-0}" -lt 2048 ]; then
    say "only ${free_mb} MB free on disk: removing $1"
    rm -rf "$1"
  fi
}

# Adds up "N passed" from cargo's and Playwright's summaries, and "# pass N" from node's
# test runner (TAP), in a log.
count_passed() {
  local n
  n="$(grep -hoE '[0-9]+ passed|^# pass [0-9]+' "$LOGS/$1.log" | grep -oE '[0-9]+' | awk '{ sum += $1 } END { print sum + 0 }')"
  PASSED=$((PASSED + ${n:-0}))
  say "$1: ${n:-0} passed"
}

layer fmt cargo fmt --all --check
# The view! macros, which rustfmt leaves alone (leptosfmt.toml).
layer leptosfmt view_macros_formatted src tests
# tsconfig.json: strict types over tests/e2e/*.ts and, through their JSDoc, scripts/*.mjs.
layer tsc tsc --project tsconfig.json
# The benchmark's verdict (scripts/bench-verdict.mjs); the benchmark itself is not a test layer.
layer node-scripts node --test --test-reporter=tap scripts/bench-verdict.test.mjs scripts/split-texts.test.mjs scripts/prerender-pages.test.mjs scripts/split-loads.test.mjs
count_passed node-scripts
layer clippy-native cargo clippy --workspace --all-targets --locked -- -D warnings
layer clippy-wasm cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
# The release build's split points (feature `split`, see src/pages/lazy.rs) compile only there.
layer clippy-wasm-split cargo clippy --lib --bins --locked --target wasm32-unknown-unknown --features split -- -D warnings
# The native binary that prerenders first screens (Leptos's ssr features, never with csr).
layer clippy-prerender cargo clippy --locked --no-default-features --features prerender --bin prerender -- -D warnings
layer core-is-pure core_is_pure
layer css-logical css_is_logical
layer css-older-safari css_works_on_older_safari
# The core's tests build only the core and its few dependencies, never the front end.
layer native cargo test --locked -p kneadtime-core
count_passed native
make_room "$ROOT/target/debug"
# ChromeDriver leaves a profile of about 125 MB per test binary in $TMPDIR; keep them
# under target/ and remove them after the layer.
CHROME_TMP="$ROOT/target/tmp/chromedriver"
rm -rf "$CHROME_TMP" && mkdir -p "$CHROME_TMP"
layer wasm env CHROMEDRIVER=/usr/bin/chromedriver TMPDIR="$CHROME_TMP" cargo test --locked --target wasm32-unknown-unknown --test web --test player_web --test share_web --test storage_web --test i18n_web --test program_web --test map_web
rm -rf "$CHROME_TMP"
count_passed wasm
make_room "$ROOT/target/wasm32-unknown-unknown/debug"
layer build release_build
layer e2e playwright test
count_passed e2e
layer engines engines_smoke
count_passed engines

echo "total: $PASSED passed, 0 failed"
