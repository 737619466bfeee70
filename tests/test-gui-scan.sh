#!/usr/bin/env bash
# Running a plugin from the workbench (WbRunPage) under Xvfb (TAP). The driver presses
# the widget's real Run and Cancel buttons and reads what a person sees.
#
# Always (no root needed, no packets):
#   - the self-test plugin runs through the widget: progress shown, findings counted
#     as werkbank-cli counts them, a toast-worthy result line;
#   - the network plugin with a stand-in probe (tests/network-fake-probe.sh: it sends
#     nothing) fills the host/service table; a run of the stand-in that would go on for
#     30 s is cancelled midway: the result says nothing was saved, the engagement's
#     findings and history are unchanged, the stand-in is gone, the window kept answering;
#   - a stand-in probe that lacks its capability: the run fails, the result line gives
#     the reason (the setcap command) and says nothing was saved; nothing was;
#   - an engagement whose agreement is not signed: Run cannot be pressed and the reason
#     is shown; the host table in dark mode.
# As root with network namespaces, against the lab (tests/lab/lab.sh, 198.18.0.0/15
# only, the GUI runs inside the scanner's namespace, torn down on exit):
#   - the real scan shows progress; the table lists exactly the lab's open ports for
#     every host (tests/lab/ground-truth.json);
#   - a second scan cancelled midway leaves findings and history unchanged; no probe left;
#   - an agreement that does not name the network scan: the reason is shown and the
#     probe never starts (no packets).
# Screenshots: BUILD_ROOT/tests/screenshots/scan-*.png, not blank. SCAN_NO_LAB=1 leaves
# the lab part out (quicker while working on the widget).
#
# Usage: test-gui-scan.sh WERKBANK_BINARY WERKBANK_CLI BUILD_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

werkbank=$(realpath "$1")
cli=$(realpath "$2")
build_root=$(realpath "$3")
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")

. "$here/tap.sh"
. "$here/gui-lib.sh"
gui_here=$here  # check-png.py, also after the cd below
rm -f "$shots"/scan-*.png

export WERKBANK_PASSPHRASE=gui-scan-test
pass=$WERKBANK_PASSPHRASE
# The self-test plugin lives in the build tree's tests/plugins.
case ":$WERKBANK_PLUGIN_PATH:" in
  *":$build_root/tests/plugins:"*) ;;
  *) export WERKBANK_PLUGIN_PATH="$WERKBANK_PLUGIN_PATH:$build_root/tests/plugins" ;;
esac

