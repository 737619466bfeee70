#!/bin/sh
# GUI test of the Checks page under Xvfb (TAP): the plugins rendered from their content.
# werkbank-cli demo makes the lab company's engagement (every question answered,
# friendly-hack agreed without any of its items). Through the real widgets
# (wb-test-steps-checks.c) the AVG questionnaire page is opened; "newsletter" changed to
# Yes shows the question skip logic had hidden, which is answered No with a note and an
# evidence photo (a PNG made here, chosen in the file chooser); a note being typed
# survives the refresh after another answer; a number is typed; the plugin is run from
# its page. Then werkbank-cli proves what the vault holds: the answer, the note and the
# photo (byte for byte) and the finding the rule implies. On the friendly-hack page an
# item outside the agreement cannot be given consent. Screenshots
# BUILD_ROOT/tests/screenshots/checks-*.png must not be blank.
#
# Usage: test-gui-checks.sh WERKBANK_BINARY WERKBANK_CLI BUILD_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

werkbank=$1
cli=$2
build_root=$3
here=$(dirname "$0")

. "$here/tap.sh"
. "$here/gui-lib.sh"
rm -f "$shots"/checks-*.png

make_demo
printf '%s\n' "$pass" >"$work/pass"
chmod 600 "$work/pass"

# A small, valid PNG as the evidence photo (only in this test's private directory).
python3 - "$work/sign.png" <<'PY'
import struct, sys, zlib
w, h = 24, 16
raw = b"".join(b"\0" + b"".join(bytes((10 * x % 256, 8 * y % 256, 150)) for x in range(w)) for y in range(h))
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
photo_sum=$(sha256sum "$work/sign.png" | cut -d' ' -f1)

note="Mailing list bought from a supplier, no consent asked."
script="open:$file;type:$pass;unlock;expect:engagement;page:checks;shot:checks-sidebar"
script="$script;plugin:avg;state;shot:checks-avg"
script="$script;hidden:marketing-consent;answer:newsletter=Yes;shown:marketing-consent"
script="$script;type-note:rights=Still typing this"
script="$script;answer:marketing-consent=No;expect-note:rights=Still typing this"
script="$script;note:marketing-consent=$note;photo:marketing-consent=$work/sign.png"
script="$script;answer:staff=7;focus:marketing-consent;shot:checks-avg-answered"
script="$script;run;state;shot:checks-avg-run"
script="$script;plugin:friendly-hack;consent:tailgating=Kees Bakker;shot:checks-checklist"
script="$script;width:560;shot:checks-narrow"
if run_gui "$script"; then ok "the scripted session ran to the end and exited 0"; else not_ok "scripted session: exit status $status"; fi

if grep -q "^driver: plugin-state avg: .*" "$work/log"; then
  ok "the AVG page states in plain words what the agreement allows and whether it ran"
else
  not_ok "no plugin state on the AVG page"
fi
if grep -q "^driver: hidden marketing-consent" "$work/log" &&
   grep -q "^driver: shown marketing-consent" "$work/log"; then
  ok "skip logic: the marketing-consent question appears once newsletter is answered Yes"
else
  not_ok "skip logic did not show the question live"
fi
if grep -q "^driver: note-kept rights" "$work/log"; then
  ok "a note being typed survives the refresh after another answer is saved"
else
  not_ok "the note being typed was lost by a refresh"
fi
if grep -q "^driver: photo-saved marketing-consent" "$work/log"; then
  ok "the evidence photo was chosen in the file chooser and saved"
else
  not_ok "no evidence photo saved"
fi
if grep -q "^driver: consent-refused tailgating: .*friendly-hack.tailgating.*(expanded: no, save sensitive: no)" "$work/log"; then
  ok "a checklist item outside the agreement cannot be given consent, and says what to add"
else
  not_ok "consent could be given for an item outside the agreement"
fi

# What the vault holds, read back with the CLI.
check "werkbank-cli interview --json lists the saved answers" 0 \
  "$cli" interview "$file" avg --json --passphrase-file "$work/pass"
answers=$out
if printf '%s' "$answers" | python3 -c '
import json, sys
a = json.load(sys.stdin)["answers"]
m = a["marketing-consent"]
ok = (a["newsletter"]["value"] == "yes" and m["value"] == "no" and m["note"] == sys.argv[1]
      and a["staff"]["value"] == 7 and len(m["attachments"]) == 1
      and m["attachments"][0]["name"] == "sign.png" and m["attachments"][0]["sha256"] == sys.argv[2])
sys.exit(0 if ok else 1)' "$note" "$photo_sum"; then
  ok "the answers, the note and the photo (same bytes) are in the vault"
else
  not_ok "the vault does not hold what was given in the GUI"
  printf '%s\n' "$answers" | sed 's/^/# /' | head -40
fi
if strings "$file" | grep -qF "Mailing list bought"; then
  not_ok "the note is readable in the engagement file"
else
  ok "the note is not readable in the engagement file (encrypted)"
fi

if grep -q "^driver: ran avg findings" "$work/log"; then
  ok "the AVG plugin ran from its page"
