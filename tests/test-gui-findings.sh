#!/bin/sh
# GUI findings review under Xvfb (TAP), through the real widgets: the demo engagement
# with the lab's network findings (nmap XML) and the access checks' findings for the same
# services (tests/findings-fixture.c), so the page has real duplicates. In the workbench:
# a finding's review dialog refuses Save without a reason (inline message), then saves a
# new severity and step with one; the merge question cannot be answered without a
# reason, then merges a suggested pair. werkbank-cli then shows that the vault holds the
# change, its reason and the merge (findings --json, audit). Screenshots
# BUILD_ROOT/tests/screenshots/findings-*.png must not be blank.
#
# Usage: test-gui-findings.sh WERKBANK_BINARY WERKBANK_CLI BUILD_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

werkbank=$1
cli=$2
build_root=$3
here=$(dirname "$0")

. "$here/tap.sh"
. "$here/gui-lib.sh"
rm -f "$shots"/findings-*.png

pass=werkbank-demo-lab
export WERKBANK_PASSPHRASE=$pass
file="$work/demo/lab-company.wbv"
reason_edit="Het klantportaal staat open naar internet"
reason_merge="Zelfde dienst, door twee plugins gezien"
step_text="Blokkeer een account na vijf foute pogingen"

# json EXPR: EXPR over d (findings --json) and g (findings duplicates --json)
json () {
  "$cli" findings "$file" --json >"$work/f.json" &&
    "$cli" findings duplicates "$file" --json >"$work/d.json" &&
    python3 - "$1" "$work" <<'PY'
import json, sys
d = json.load(open(sys.argv[2] + "/f.json")); g = json.load(open(sys.argv[2] + "/d.json"))
by = {}
for x in d["findings"]:
    by.setdefault(x["check_id"], []).append(x)
print(eval(sys.argv[1]))
PY
}

# 1: an engagement with real doubles, made by the CLI (the same core the GUI uses).
if "$cli" demo --dir "$work/demo" >"$work/demo.log" 2>&1 &&
   "$cli" network import-xml "$file" "$here/data/nmap-lab.xml" >>"$work/demo.log" 2>&1 &&
   "$build_root/tests/findings-fixture" "$file" >>"$work/demo.log" 2>&1; then
  ok "the demo engagement with network and access-check findings"
else
  sed 's/^/# /' "$work/demo.log"
  not_ok "could not make the engagement"
  tap_done
  exit 1
fi
before=$(json 'len(g["groups"])')
merges_before=$(json 'len(d["merges"])')

# 2: the session.
script="open:$file;type:$pass;unlock;expect:engagement;page:findings;finding-duplicates"
script="$script;shot:findings-page"
script="$script;finding-edit:access-control.no-lockout;finding-severity:high"
script="$script;finding-step:$step_text;finding-save;finding-shot:findings-editor-error"
script="$script;finding-reason:$reason_edit;finding-save;count"
script="$script;finding-merge:1;finding-shot:findings-merge;finding-merge-confirm"
script="$script;finding-merge:1;finding-merge-reason:$reason_merge;finding-shot:findings-merge-reason"
script="$script;finding-merge-confirm;finding-duplicates;shot:findings-after"
if run_gui "$script"; then ok "the scripted session ran to the end and exited 0"; else not_ok "scripted session: exit status $status"; fi

shown=$(sed -n 's/^driver: duplicates-shown //p' "$work/log")
first=$(echo "$shown" | sed -n 1p)
last=$(echo "$shown" | sed -n 2p)
if [ "$first" = "$before" ] && [ "$before" -gt 0 ]; then
  ok "the page suggests the same duplicates as the CLI ($first)"
else
  not_ok "the page suggests ${first:-?} duplicates, the CLI $before"
fi
if grep -q "^driver: editor-error Say why" "$work/log"; then
  ok "Save without a reason is refused with an inline message"
else
  not_ok "no inline message for a missing reason"
fi
if grep -q "^driver: editor saved" "$work/log"; then ok "Save with a reason closes the dialog"; else not_ok "the dialog did not save"; fi
if grep -q "^driver: merge-disabled" "$work/log"; then
  ok "the merge cannot be confirmed without a reason"
else
  not_ok "the merge could be confirmed without a reason"
fi
if [ "$last" = $((before - 1)) ]; then ok "after the merge one suggestion fewer ($last)"; else not_ok "after the merge ${last:-?} suggestions, wanted $((before - 1))"; fi

# 3: what the vault holds, read by the CLI.
got=$(json '(by["access-control.no-lockout"][0]["severity"], by["access-control.no-lockout"][0]["severity_reason"], by["access-control.no-lockout"][0]["advice"]["step"])')
want=$(python3 -c 'import sys; print(("high", sys.argv[1], sys.argv[2]))' "$reason_edit" "$step_text")
if [ "$got" = "$want" ]; then ok "the vault holds the new severity, its reason and the step"; else not_ok "findings --json: $got"; fi
got=$(json '[(m["reason"], len(m["checks"])) for m in d["merges"]]')
if [ "$merges_before" = 0 ] && [ "$got" = "[('$reason_merge', 1)]" ]; then
  ok "the vault holds one merge with its reason"
else
  not_ok "merges: $got (before: $merges_before)"
fi
got=$(json 'len(g["groups"])')
if [ "$got" = $((before - 1)) ]; then ok "the CLI sees one suggestion fewer too"; else not_ok "the CLI sees $got suggestions"; fi
"$cli" audit "$file" >"$work/audit.txt" 2>&1
if grep -qF "$reason_edit" "$work/audit.txt" && grep -qF "$reason_merge" "$work/audit.txt"; then
  ok "the audit trail has both reasons"
else
  sed 's/^/# /' "$work/audit.txt" | tail -5
  not_ok "the audit trail lacks a reason"
fi
"$cli" findings "$file" >"$work/plan.txt" 2>&1
if grep -qF "Why this severity: $reason_edit" "$work/plan.txt" && grep -q "Merged from: " "$work/plan.txt"; then
  ok "the action plan shows the severity's reason and the merge"
else
  not_ok "the action plan lacks the reason or the merge"
fi

bad=
for name in page editor-error merge merge-reason after; do
  shot="$shots/findings-$name.png"
  if [ -s "$shot" ] && check_png "$shot"; then :; else bad="$bad $name"; fi
done
if [ -z "$bad" ]; then
  ok "screenshots findings-{page,editor-error,merge,merge-reason,after}.png are not blank"
else
  not_ok "screenshots missing or blank:$bad"
fi

tap_done