# engagement FILE TARGETS PLUGINS SIGN: an engagement with the lab agreement for today,
# scope TARGETS (comma-separated), active checks, PLUGINS named and switched on; signed
# when SIGN is "yes".
engagement () {
  python3 - "$src/tests/data/agreement-lab.json" "$2" "$3" > "$1.json" <<'PY'
import datetime, json, sys
a = json.load(open(sys.argv[1]))
today = datetime.date.today()
a["scope"] = {"targets": sys.argv[2].split(","), "exclude": [], "activity": "active",
              "plugins": sys.argv[3].split(","), "third_party_consent": []}
a["window_start"] = str(today)
a["window_end"] = str(today + datetime.timedelta(days=2))
print(json.dumps(a))
PY
  "$cli" create "$1" --member "Scan test" >/dev/null &&
    "$cli" agreement set "$1" "$1.json" >/dev/null &&
    { [ "$4" != yes ] || "$cli" agreement sign "$1" --date "$(date +%F)" >/dev/null; } &&
    for p in ${3//,/ }; do "$cli" plugins enable "$1" "$p" >/dev/null || return 1; done
}

# log_value KEY: the first value the driver printed as "driver: KEY VALUE"
log_value () { sed -n "s/^driver: $1 //p" "$work/log" | sed -n 1p; }
shot_ok () { check_png "$shots/$1.png"; }
# state FILE: findings, history and hosts as the CLI sees them, in one file
state () {
  { "$cli" findings "$1" --json; "$cli" audit "$1" | wc -l; "$cli" network hosts "$1"; } 2>&1
}
open_steps () { echo "open:$1;type:$pass;unlock;expect:engagement"; }

# ---- without root: the self-test, a stand-in probe, an unsigned agreement --------------
cd "$work" || exit 1
if engagement e.wbv "198.18.0.0/24" "network,selftest" yes &&
   engagement unsigned.wbv "198.18.0.0/24" "network" no; then
  ok "engagements made with werkbank-cli (one signed, one not)"
else
  not_ok "could not make the engagements"
  tap_done
  exit 1
fi

script="$(open_steps "$work/e.wbv");run-widget:selftest;run-expect:ready;shot:scan-checks"
script="$script;run-shot:scan-selftest-ready;run-start;run-wait;run-expect-outcome:done"
script="$script;run-shot:scan-selftest-done"
if run_gui "$script"; then ok "self-test: the session ran to the end"; else not_ok "self-test session: exit $status"; fi
result=$(log_value run-result)
saved=$(printf '%s' "$result" | sed -n 's/.*— \([0-9]*\) findings\? saved\..*/\1/p')
counted=$("$cli" findings e.wbv --json | python3 -c '
import json, sys
print(sum(1 for f in json.load(sys.stdin)["findings"] if f.get("plugin") == "selftest"))')
if [ -n "$saved" ] && [ "$saved" -gt 0 ] && [ "$saved" = "$counted" ]; then
  ok "self-test: the result line says $saved findings saved, as werkbank-cli lists"
else
  not_ok "self-test: result “$result”, werkbank-cli lists $counted"
fi

# The stand-in probe: a copy under $work, so that we can tell whether it still runs.
cp "$src/tests/network-fake-probe.sh" "$work/fake-probe.sh"
chmod +x "$work/fake-probe.sh"
export WERKBANK_PROBE="$work/fake-probe.sh"

script="$(open_steps "$work/e.wbv");run-widget:network;run-expect:ready;run-start;run-progress"
script="$script;run-wait;run-expect-outcome:done;run-hosts:198.18.0.5;run-shot:scan-fake-hosts"
if FAKE_PROBE_MODE=udp run_gui "$script"; then ok "stand-in scan: the session ran to the end"; else not_ok "stand-in scan session: exit $status"; fi
progress=$(log_value run-progress)
case "$progress" in
  0.*" "?*) ok "stand-in scan: the bar and step text showed progress ($progress)" ;;
  *) not_ok "stand-in scan: no progress shown (“$progress”)" ;;
esac
if [ "$(log_value 'run-host 198.18.0.5')" = "161/udp" ]; then
  ok "stand-in scan: the host table lists 198.18.0.5 with SNMP on 161/udp"
else
  not_ok "stand-in scan: the table shows “$(log_value 'run-host 198.18.0.5')” for 198.18.0.5"
fi

state e.wbv > before.txt
script="$(open_steps "$work/e.wbv");run-widget:network;run-start;run-progress;run-cancel"
script="$script;run-expect-outcome:cancelled;run-expect:ready;run-shot:scan-fake-cancelled"
start=$(date +%s)
if FAKE_PROBE_MODE=hang run_gui "$script"; then ok "cancel: the session ran to the end"; else not_ok "cancel session: exit $status"; fi
took=$(( $(date +%s) - start ))
state e.wbv > after.txt
if cmp -s before.txt after.txt; then
  ok "cancel: findings, history and hosts are unchanged"
else
  not_ok "cancel: the engagement changed"; diff before.txt after.txt | sed 's/^/# /' | head -20
fi
case "$(log_value run-result)" in
  *"Nothing from it was saved"*) ok "cancel: the result line says nothing was saved" ;;
  *) not_ok "cancel: result line “$(log_value run-result)”" ;;
esac
if [ "$took" -lt 25 ] && ! pgrep -f "$work/fake-probe.sh" >/dev/null; then
  ok "cancel: the stand-in probe was stopped (session took ${took}s of its 30)"
else
  not_ok "cancel: the probe still runs or the session took ${took}s"
fi
stall=$(log_value run-max-stall-ms)
if [ -n "$stall" ] && [ "$stall" -lt 1000 ]; then
  ok "cancel: the window kept answering (longest pause ${stall} ms)"
else
  not_ok "cancel: the main loop stalled (${stall:-?} ms)"
fi

# A probe without its capability: the run fails, says why in plain words, saves nothing.
state e.wbv > before.txt
script="$(open_steps "$work/e.wbv");run-widget:network;run-start;run-wait;run-expect-outcome:failed"
script="$script;run-shot:scan-fake-failed"
if FAKE_PROBE_MODE=nocap run_gui "$script"; then ok "failed run: the session ran to the end"; else not_ok "failed run session: exit $status"; fi
state e.wbv > after.txt
case "$(log_value run-result)" in
  "Failed — "*"setcap"*"Nothing from this run was saved.") ok "failed run: the reason (the setcap command) and that nothing was saved are shown" ;;
  *) not_ok "failed run: result line “$(log_value run-result)”" ;;
