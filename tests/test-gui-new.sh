#!/bin/sh
# GUI "New Engagement" under Xvfb (TAP): a scripted session through the real widgets
# creates an engagement (a mismatched passphrase pair and an invalid KvK number are
# refused inline first), records the company and the people, fills the agreement's
# scope, tries to sign it while incomplete (the inline message names what is missing),
# completes it and marks it signed. werkbank-cli then proves the file holds exactly
# what was typed. A second session prepares and signs an agreement of an existing,
# unsigned engagement from the overview ("Edit and Sign the Agreement…"). Cancel before
# Create writes nothing.
# Screenshots: BUILD_ROOT/tests/screenshots/new-*.png, not blank.
#
# Usage: test-gui-new.sh WERKBANK_BINARY WERKBANK_CLI BUILD_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

werkbank=$1
cli=$2
build_root=$3
here=$(dirname "$0")

. "$here/tap.sh"
. "$here/gui-lib.sh"
rm -f "$shots"/new-*.png

file="$work/bakkerij.wbv"
pass='correct horse battery staple'
printf '%s\n' "$pass" >"$work/pass"
chmod 600 "$work/pass"

# 1: the whole flow in one session.
s="new;shot:new-start;new-file:$file;new-set:Your Name=Anna de Vries"
s="$s;new-set:Passphrase=$pass;new-set:Repeat Passphrase=not the same passphrase"
s="$s;new-next;new-expect:error;new-expect:file;shot:new-passphrase-mismatch"
s="$s;new-set:Repeat Passphrase=$pass;new-next;new-expect:company"
s="$s;new-set:Company Name=Bakkerij Test BV;new-set:KvK Number (8 Digits)=1234"
s="$s;new-next;new-expect:error;new-expect:company;shot:new-company-error"
s="$s;new-set:KvK Number (8 Digits)=12345678;new-set:SBI Code (Sector, e.g. 47.11)=10.71"
s="$s;new-choose:Size=Fewer than 10 staff;new-choose:Province=Groningen;new-next;new-expect:people"
s="$s;new-set:Person's Name=Kees Bakker;new-choose:Role=Contact person;new-set:Organisation (School or Company)=Bakkerij Test BV"
s="$s;new-set:E-mail=kees@bakkerij.test;new-click:Add Person"
s="$s;new-set:Person's Name=Anna de Vries;new-choose:Role=Student;new-set:Organisation (School or Company)=Noorderpoort"
s="$s;new-click:Add Person;new-set:Person's Name=Bram Jansen;new-click:Add Person"
s="$s;new-set:Person's Name=Petra Jansen;new-choose:Role=Supervising teacher;new-click:Add Person"
s="$s;new-expect-list:Bram Jansen;new-expect-list:Petra Jansen;shot:new-people"
s="$s;new-next;new-expect:agreement;new-expect:unsigned"
s="$s;new-click:Mark as Signed;new-expect:error;new-expect:unsigned;shot:new-agreement-incomplete"
s="$s;new-add:Add a Network or Address=nas.bakkerij.test;new-expect:error"
s="$s;new-add:Add a Network or Address=198.18.0.0/24;new-add:Add a Host Name=nas.bakkerij.test"
s="$s;new-add:Add a Domain=bakkerij.test;new-add:Add a Wi-Fi Network (SSID)=Kantoor"
s="$s;new-add:Exclude an Address or Range=198.18.0.250/31;new-add:Add a Third Party's Domain=hoster.test"
s="$s;new-expect-list:198.18.0.0/24;new-expect-list:*.bakkerij.test;new-expect-list:ssid:Kantoor"
s="$s;new-choose:Most Allowed Activity=Active;new-switch:Network scan;new-switch:Software patching"
s="$s;new-spin:Retention Period in Months=12;new-choose:Report Label (TLP)=TLP:AMBER"
s="$s;new-clause:contact=Kees Bakker is present on both days, phone 050-0000000.;new-expand:contact;shot:new-agreement-clause"
s="$s;new-set:Test Window Starts=2026-11-25;new-set:Test Window Ends=2026-11-27"
s="$s;new-set:Company's Signatory=Kees Bakker;new-set:School's Signatory (Teacher)=Petra Jansen"
s="$s;new-set:Signed On (YYYY-MM-DD)=2026-11-24;new-click:Mark as Signed"
s="$s;new-expect:no-error;new-expect:signed;shot:new-agreement-signed"
s="$s;new-next;expect:engagement;shot:new-overview"
if run_gui "$s"; then ok "the scripted new-engagement session ran to the end"; else not_ok "new-engagement session: exit status $status"; fi

if grep -q "^driver: new inline error: The two passphrases are not the same" "$work/log"; then
  ok "a mismatched passphrase pair is refused inline"
else
  not_ok "no inline message for a mismatched passphrase pair"
fi
if grep -q "^driver: new inline error: A KvK number has exactly 8 digits" "$work/log"; then
  ok "an invalid KvK number is refused inline, in plain words"
else
  not_ok "no inline message for an invalid KvK number"
fi
if grep -q "^driver: new inline error: The agreement cannot be signed yet; missing:" "$work/log" &&
   grep -A8 "^driver: new inline error: The agreement cannot be signed yet" "$work/log" | grep -q "The scope lists nothing"; then
  ok "signing an incomplete agreement is refused inline, naming what is missing"
else
  not_ok "no inline message naming what the agreement misses"
fi
if grep -q "is not a network or address" "$work/log"; then
  ok "a host name typed as a network is refused next to the field"
else
  not_ok "a host name was accepted as a network"
fi