elif grep -q "^driver: no-run-button avg" "$work/log"; then
  ok "the AVG plugin ran from its page # SKIP the run task offers no Run button yet"
  "$cli" run "$file" avg --quiet --passphrase-file "$work/pass" >/dev/null 2>&1
else
  not_ok "the AVG plugin did not run"
fi
check "werkbank-cli findings lists the findings" 0 \
  "$cli" findings "$file" --json --passphrase-file "$work/pass"
if printf '%s' "$out" | python3 -c '
import json, sys
f = [x for x in json.load(sys.stdin)["findings"] if x["check_id"] == "avg.no-marketing-consent"]
sys.exit(0 if f and any(sys.argv[1] in e for e in f[0].get("evidence", [])) else 1)' "$note"; then
  ok "the finding the rule implies (avg.no-marketing-consent) is there, with the note as evidence"
else
  not_ok "no avg.no-marketing-consent finding with the note"
  printf '%s\n' "$out" | head -c 2000 | sed 's/^/# /'
fi
check "werkbank-cli friendly-hack items still lists tailgating as not agreed and not done" 0 \
  "$cli" friendly-hack items "$file" --passphrase-file "$work/pass"
if printf '%s\n' "$out" | grep -Eq '^tailgating +not agreed +- '; then
  ok "no record was stored for the item outside the agreement"
else
  not_ok "tailgating has a record"; printf '%s\n' "$out" | sed 's/^/# /' | head
fi

# A fresh engagement whose agreement lists one friendly-hack item: before signing the
# sidebar says nothing can run; once signed, consent and an outcome are given for that
# item through its row, and werkbank-cli shows the record.
f2="$work/fresh.wbv"
python3 - "$here/data/agreement-lab.json" "$work/agreement.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
a["scope"]["plugins"] = ["friendly-hack", "friendly-hack.tailgating"]
json.dump(a, open(sys.argv[2], "w"))
PY
export WERKBANK_PASSPHRASE="$pass"
if "$cli" create "$f2" --member Sam >"$work/fresh.log" 2>&1 &&
   "$cli" agreement set "$f2" "$work/agreement.json" >>"$work/fresh.log" 2>&1 &&
   "$cli" plugins enable "$f2" friendly-hack >>"$work/fresh.log" 2>&1; then
  ok "werkbank-cli made an engagement whose agreement lists friendly-hack.tailgating"
else
  not_ok "could not make the fresh engagement"; sed 's/^/# /' "$work/fresh.log"
fi
unset WERKBANK_PASSPHRASE
if run_gui "open:$f2;type:$pass;unlock;expect:engagement;page:checks;notice;plugin:avg;state;shot:checks-unsigned"; then
  ok "unsigned engagement: the session exited 0"
else
  not_ok "unsigned engagement: exit status $status"
fi
if grep -q "^driver: notice The agreement is not signed yet: nothing can run" "$work/log" &&
   grep -q "^driver: plugin-state avg: .*cannot run: the agreement has not been recorded as signed" "$work/log"; then
  ok "until the agreement is signed, the page says plainly that nothing can run"
else
  not_ok "no plain notice that nothing can run before signing"
fi
WERKBANK_PASSPHRASE="$pass" "$cli" agreement sign "$f2" --date 2026-11-24 >/dev/null 2>&1
if run_gui "open:$f2;type:$pass;unlock;expect:engagement;page:checks;notice;plugin:friendly-hack;outcome:tailgating=Fail;consent:tailgating=Kees Bakker;consent:phishing=Kees Bakker;shot:checks-checklist-agreed"; then
  ok "signed engagement: the session exited 0"
else
  not_ok "signed engagement: exit status $status"
fi
if grep -q "^driver: notice none" "$work/log" && grep -q "^driver: consent-saved tailgating: Agreed · Fail, by Sam, with the consent of Kees Bakker" "$work/log" &&
   grep -q "^driver: consent-refused phishing: " "$work/log"; then
  ok "an agreed item takes consent and an outcome; an item outside the agreement still does not"
else
  not_ok "the agreed item was not recorded through the page"
fi
check "werkbank-cli friendly-hack items lists the record" 0 \
  "$cli" friendly-hack items "$f2" --passphrase-file "$work/pass"
if printf '%s\n' "$out" | grep -Eq '^tailgating +agreed +fail ' && printf '%s\n' "$out" | grep -Eq '^phishing +not agreed +- '; then
  ok "the vault holds the tailgating record (fail) and nothing for phishing"
else
  not_ok "friendly-hack items does not show the record"; printf '%s\n' "$out" | sed 's/^/# /' | head
fi

bad=
for name in sidebar avg avg-answered avg-run checklist narrow unsigned checklist-agreed; do
  shot="$shots/checks-$name.png"
  if [ -s "$shot" ] && check_png "$shot"; then :; else bad="$bad $name"; fi
done
if [ -z "$bad" ]; then
  ok "screenshots checks-{sidebar,avg,avg-answered,avg-run,checklist,narrow,unsigned,checklist-agreed}.png are not blank"
else
  not_ok "screenshots missing or blank:$bad"
fi
if ! cmp -s "$shots/checks-avg.png" "$shots/checks-checklist.png"; then
  ok "the questionnaire and checklist pages look different"
else
  not_ok "the questionnaire and checklist screenshots are identical"
fi

tap_done