esac
if cmp -s before.txt after.txt; then ok "failed run: the engagement is unchanged"; else not_ok "failed run: the engagement changed"; fi

script="$(open_steps "$work/unsigned.wbv");run-widget:network;run-expect:blocked;run-shot:scan-refused"
if FAKE_PROBE_MODE=udp run_gui "$script"; then ok "unsigned: the session ran to the end"; else not_ok "unsigned session: exit $status"; fi
case "$(log_value run-status)" in
  "Cannot Run Now — "*"not been recorded as signed"*) ok "unsigned: Run cannot be pressed and the reason is shown" ;;
  *) not_ok "unsigned: status “$(log_value run-status)”" ;;
esac

# Dark mode (the app's own colour-scheme setting): the same table, libadwaita's colours.
printf "color-scheme='dark'\n" >> "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile"
script="$(open_steps "$work/e.wbv");run-widget:network;run-hosts:198.18.0.5;run-shot:scan-fake-hosts-dark"
if FAKE_PROBE_MODE=udp run_gui "$script"; then ok "dark: the session ran to the end"; else not_ok "dark session: exit $status"; fi
if shot_ok scan-fake-hosts-dark && ! cmp -s "$shots/scan-fake-hosts.png" "$shots/scan-fake-hosts-dark.png"; then
  ok "dark: the host table is drawn, and differently from light mode"
else
  not_ok "dark: screenshot missing, blank or the same as light mode"
fi
sed -i "/^color-scheme=/d" "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile"
unset WERKBANK_PROBE

bad=
for name in checks selftest-ready selftest-done fake-hosts fake-cancelled fake-failed refused; do
  shot_ok "scan-$name" || bad="$bad $name"
done
if [ -z "$bad" ]; then ok "screenshots scan-*.png are not blank"; else not_ok "screenshots missing or blank:$bad"; fi

# ---- as root: the lab --------------------------------------------------------------
lab="$src/tests/lab/lab.sh"
if [ -n "${SCAN_NO_LAB:-}" ]; then
  echo "# SKIP the lab part: SCAN_NO_LAB is set"
  tap_done
  exit
fi
if [ "$(id -u)" != 0 ] || ! ip netns list >/dev/null 2>&1; then
  echo "# SKIP the lab part: it needs root and network namespaces"
  tap_done
  exit
fi
export LAB_NAME="wg$(( $$ % 100000 ))"
# Whatever happens, the lab goes (gui-lib's trap removes $work).
trap '"$lab" down >/dev/null 2>&1; rm -rf "$work"' EXIT
trap 'exit 1' INT TERM
if ! out=$("$lab" up 2>&1); then
  printf '%s\n' "$out" | sed 's/^/# /'
  not_ok "the lab came up"
  tap_done
  exit 1
fi
ok "the lab is up ($LAB_NAME)"
"$lab" truth expect > expect.json

# The real probe, behind a wrapper that notes each start: a refused run sends nothing.
cat > probe.sh <<EOF
#!/bin/sh
echo started >> "$work/probe-started"
exec "$build_root/app/probe/werkbank-probe" "\$@"
EOF
chmod +x probe.sh

# run_lab SCRIPT: one scripted session inside the scanner's namespace
run_lab () {
  "$lab" exec scanner env WERKBANK_GUI_TEST_SCRIPT="$1" WERKBANK_PROBE="$work/probe.sh" \
    timeout 300 xvfb-run -a -s "-screen 0 1280x1024x24" $run_bus "$werkbank" >"$work/log" 2>&1
  status=$?
  sed 's/^/# /' "$work/log"
  return $status
}

engagement lab.wbv "198.18.0.0/24,198.18.1.0/24" network yes &&
  engagement other.wbv "198.18.0.0/24" selftest yes
result=$?
[ $result = 0 ] && ok "lab engagements made" || not_ok "lab engagements made"

hosts=$(python3 -c 'import json; print(";".join("run-hosts:" + h for h in json.load(open("expect.json"))["hosts"]))')
script="$(open_steps "$work/lab.wbv");run-widget:network;run-start;run-progress;run-shot:scan-lab-running"
script="$script;run-wait;run-expect-outcome:done;$hosts;run-shot:scan-lab-hosts"
if run_lab "$script"; then ok "lab scan: the session ran to the end"; else not_ok "lab scan session: exit $status"; fi
case "$(log_value run-progress)" in
  0.*" "?*) ok "lab scan: progress shown ($(log_value run-progress))" ;;
  *) not_ok "lab scan: no progress shown" ;;
