#!/bin/sh
# GUI smoke test under Xvfb (TAP): the workbench starts with an empty engagement list,
# draws a non-blank first frame, saves it as a screenshot and exits 0; the same in
# Dutch; and with two recent engagements it shows the list instead.
#
# Usage: test-gui-smoke.sh WERKBANK_BINARY WERKBANK_CLI BUILD_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

werkbank=$1
build_root=$3
shots="$build_root/tests/screenshots"

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "1..0 # SKIP xvfb-run not installed (apt-get install xvfb xauth)"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "1..0 # SKIP python3 not installed (needed to check the screenshot)"
  exit 0
fi

# Under AddressSanitizer, GTK's system modules (GIO, GL, input methods) are loaded and
# unloaded again; a leak inside an unloaded module cannot be attributed or suppressed by
# name. Memory errors still abort the run; only leak reports are off for the GUI.
if [ -n "${ASAN_OPTIONS+set}" ]; then
  export ASAN_OPTIONS="${ASAN_OPTIONS}:detect_leaks=0"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/werkbank-gui-smoke.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$shots" "$work/home" "$work/config" "$work/data" "$work/cache" "$work/runtime"
chmod 700 "$work/runtime"
rm -f "$shots"/engagements-*.png

# A private, empty home: nothing from the person running the tests leaks in or out.
export HOME="$work/home"
export XDG_CONFIG_HOME="$work/config"
export XDG_DATA_HOME="$work/data"
export XDG_CACHE_HOME="$work/cache"
export XDG_RUNTIME_DIR="$work/runtime"
export GSETTINGS_SCHEMA_DIR="$build_root/data"
export GSETTINGS_BACKEND=memory
export LC_ALL="${LC_ALL:-C.UTF-8}"
# A critical from GTK or GLib is a bug: make it fail the run.
export G_DEBUG=fatal-criticals
# Never reach a running Werkbank on the caller's session bus.
unset DBUS_SESSION_BUS_ADDRESS
run_bus=
if command -v dbus-run-session >/dev/null 2>&1; then
  run_bus=dbus-run-session
fi

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }

# run_gui SCREENSHOT [ENV=VALUE...]: start the app under its own X server.
run_gui () {
  shot=$1
  shift
  env "$@" WERKBANK_GUI_SCREENSHOT="$shot" \
    timeout 120 xvfb-run -a -s "-screen 0 1280x1024x24" \
    $run_bus "$werkbank" >"$work/log" 2>&1
  status=$?
  sed 's/^/# /' "$work/log"
  return $status
}

# check_png FILE: a PNG whose pixels are not all the same colour. Decoded with the
# Python standard library only (zlib), undoing the PNG row filters.
check_png () {
  python3 "$(dirname "$0")/check-png.py" "$1"
}

echo "1..8"

# 1-3: empty list, default language.
empty="$shots/engagements-empty.png"
if run_gui "$empty"; then ok "starts with an empty list and exits 0"; else not_ok "exit status $status"; fi
if [ -s "$empty" ]; then ok "screenshot written: $empty"; else not_ok "no screenshot at $empty"; fi
if [ -s "$empty" ] && check_png "$empty"; then ok "screenshot is not blank"; else not_ok "screenshot is blank or unreadable"; fi

# 4-5: the same in Dutch.
empty_nl="$shots/engagements-empty-nl.png"
if run_gui "$empty_nl" LANGUAGE=nl; then ok "runs in Dutch and exits 0"; else not_ok "Dutch: exit status $status"; fi
if [ -s "$empty_nl" ] && check_png "$empty_nl"; then ok "Dutch screenshot is not blank"; else not_ok "Dutch screenshot missing or blank"; fi

# 6-8: two recent engagements, through the keyfile backend so they can be seeded.
mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings"
cat >"$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" <<KEYFILE
[nl/werkbank/Werkbank]
recent-engagements=['$HOME/Engagements/scan-2026-11-a.wbe', '/media/usb/team-3/scan-2026-10-b.wbe']
KEYFILE
recent="$shots/engagements-recent.png"
if run_gui "$recent" GSETTINGS_BACKEND=keyfile; then ok "starts with a recent list and exits 0"; else not_ok "recent list: exit status $status"; fi
if [ -s "$recent" ] && check_png "$recent"; then ok "recent-list screenshot is not blank"; else not_ok "recent-list screenshot missing or blank"; fi
if [ -s "$recent" ] && [ -s "$empty" ] && ! cmp -s "$recent" "$empty"; then
  ok "the recent list looks different from the empty state"
else
  not_ok "the recent list looks the same as the empty state"
fi

exit $failed
