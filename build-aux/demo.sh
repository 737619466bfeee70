#!/usr/bin/env bash
# demo.sh — the main job: set up, build, and run the demo engagement against the
# built-in lab company; then open the workbench when a display is there.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build-aux/install-deps.sh
[ -d build/meson-private ] || meson setup build
ninja -C build

export WERKBANK_PLUGIN_PATH="$top/build/plugins"
export WERKBANK_LOCALEDIR="$top/build/po"
export GSETTINGS_SCHEMA_DIR="$top/build/data"
demo=(build/app/cli/werkbank-cli demo --dir "${WERKBANK_DEMO_DIR:-$top/werkbank-demo}" --force)
# As root, the demo scans the lab network (tests/lab): the lab comes up in network
# namespaces, the demo runs in the scanner's namespace (WERKBANK_DEMO_LAB=1 tells it the
# lab is there) and the lab goes down afterwards. Without root the demo skips the scan.
if [ "$(id -u)" = 0 ] && ip netns list >/dev/null 2>&1 && command -v python3 >/dev/null; then
  export LAB_NAME=wbdemo
  tests/lab/lab.sh down >/dev/null 2>&1 || true
  trap 'tests/lab/lab.sh down >/dev/null 2>&1 || true' EXIT
  tests/lab/lab.sh up
  tests/lab/lab.sh exec scanner env WERKBANK_DEMO_LAB=1 WERKBANK_PLUGIN_PATH="$WERKBANK_PLUGIN_PATH" \
    WERKBANK_LOCALEDIR="$WERKBANK_LOCALEDIR" "${demo[@]}"
  tests/lab/lab.sh down
  trap - EXIT
else
  "${demo[@]}"
fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/app/gui/werkbank ]; then
  exec build/app/gui/werkbank
fi