esac
sed -n 's/^driver: run-host //p' log > shown.txt
python3 - expect.json shown.txt > table.txt <<'PY'
import json, sys
expect = json.load(open(sys.argv[1]))
udp_ports = {"dns": 53, "ntp": 123, "netbios": 137, "snmp": 161}
shown = {}
for line in open(sys.argv[2]):
    words = line.split()
    shown[words[0]] = sorted(words[1:])
want = {a: sorted(["%d/tcp" % p for p in expect["tcp"][a]] +
                  ["%d/udp" % udp_ports[s] for s in expect["udp"][a]])
        for a in expect["hosts"]}
bad = {a: (shown.get(a), want[a]) for a in want if shown.get(a) != want[a]}
print("ok" if not bad and len(shown) == len(want) else "bad %s" % bad)
PY
if [ "$(cat table.txt)" = ok ]; then
  ok "lab scan: the table lists exactly the ground truth's open ports for all $(wc -l < shown.txt) hosts"
else
  not_ok "lab scan: table differs from the ground truth: $(cat table.txt)"
fi
printer=$(log_value "run-host 198.18.0.30")
[ "$printer" = "23/tcp 80/tcp" ] && ok "lab scan: the printer shows Telnet and its web page (23/tcp 80/tcp)" ||
  not_ok "lab scan: the printer shows “$printer”"
n_found=$("$cli" findings lab.wbv --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
saved=$(log_value run-result | sed -n 's/.*— \([0-9]*\) findings\? saved\..*/\1/p')
[ -n "$saved" ] && [ "$saved" = "$n_found" ] && [ "$n_found" -gt 0 ] &&
  ok "lab scan: the result line's count ($saved) matches werkbank-cli findings" ||
  not_ok "lab scan: result “$(log_value run-result)”, werkbank-cli lists $n_found"

state lab.wbv > before.txt
rm -f probe-started
script="$(open_steps "$work/lab.wbv");run-widget:network;run-start;run-progress;run-cancel"
script="$script;run-expect-outcome:cancelled;run-expect:ready;run-shot:scan-lab-cancelled"
if run_lab "$script"; then ok "lab cancel: the session ran to the end"; else not_ok "lab cancel session: exit $status"; fi
state lab.wbv > after.txt
[ -s probe-started ] && ok "lab cancel: the scan had started (the probe ran)" ||
  not_ok "lab cancel: the probe never started"
if cmp -s before.txt after.txt; then
  ok "lab cancel: findings (werkbank-cli findings --json), history and hosts unchanged"
else
  not_ok "lab cancel: the engagement changed"; diff before.txt after.txt | sed 's/^/# /' | head -20
fi
sleep 1
if [ -z "$(ip netns pids "$LAB_NAME-scanner" 2>/dev/null)" ]; then
  ok "lab cancel: no probe is left running in the scanner's namespace"
else
  not_ok "lab cancel: processes left in the scanner's namespace: $(ip netns pids "$LAB_NAME-scanner" | tr '\n' ' ')"
fi
stall=$(log_value run-max-stall-ms)
[ -n "$stall" ] && [ "$stall" -lt 1000 ] && ok "lab cancel: the window kept answering (longest pause ${stall} ms)" ||
  not_ok "lab cancel: the main loop stalled (${stall:-?} ms)"

rm -f probe-started
script="$(open_steps "$work/other.wbv");run-widget:network;run-expect:blocked;run-shot:scan-lab-refused"
if run_lab "$script"; then ok "lab refused: the session ran to the end"; else not_ok "lab refused session: exit $status"; fi
case "$(log_value run-status)" in
  "Cannot Run Now — "*"does not include it"*) ok "lab refused: the agreement's reason is shown" ;;
  *) not_ok "lab refused: status “$(log_value run-status)”" ;;
esac
[ ! -e probe-started ] && ok "lab refused: the probe never started (no packets)" ||
  not_ok "lab refused: the probe was started"

bad=
for name in lab-running lab-hosts lab-cancelled lab-refused; do
  shot_ok "scan-$name" || bad="$bad $name"
done
if [ -z "$bad" ]; then ok "lab screenshots are not blank"; else not_ok "lab screenshots missing or blank:$bad"; fi

tap_done
