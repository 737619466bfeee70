#!/bin/bash
# bench-report.sh — the report renderer (cairo + pango) against Chromium's and
# LibreOffice's HTML-to-PDF on the same ~30-page report. Not part of `meson test`
# (design.md §7: speed is measured side by side with the anchor and reported as a ratio).
#
#   tests/bench/bench-report.sh [BUILDDIR]     (default: build)
#
# Needs: chromium and libreoffice-writer-nogui (for the anchors only), /usr/bin/time
# (package time). Every figure is the median of BENCH_RUNS runs (default 5); memory is
# the peak resident size /usr/bin/time -v reports (for Chromium: its largest process).
# Our figure includes opening the encrypted engagement (fast test KDF) and building the
# report model, as `werkbank-cli report` does.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:-$SRC/build}" && pwd)
RUNS=${BENCH_RUNS:-5}
FINDINGS=${BENCH_FINDINGS:-72}

for tool in chromium libreoffice /usr/bin/time pdfinfo; do
  command -v "$tool" >/dev/null || { echo "bench-report: $tool is missing" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/wb-bench-report-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
HELPER="$WORK/bench-report"
export WERKBANK_FAST_KDF=1 WERKBANK_LOCALEDIR="$BUILD/po"

# shellcheck disable=SC2046
cc -O2 -std=gnu11 -o "$HELPER" "$SRC/tests/bench/bench-report.c" \
  -I"$SRC/app/core" -I"$BUILD" $(pkg-config --cflags --libs gio-2.0 json-glib-1.0) \
  -L"$BUILD/app/core" -lwerkbank -Wl,-rpath,"$BUILD/app/core"
"$HELPER" setup "$WORK" "$FINDINGS"

# measure NAME COMMAND...: runs it RUNS times; prints "seconds kib" medians
measure () {
  local name=$1; shift
  local times=() mems=()
  for _ in $(seq 1 "$RUNS"); do
    /usr/bin/time -v -o "$WORK/time.txt" "$@" > /dev/null 2>&1 || {
      echo "bench-report: $name failed" >&2; cat "$WORK/time.txt" >&2; exit 1; }
    times+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":");
               s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/time.txt")")
    mems+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%s ", a[int((NR + 1) / 2)] }'
  printf '%s\n' "${mems[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

read -r ours_s _ < <(measure werkbank "$HELPER" render "$WORK/bench.wbv" "$WORK/ours.pdf")
pages=$(pdfinfo "$WORK/ours.pdf" | sed -n 's/^Pages: *//p')
# The render phase alone (report model + PDF), as the helper measures it in-process: the
# whole process also opens the vault, whose Argon2id needs at least 64 MiB by design.
for _ in $(seq 1 "$RUNS"); do "$HELPER" render "$WORK/bench.wbv" "$WORK/ours.pdf"; done \
  > "$WORK/phase.txt"
render_s=$(cut -d' ' -f1 "$WORK/phase.txt" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
render_kib=$(cut -d' ' -f2 "$WORK/phase.txt" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')

chrome_profile=$(mktemp -d "$WORK/chrome-XXXXXX")
read -r chrome_s chrome_kib < <(measure chromium chromium --headless --no-sandbox --disable-gpu \
  --no-first-run --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$chrome_profile" --print-to-pdf="$WORK/chromium.pdf" \
  "file://$WORK/report.html")
chrome_pages=$(pdfinfo "$WORK/chromium.pdf" | sed -n 's/^Pages: *//p')

lo_profile=$(mktemp -d "$WORK/lo-XXXXXX")
# One run first: LibreOffice sets up its profile on the first start.
libreoffice -env:UserInstallation="file://$lo_profile" --headless \
  --convert-to pdf:writer_web_pdf_Export --outdir "$WORK/lo" "$WORK/report.html" >/dev/null 2>&1
read -r lo_s lo_kib < <(measure libreoffice libreoffice -env:UserInstallation="file://$lo_profile" \
  --headless --convert-to pdf:writer_web_pdf_Export --outdir "$WORK/lo" "$WORK/report.html")
lo_pages=$(pdfinfo "$WORK/lo/report.pdf" | sed -n 's/^Pages: *//p')

ratio () { echo "scale=1; $1 / $2" | bc -l; }
printf 'report: %s findings, %s pages (Chromium %s, LibreOffice %s); median of %s runs\n' \
  "$FINDINGS" "$pages" "$chrome_pages" "$lo_pages" "$RUNS"
printf '%-28s %7s s %5s MiB\n' "werkbank: render phase" "$render_s" "$((render_kib / 1024))"
# (/usr/bin/time's peak is the render phase's too: the helper resets the high-water mark.)
printf '%-28s %7s s %5s      (opens the vault first: Argon2id, 64 MiB by design)\n' \
  "werkbank: whole process" "$ours_s" ""
printf '%-28s %7s s %5s MiB   %sx the render time (%sx the whole process), %sx the memory\n' \
  "chromium --print-to-pdf" "$chrome_s" "$((chrome_kib / 1024))" \
  "$(ratio "$chrome_s" "$render_s")" "$(ratio "$chrome_s" "$ours_s")" \
  "$(ratio "$chrome_kib" "$render_kib")"
printf '%-28s %7s s %5s MiB   %sx the render time (%sx the whole process), %sx the memory\n' \
  "libreoffice --convert-to pdf" "$lo_s" "$((lo_kib / 1024))" \
  "$(ratio "$lo_s" "$render_s")" "$(ratio "$lo_s" "$ours_s")" "$(ratio "$lo_kib" "$render_kib")"
goal_speed=$(echo "$chrome_s >= 20 * $render_s" | bc -l)
goal_mem=$(echo "$render_kib < 30 * 1024" | bc -l)
echo "goals: >= 20x faster than Chromium: $([ "$goal_speed" = 1 ] && echo met || echo MISSED);" \
  "under 30 MiB peak: $([ "$goal_mem" = 1 ] && echo met || echo MISSED)"