# What the file holds, read back by the CLI with the passphrase typed in the GUI.
if "$cli" show "$file" --passphrase-file "$work/pass" >"$work/show" 2>&1; then
  ok "werkbank-cli opens the new file with the passphrase typed twice"
else
  sed 's/^/# /' "$work/show"; not_ok "werkbank-cli cannot open the new file"
fi
sed 's/^/# /' "$work/show"
want_show () {
  if grep -qF -- "$1" "$work/show"; then ok "show: $2"; else not_ok "show lacks: $1"; fi
}
want_show "Company: Bakkerij Test BV" "the company name"
want_show "KvK: 12345678" "the KvK number"
want_show "SBI: 10.71" "the SBI code"
want_show "Province: Groningen" "the province"
want_show "Kees Bakker (Contact person, Bakkerij Test BV)" "the contact person"
want_show "Anna de Vries (Student, Noorderpoort)" "a student"
want_show "Bram Jansen (Student, Noorderpoort)" "the second student (organisation kept)"
want_show "Petra Jansen (Supervising teacher" "the teacher"
want_show "Agreement: signed on 2026-11-24" "the agreement is signed"

if "$cli" agreement show "$file" --passphrase-file "$work/pass" -o "$work/agreement.json" >"$work/ag.log" 2>&1; then
  ok "werkbank-cli agreement show"
else
  sed 's/^/# /' "$work/ag.log"; not_ok "agreement show failed"
fi
if python3 - "$work/agreement.json" >"$work/ag-check" 2>&1 <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
s = a["scope"]
want = {
  "targets": ["198.18.0.0/24", "nas.bakkerij.test", "*.bakkerij.test", "ssid:Kantoor"],
  "exclude": ["198.18.0.250/31"],
  "activity": "active",
  "plugins": ["network", "patching"],
  "third_party_consent": ["hoster.test"],
}
errors = [f"scope {k}: {s.get(k)!r} != {v!r}" for k, v in want.items() if sorted(s.get(k, [])) != sorted(v) and s.get(k) != v]
for k, v in {"retention_months": 12, "tlp": "amber", "window_start": "2026-11-25",
             "window_end": "2026-11-27", "company_signatory": "Kees Bakker",
             "school_signatory": "Petra Jansen", "signed_on": "2026-11-24"}.items():
    if a.get(k) != v:
        errors.append(f"{k}: {a.get(k)!r} != {v!r}")
if a["clauses"].get("contact") != "Kees Bakker is present on both days, phone 050-0000000.":
    errors.append("contact clause: " + repr(a["clauses"].get("contact")))
if len(a["clauses"]) != 19 or any(not t.strip() for t in a["clauses"].values()):
    errors.append(f"{len(a['clauses'])} clauses, some empty")
print("\n".join(errors))
sys.exit(1 if errors else 0)
PY
then
  ok "the agreement holds exactly the scope, clauses, retention, TLP, window and signatories typed"
else
  sed 's/^/# /' "$work/ag-check"; not_ok "the recorded agreement differs from what was typed"
fi

if grep -q "bakkerij.wbv" "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" 2>/dev/null; then
  ok "the new engagement is in the recent list"
else
  not_ok "the new engagement was not remembered"
fi

# 2: an engagement made by the CLI without an agreement: prepared and signed later.
later="$work/later.wbv"
if WERKBANK_PASSPHRASE="$pass" "$cli" create "$later" --member Bram >/dev/null 2>&1 &&
   WERKBANK_PASSPHRASE="$pass" "$cli" company "$later" --name "Garage Later" >/dev/null 2>&1; then
  ok "werkbank-cli made an engagement without an agreement"
else
  not_ok "werkbank-cli create failed"
fi
s="open:$later;type:$pass;unlock;expect:engagement;shot:new-overview-unsigned;edit-agreement;new-expect:unsigned;new-shot:new-edit-agreement"
s="$s;new-add:Add a Network or Address=198.18.1.0/24;new-choose:Most Allowed Activity=Passive"
s="$s;new-set:Test Window Starts=2026-12-01;new-set:Test Window Ends=2026-12-01"
s="$s;new-set:Company's Signatory=Gerrit Later;new-set:School's Signatory (Teacher)=Petra Jansen"
s="$s;new-set:Signed On (YYYY-MM-DD)=2026-11-30;new-click:Mark as Signed;new-expect:signed"
s="$s;close-agreement;shot:new-edit-overview"
if run_gui "$s"; then ok "the agreement of an existing engagement was prepared and signed from the overview"; else not_ok "edit session: exit status $status"; fi
if WERKBANK_PASSPHRASE="$pass" "$cli" show "$later" 2>&1 | grep -q "Agreement: signed on 2026-11-30"; then
  ok "the later engagement's agreement is recorded as signed"
else
  not_ok "the later engagement's agreement is not signed"
fi

# 3: Cancel on the first step goes back to the list and creates nothing.
s="new;new-file:$work/never.wbv;new-set:Your Name=Anna;new-click:Cancel;expect:engagements"
if run_gui "$s" && [ ! -e "$work/never.wbv" ]; then
  ok "Cancel before Create returns to the list and writes no file"
else
  not_ok "Cancel: exit status $status, or a file was written"
fi

bad=
for name in start passphrase-mismatch company-error people agreement-incomplete agreement-clause agreement-signed overview overview-unsigned edit-agreement edit-overview; do
  shot="$shots/new-$name.png"
  if [ -s "$shot" ] && check_png "$shot"; then :; else bad="$bad $name"; fi
done
if [ -z "$bad" ]; then ok "screenshots new-*.png are not blank"; else not_ok "screenshots missing or blank:$bad"; fi

tap_done
