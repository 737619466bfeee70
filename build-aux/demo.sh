#!/usr/bin/env bash
# demo.sh — the main job: set up, build, and run the demo engagement against the
# built-in lab company; then open the workbench when a display is there.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build-aux/install-deps.sh
[ -d build/meson-private ] || meson setup build
ninja -C build

export WERKBANK_PLUGIN_PATH="$top/build/plugins:$top/build/tests/plugins"
export WERKBANK_LOCALEDIR="$top/build/po"
export GSETTINGS_SCHEMA_DIR="$top/build/data"
build/app/cli/werkbank-cli demo --dir "${WERKBANK_DEMO_DIR:-$top/werkbank-demo}" --force

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/app/gui/werkbank ]; then
  exec build/app/gui/werkbank
fi
