#!/bin/bash
# bench-gui.sh — the workbench's launch time and memory against the smallest libadwaita
# app (tests/bench/bench-gui-anchor.c), under one Xvfb server started once (its own
# start-up is not counted). Not part of `meson test` (design.md §7).
#
#   tests/bench/bench-gui.sh [BUILDDIR]     (default: build)
#
# Launch: wall-clock time from exec to the first painted frame (each program prints the
# time of its first after-paint), median of BENCH_RUNS runs (default 7), empty engagement
# list. Memory: peak resident size (/usr/bin/time) of a session that opens an engagement
# with BENCH_FINDINGS findings (default 300) with the real Argon2id passphrase slot, shows
# the findings page and quits. Goals (issue 9): launch < 0.5 s, memory < 150 MiB.
#
# Needs: Xvfb (package xvfb), /usr/bin/time (package time), cc and libadwaita's headers.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:-$SRC/build}" && pwd)
RUNS=${BENCH_RUNS:-7}
FINDINGS=${BENCH_FINDINGS:-300}
PASS=bench-passphrase-not-secret

for tool in Xvfb /usr/bin/time cc pkg-config; do
  command -v "$tool" >/dev/null || { echo "bench-gui: $tool is missing" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/wb-bench-gui-XXXXXX")
xvfb_pid=
cleanup () {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck disable=SC2046
cc -O2 -std=gnu11 -o "$WORK/anchor" "$SRC/tests/bench/bench-gui-anchor.c" \
  $(pkg-config --cflags --libs libadwaita-1)
# shellcheck disable=SC2046
cc -O2 -std=gnu11 -o "$WORK/setup" "$SRC/tests/bench/bench-report.c" \
  -I"$SRC/app/core" -I"$BUILD" $(pkg-config --cflags --libs gio-2.0 json-glib-1.0) \
  -L"$BUILD/app/core" -lwerkbank -Wl,-rpath,"$BUILD/app/core"
# The real key derivation (Argon2id, 64 MiB): what a student's laptop does.
env -u WERKBANK_FAST_KDF "$WORK/setup" setup "$WORK" "$FINDINGS" >/dev/null

# One X server for all runs, on a display nobody uses.
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do
  display=$((display + 1))
done
Xvfb ":$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done

mkdir -p "$WORK/home" "$WORK/runtime" "$WORK/shots"
chmod 700 "$WORK/runtime"
export DISPLAY=":$display" HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" \
  XDG_DATA_HOME="$WORK/home/.local/share" XDG_CACHE_HOME="$WORK/home/.cache" \
  XDG_RUNTIME_DIR="$WORK/runtime" GSETTINGS_BACKEND=memory \
  GSETTINGS_SCHEMA_DIR="$BUILD/data" WERKBANK_PLUGIN_PATH="$BUILD/plugins" \
  WERKBANK_GUI_TEST_SHOTS="$WORK/shots"
unset DBUS_SESSION_BUS_ADDRESS WERKBANK_FAST_KDF

# launch PROGRAM...: prints the milliseconds from exec to its first frame
launch () {
  local t0 t1
  t0=$(date +%s%6N)
  env WERKBANK_GUI_QUIT_AFTER_FIRST_FRAME=1 "$@" 2>"$WORK/err" >/dev/null
  t1=$(sed -n 's/^first-frame-realtime-us //p' "$WORK/err" | head -1)
  [ -n "$t1" ] || { echo "bench-gui: no first frame from $1" >&2; cat "$WORK/err" >&2; exit 1; }
  echo $(((t1 - t0) / 1000))
}

median () { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# A warm-up run of each, so both start from the same (warm) page cache.
launch "$WORK/anchor" >/dev/null
launch "$BUILD/app/gui/werkbank" >/dev/null
ours_ms=$(for _ in $(seq "$RUNS"); do launch "$BUILD/app/gui/werkbank"; done | median)
anchor_ms=$(for _ in $(seq "$RUNS"); do launch "$WORK/anchor"; done | median)

peak_kib () {
  /usr/bin/time -f 'maxrss %M' -o "$WORK/time" "$@" >"$WORK/out" 2>&1 || {
    cat "$WORK/out" >&2; exit 1; }
  sed -n 's/^maxrss //p' "$WORK/time"
}
anchor_kib=$(WERKBANK_GUI_QUIT_AFTER_FIRST_FRAME=1 peak_kib "$WORK/anchor")
empty_kib=$(WERKBANK_GUI_QUIT_AFTER_FIRST_FRAME=1 peak_kib "$BUILD/app/gui/werkbank")
script="open:$WORK/bench.wbv;type:$PASS;unlock;expect:engagement;page:findings;count;shot:bench;memory"
open_kib=$(WERKBANK_GUI_TEST_SCRIPT=$script peak_kib "$BUILD/app/gui/werkbank")
shown=$(sed -n 's/^driver: findings-shown //p' "$WORK/out")
[ "$shown" = "$FINDINGS" ] || { echo "bench-gui: the page showed ${shown:-no} findings, not $FINDINGS" >&2; exit 1; }

steady_kib=$(sed -n "s/^driver: VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p" "$WORK/out")

echo "launch to first frame (median of $RUNS, ms): werkbank $ours_ms, anchor $anchor_ms," \
  "ratio $(awk -v a="$ours_ms" -v b="$anchor_ms" 'BEGIN { printf "%.2f", a / b }')× (goal < 500 ms)"
echo "peak memory (MiB): werkbank with $FINDINGS findings open $((open_kib / 1024))," \
  "werkbank empty list $((empty_kib / 1024)), anchor $((anchor_kib / 1024))," \
  "ratio $(awk -v a="$open_kib" -v b="$anchor_kib" 'BEGIN { printf "%.2f", a / b }')× (goal < 150 MiB)"
echo "resident while the $FINDINGS findings are shown (MiB): $((steady_kib / 1024))" \
  "(the peak also holds Argon2id's 64 MiB while the passphrase is checked)"
