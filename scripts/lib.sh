# Shared by the scripts in this folder: install what is missing, nothing more.
# Every check compares versions, so a second run installs nothing.
# shellcheck shell=bash

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TRUNK_VERSION_PREFIX="0.21."
# wasm-split-cli cuts the release wasm at the lazy screens (src/pages/lazy.rs); before 0.2.3
# it breaks with wasm-bindgen >= 0.2.128.
WASM_SPLIT_VERSION="0.2.4"
# Formats the view! macros (leptosfmt.toml); the test command checks them.
LEPTOSFMT_VERSION="0.1.33"
# The release build only (release_build): a dated nightly that rebuilds the standard
# library with panics that abort at once, 13 % off the main module. Everything else
# (dev loop, clippy, every test layer) builds on the stable of rust-toolchain.toml.
RELEASE_TOOLCHAIN="nightly-2026-05-20"

say() { printf '\033[1;33m==>\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    say "apt-get update"
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_system_packages() {
  local missing=()
  command -v cc >/dev/null || missing+=(build-essential)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  command -v curl >/dev/null || missing+=(curl)
  if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null; then
    say "installing Rust with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  fi
  # rust-toolchain.toml names the wasm target and components; make sure they are there.
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      rustup component add "$component"
    fi
  done
  if ! rustup component list --installed --toolchain "$RELEASE_TOOLCHAIN" 2>/dev/null | grep -q "^rust-src"; then
    say "installing $RELEASE_TOOLCHAIN with rust-src (the release build's toolchain)"
    rustup toolchain install "$RELEASE_TOOLCHAIN" --profile minimal --component rust-src
  fi
  # The app's dependencies and the standard library's own, so the release build can run
  # --offline (from the network only when they are not here yet). Fetching with
  # -Zbuild-std fetches the standard library's alone, hence two fetches.
  local fetch
  for fetch in "cargo fetch --locked" \
    "cargo +$RELEASE_TOOLCHAIN fetch --locked -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown"; do
    $fetch --offline >/dev/null 2>&1 || $fetch >/dev/null
  done
}

# The wasm-bindgen CLI must match the library version locked in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

ensure_cargo_tools() {
  if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION_PREFIX"; then
    say "installing trunk ^0.21 (takes about 11 minutes on 2 cores)"
    cargo install trunk --version "^0.21" --locked
  fi
  local want
  want="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $want"; then
    say "installing wasm-bindgen-cli $want"
    cargo install wasm-bindgen-cli --version "$want" --locked --force \
      || cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_wasm_split() {
  # The binary prints no version, so ask cargo which version it installed.
  if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
  fi
}

ensure_leptosfmt() {
  if ! leptosfmt --version 2>/dev/null | grep -qx "leptosfmt $LEPTOSFMT_VERSION"; then
    say "installing leptosfmt $LEPTOSFMT_VERSION (takes about 5 minutes on 2 cores)"
    cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked --force
  fi
}

# Fails when a view! macro under the given folders is not as leptosfmt formats it.
# leptosfmt --check exits 0 on a file it cannot parse (it prints "❌ <file>" and the
# error), so such a file fails here too.
view_macros_formatted() {
  local out status=0
  out="$(leptosfmt --check "$@" 2>&1)" || status=$?
  printf '%s\n' "$out"
  if [ "$status" -eq 0 ] && grep -q '^❌ ' <<<"$out"; then
    echo "leptosfmt could not parse the file(s) marked ❌ above" >&2
    status=1
  fi
  return "$status"
}

# npm ci (in folder $1, the project root by default) only when its package-lock.json
# changed since the last install there.
ensure_node_modules() {
  local dir="${1:-$ROOT}"
  local stamp="$dir/node_modules/.kneadtime-lock.sha256"
  local want
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "npm ci in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
}

ensure_build_tools() {
  ensure_system_packages
  ensure_rust
  ensure_cargo_tools
  ensure_wasm_split
  ensure_node_modules
}

# Fails when kneadtime-core depends, even indirectly, on a browser or Leptos crate: the core
# must stay plain Rust that tests natively.
core_is_pure() {
  local browser
  browser="$(cargo tree --locked -p kneadtime-core -e normal --prefix none \
    | grep -E '^(leptos|web-sys|js-sys|wasm-bindgen|tachys|reactive_graph|gloo)' || true)"
  if [ -n "$browser" ]; then
    echo "kneadtime-core depends on browser crates:" >&2
    echo "$browser" >&2
    return 1
  fi
  echo "kneadtime-core depends on no browser crate"
}

# Stylesheets place things by the direction of the text (margin-inline-start, not
# margin-left), so a right-to-left language needs no stylesheet of its own.
css_is_logical() {
  local physical
  physical="$(grep -nE '(margin|padding|border)-(left|right)|(^|[^-])\b(left|right):|(text-align|float|clear): *(left|right)' style/*.css || true)"
  if [ -n "$physical" ]; then
    echo "physical left/right in the stylesheets (use the logical property):" >&2
    echo "$physical" >&2
    return 1
  fi
  echo "the stylesheets use logical properties only"
}

# Colours and effects that older iPhones draw too: no light-dark() (Safari 17.5+; the
# themes are plain values with a media query), and backdrop-filter always beside its
# -webkit- twin (Safari before 18).
css_works_on_older_safari() {
  local found=0
  if grep -n 'light-dark(' style/*.css; then
    echo "light-dark() above: older Safari loses these colours (use plain values per theme)" >&2
    found=1
  fi
  local file
  for file in style/*.css; do
    if [ "$(grep -c '^ *backdrop-filter:' "$file")" != "$(grep -c '^ *-webkit-backdrop-filter:' "$file")" ]; then
      echo "$file: backdrop-filter without -webkit-backdrop-filter beside it" >&2
      found=1
    fi
  done
  [ "$found" -eq 0 ] && echo "the stylesheets draw the same on older Safari"
}

# The release app in dist/, split into a main module and one module per lazy screen:
#   1. cargo with the `split` feature and --emit-relocs on the final link only (passed to
#      rustc, so dependencies stay as built; wasm-split-cli needs the relocations);
#   2. wasm-split-cli: the main module, one module per split point, shared chunks and the
#      __wasm_split.js loader;
#   3. wasm-bindgen on the main module only (chunks import from it as they are);
#   4. wasm-opt -Oz on every module;
#   5. scripts/split-site.mjs: modules into a content-hashed folder, and an index.html that
#      loads them;
#   6. src/bin/prerender.rs, natively: the first screens that need no stored data (home,
#      every built-in routine, about, and the frame for every other address) rendered to
#      HTML from the app's own components, in every language;
#   7. Trunk for styles, icons and the post-build hook (CSP, the prerendered pages and
#      404.html, service worker).
# `trunk serve` and `trunk build` with the plain index.html still give one unsplit module.
release_build() {
  local out="$ROOT/target/split/modules"
  local wasm="$ROOT/target/wasm32-unknown-unknown/release/kneadtime.wasm"
  say "cargo build --release --features split ($RELEASE_TOOLCHAIN, std rebuilt with immediate-abort panics)"
  # A panic in the release traps at once (the page reports a RuntimeError) instead of
  # carrying the formatting and unwinding code of panic messages into every module.
  # Cargo joins these rustflags to .cargo/config.toml's.
  cargo "+$RELEASE_TOOLCHAIN" rustc --locked --offline --release --target wasm32-unknown-unknown \
    --bin kneadtime --features split -Zbuild-std=std,panic_abort \
    --config 'build.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort"]' \
    -- -Clink-args=--emit-relocs
  # Splitting and optimizing some 300 modules takes minutes: an unchanged build by the
  # same tools keeps the modules it made last time.
  local stamp="$out.built-from" from
  from="$(sha256sum "$wasm" | cut -d' ' -f1) wasm-split-cli $WASM_SPLIT_VERSION, $(wasm-bindgen --version), $(wasm-opt --version)"
  if [ -f "$stamp" ] && [ -d "$out" ] && [ "$(cat "$stamp")" = "$from" ]; then
    say "split modules unchanged since the last build"
  else
    rm -rf "$out" "$stamp" && mkdir -p "$out"
    say "wasm-split-cli"
    wasm-split-cli "$wasm" "$out" --out-name kneadtime
    say "wasm-bindgen (main module)"
    wasm-bindgen --target=web --keep-lld-exports --no-demangle --no-typescript \
      --out-dir="$out" --out-name=kneadtime "$out/kneadtime.wasm"
    rm "$out/kneadtime.wasm"
    say "wasm-opt -Oz (every module)"
    local module
    for module in "$out"/*.wasm; do
      # "unknown name subsection with id 3" from wasm-split's output is harmless.
      wasm-opt -Oz --quiet "$module" -o "$module" 2> >(grep -v 'unknown name subsection' >&2)
    done
    printf '%s\n' "$from" >"$stamp"
  fi
  node "$ROOT/scripts/split-site.mjs"
  say "prerender the first screens (src/bin/prerender.rs, native)"
  local prerendered="$ROOT/target/prerender/pages.json"
  cargo run --locked --offline --quiet --no-default-features --features prerender --bin prerender -- \
    "$ROOT/locales" "$prerendered"
  say "trunk build --release"
  KNEADTIME_PRERENDERED="$prerendered" trunk build --release --offline=true "$ROOT/target/split/site/index.html"
}

# The engines of the smoke layer (tests/engines): WebKitGTK's WebKitWebDriver with its
# MiniBrowser, Firefox ESR, Xvfb for MiniBrowser's window (it has no headless mode), and a
# German locale, since MiniBrowser takes its language from the system's.
ensure_engines() {
  local missing=()
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  [ -f /usr/share/i18n/locales/de_DE ] || missing+=(locales)
  if [ "${#missing[@]}" -gt 0 ]; then apt_install --no-install-recommends "${missing[@]}"; fi
  if ! locale -a | grep -qx 'de_DE.utf8'; then
    say "localedef de_DE.UTF-8"
    as_root localedef -i de_DE -f UTF-8 de_DE.UTF-8
  fi
}

# The release build in real WebKit and Firefox, which the Chromium e2e suite cannot speak
# for: home, a routine, the first session's gates, the player, a share link, offline and
# German, at phone size (tests/engines/smoke.mjs). A screen of 24-bit colour for MiniBrowser.
engines_smoke() {
  xvfb-run -a -s "-screen 0 1280x1024x24" node --test-reporter=tap tests/engines/smoke.mjs
}
