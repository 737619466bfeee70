#!/usr/bin/env bash
# test.sh — set up, build and run every test that this machine can run.
# Extra arguments go to meson setup (e.g. -Db_sanitize=address,undefined).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build-aux/install-deps.sh
dir=${WERKBANK_BUILD_DIR:-build}
[ -d "$dir/meson-private" ] || meson setup "$dir" "$@"
ninja -C "$dir"
meson test -C "$dir" --print-errorlogs --num-processes 2
