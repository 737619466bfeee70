# gui-lib.sh — shared set-up for the GUI tests under Xvfb. Source it after tap.sh with
# $werkbank (the binary) and $build_root set. It skips the whole script (exit 0 with a
# visible reason) when Xvfb or python3 is missing, makes a private home in $work
# (removed on exit), and offers:
#   run_gui SCRIPT     one scripted session (wb-test-driver.c); output kept in $work/log
#   check_png FILE     the PNG exists and is not one flat colour
#   make_demo          the demo engagement in $work/demo (sets $file and $pass), one TAP
#                      line; stops the script when the demo fails
#
# SPDX-License-Identifier: GPL-3.0-or-later

gui_here=$(dirname "$0")
shots="$build_root/tests/screenshots"

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "1..0 # SKIP xvfb-run not installed (apt-get install xvfb xauth)"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "1..0 # SKIP python3 not installed (needed to check the screenshots)"
  exit 0
fi

# Under AddressSanitizer, GTK's system modules (GIO, GL, input methods) are loaded and
# unloaded again; a leak inside an unloaded module cannot be attributed or suppressed by
# name. Memory errors still abort the run; only leak reports are off for the GUI.
if [ -n "${ASAN_OPTIONS+set}" ]; then
  export ASAN_OPTIONS="${ASAN_OPTIONS}:detect_leaks=0"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/werkbank-gui.XXXXXX") || exit 1
# Engagements, reports and evidence made by a test go with everything else.
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$shots" "$work/home" "$work/config/glib-2.0/settings" "$work/data" \
  "$work/cache" "$work/runtime"
chmod 700 "$work/runtime"

# A private, empty home: nothing from the person running the tests leaks in or out.
export HOME="$work/home"
export XDG_CONFIG_HOME="$work/config"
export XDG_DATA_HOME="$work/data"
export XDG_CACHE_HOME="$work/cache"
export XDG_RUNTIME_DIR="$work/runtime"
export GSETTINGS_SCHEMA_DIR="$build_root/data"
export GSETTINGS_BACKEND=keyfile
export LC_ALL="${LC_ALL:-C.UTF-8}"
export WERKBANK_FAST_KDF=1
export WERKBANK_PLUGIN_PATH="${WERKBANK_PLUGIN_PATH:-$build_root/plugins}"
# A critical from GTK or GLib is a bug: make it fail the run.
export G_DEBUG=fatal-criticals
export WERKBANK_GUI_TEST_SHOTS="$shots"
# Never reach a running Werkbank on the caller's session bus.
unset DBUS_SESSION_BUS_ADDRESS
run_bus=
if command -v dbus-run-session >/dev/null 2>&1; then
  run_bus=dbus-run-session
fi

check_png () { [ -s "$1" ] && python3 "$gui_here/check-png.py" "$1"; }

run_gui () {
  env WERKBANK_GUI_TEST_SCRIPT="$1" \
    timeout 300 xvfb-run -a -s "-screen 0 1280x1024x24" \
    $run_bus "$werkbank" >"$work/log" 2>&1
  status=$?
  sed 's/^/# /' "$work/log"
  return $status
}

# The demo engagement, made by werkbank-cli (the same core the GUI uses).
make_demo () {
  if "$cli" demo --dir "$work/demo" >"$work/demo.log" 2>&1 && [ -s "$work/demo/lab-company.wbv" ]; then
    ok "werkbank-cli demo made an engagement"
  else
    sed 's/^/# /' "$work/demo.log"
    not_ok "werkbank-cli demo failed"
    tap_done
    exit 1
  fi
  file="$work/demo/lab-company.wbv"
  pass=werkbank-demo-lab
}
