#!/bin/sh
# GUI flow under Xvfb (TAP): a scripted session through the real widgets. It makes the
# demo engagement with werkbank-cli, then in the workbench: a wrong passphrase shows the
# inline error and the app keeps running; the right one opens the overview; the findings
# page shows the action plan and its severity filter hides rows; the report renders to
# a PDF with a preview; locking returns to the list, which now holds the file. The same
# pages once more in dark mode. Screenshots of each screen go to
# BUILD_ROOT/tests/screenshots/flow-*.png and must not be blank.
#
# Usage: test-gui-flow.sh WERKBANK_BINARY WERKBANK_CLI BUILD_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

werkbank=$1
cli=$2
build_root=$3
here=$(dirname "$0")

. "$here/tap.sh"
. "$here/gui-lib.sh"
rm -f "$shots"/flow-*.png

# 1: the demo engagement, made by the CLI (the same core the GUI uses).
make_demo

# 2-10: light mode, the whole flow in one session.
script="open:$file;type:not-the-passphrase;unlock;expect:error;shot:flow-unlock-error"
script="$script;type:$pass;unlock;expect:engagement;shot:flow-overview"
script="$script;page:findings;count;shot:flow-findings;filter:2;count;shot:flow-findings-filtered"
script="$script;page:report;render:$work/report.pdf;shot:flow-report;lock;shot:flow-locked"
if run_gui "$script"; then ok "the scripted session ran to the end and exited 0"; else not_ok "scripted session: exit status $status"; fi

if grep -q "driver: inline error: " "$work/log"; then
  ok "a wrong passphrase shows an inline error and the app keeps running"
else
  not_ok "no inline error after a wrong passphrase"
fi

all=$(sed -n 's/^driver: findings-shown //p' "$work/log" | sed -n 1p)
filtered=$(sed -n 's/^driver: findings-shown //p' "$work/log" | sed -n 2p)
if [ -n "$all" ] && [ "$all" -gt 0 ]; then ok "the findings page lists the action plan ($all findings)"; else not_ok "the findings page is empty"; fi
if [ -n "$filtered" ] && [ "$filtered" -lt "$all" ] && [ "$filtered" -gt 0 ]; then
  ok "the severity filter hides findings ($filtered of $all left)"
else
  not_ok "the severity filter changed nothing (${filtered:-?} of ${all:-?})"
fi

if [ -s "$work/report.pdf" ] && head -c 5 "$work/report.pdf" | grep -q '%PDF-'; then
  ok "the report was written as a PDF"
else
  not_ok "no PDF at $work/report.pdf"
fi
if grep -Eq "^driver: preview-pages [1-9]" "$work/log"; then ok "the report preview shows pages"; else not_ok "no preview pages"; fi

bad=
for name in unlock-error overview findings findings-filtered report locked; do
  shot="$shots/flow-$name.png"
  if [ -s "$shot" ] && check_png "$shot"; then :; else bad="$bad $name"; fi
done
if [ -z "$bad" ]; then
  ok "screenshots flow-{unlock-error,overview,findings,findings-filtered,report,locked}.png are not blank"
else
  not_ok "screenshots missing or blank:$bad"
fi

if grep -q "lab-company.wbv" "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" 2>/dev/null; then
  ok "the opened engagement is in the recent list"
else
  not_ok "the opened engagement was not remembered"
fi
if ! cmp -s "$shots/flow-overview.png" "$shots/flow-findings.png"; then
  ok "the overview and findings pages look different"
else
  not_ok "the overview and findings screenshots are identical"
fi

# 11-15: dark mode (the app's own colour-scheme setting), overview and findings.
cat >>"$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" <<KEYFILE
color-scheme='dark'
KEYFILE
script="open:$file;type:$pass;unlock;expect:engagement;shot:flow-overview-dark"
script="$script;page:findings;shot:flow-findings-dark;page:report;render:$work/report.pdf;shot:flow-report-dark"
if run_gui "$script"; then ok "dark mode: the session ran and exited 0"; else not_ok "dark mode: exit status $status"; fi
for name in overview findings report; do
  shot="$shots/flow-$name-dark.png"
  if [ -s "$shot" ] && check_png "$shot"; then ok "dark screenshot $name is not blank"; else not_ok "dark screenshot $shot missing or blank"; fi
done
if [ -s "$shots/flow-overview-dark.png" ] && ! cmp -s "$shots/flow-overview.png" "$shots/flow-overview-dark.png"; then
  ok "dark mode looks different from light mode"
else
  not_ok "dark mode looks the same as light mode"
fi

tap_done
