#!/bin/sh
# GUI report and retention under Xvfb (TAP), through the real widgets: the demo
# engagement is rendered (kept inside the encrypted engagement), signed as the team and
# then as the teacher with identities made by werkbank-cli (school CA, team, teacher),
# each signature's state shown in words, the PDF exported; pdfsig and verify-pdf --ca
# judge the export. A wrong identity passphrase shows an inline error; the teacher
# cannot sign first; rendering a signed report again warns. Then "Destroy Now…": a wrong
# company name does nothing, the right one crypto-erases the file and writes a signed
# destruction record. No plaintext PDF may be left anywhere but the chosen paths.
# Screenshots: BUILD_ROOT/tests/screenshots/report-*.png and retention-*.png.
#
# Usage: test-gui-report.sh WERKBANK_BINARY WERKBANK_CLI BUILD_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

werkbank=$1
cli=$2
build_root=$3
here=$(dirname "$0")

. "$here/tap.sh"
. "$here/gui-lib.sh"
rm -f "$shots"/report-*.png "$shots"/retention-*.png
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR" "$work/ids" "$work/export"

# 1-4: identities (as in test-sign-cli.sh) and the demo engagement.
export WERKBANK_CA_PASSPHRASE="ca passphrase"
ids="$work/ids"
made=yes
"$cli" identity create-ca --name "Testschool CA" --organization Testschool -o "$ids/ca.wbid" >"$work/id.log" 2>&1 || made=no
WERKBANK_IDENTITY_PASSPHRASE="team passphrase" "$cli" identity issue --ca "$ids/ca.wbid" \
  --name "Team Rood" --role team -o "$ids/team.wbid" >>"$work/id.log" 2>&1 || made=no
WERKBANK_IDENTITY_PASSPHRASE="teacher passphrase" "$cli" identity issue --ca "$ids/ca.wbid" \
  --name "Juf Jansen" --role teacher -o "$ids/teacher.wbid" >>"$work/id.log" 2>&1 || made=no
"$cli" identity export "$ids/ca.wbid" -o "$ids/ca.pem" >>"$work/id.log" 2>&1 || made=no
if [ $made = yes ]; then ok "school CA, team and teacher identities made"; else
  sed 's/^/# /' "$work/id.log"; not_ok "werkbank-cli identity failed"; exit 1; fi
make_demo
company=$(WERKBANK_PASSPHRASE=$pass "$cli" show "$file" 2>/dev/null | sed -n 's/^ *Company: *//p' | head -1)
[ -n "$company" ] || company="Lab Company"
rm -f "$work"/demo/*.pdf   # the demo's own report: not what this test judges
out="$work/export/report-signed.pdf"
record="$work/export/destruction-record.pdf"

# 3: the whole report flow in one session.
s="open:$file;type:$pass;unlock;expect:engagement;page:report;render:;shot:report-rendered"
s="$s;refused:teacher"
s="$s;sign:team;shot-dialog:report-sign-dialog;identity-error:$ids/team.wbid|not the passphrase"
s="$s;shot-dialog:report-sign-error;close-dialog"
s="$s;sign:team;identity:$ids/team.wbid|team passphrase;signatures;shot:report-team-signed"
s="$s;refused:team"
s="$s;sign:teacher;identity:$ids/teacher.wbid|teacher passphrase;signatures;shot:report-certified"
s="$s;export:$out;render-warning;signatures"
s="$s;page:retention;retention;shot:retention-page"
if run_gui "$s"; then ok "the scripted report session ran to the end and exited 0"; else not_ok "report session: exit status $status"; fi
cp "$work/log" "$work/log-report"

grep -q "^driver: preview-pages [1-9]" "$work/log" && ok "the rendered report is previewed" \
  || not_ok "no preview"
grep -q "^driver: refused: The team signs first" "$work/log" \
  && ok "the teacher cannot sign first: the page says so in words" \
  || not_ok "the teacher was not refused before the team signed"
grep -q "^driver: identity inline error: Wrong passphrase" "$work/log" \
  && ok "a wrong identity passphrase shows an inline error" \
  || not_ok "no inline error for a wrong identity passphrase"
grep -q "^driver: refused: The team has signed this report already" "$work/log" \
  && ok "the team cannot sign twice" || not_ok "the team could sign twice"
team_state=$(grep "^driver: signature: Team Rood — team, approval" "$work/log" | head -1)
teacher_state=$(grep "^driver: signature: Juf Jansen — teacher, certification" "$work/log" | tail -1)
case "$team_state" in
  *"Valid: nothing it covers has changed"*"It covers the whole document."*"Issued by the school CA “Testschool CA”."*)
    ok "after the team signed, the page says in words: who, role, valid, whole document, school CA" ;;
  *) not_ok "team signature state in words: ${team_state:-none}" ;;
esac
case "$teacher_state" in
  *"Signed on "*"Valid: nothing it covers has changed"*"It covers the whole document."*"Issued by the school CA “Testschool CA”."*)
    ok "after the teacher signed, the page says so in words (certification, valid, whole document, school CA)" ;;
  *) not_ok "teacher signature state in words: ${teacher_state:-none}" ;;
esac
grep "^driver: signature: Team Rood" "$work/log" | tail -1 | grep -q "the next signature was added after it" \
  && ok "the team's signature is described as covering the document up to the teacher's" \
  || not_ok "the team's signature after the certification is not described"
grep -q "^driver: warning: Render the Report Again?" "$work/log" \
  && ok "rendering a signed report again warns first" || not_ok "no warning before re-rendering"
[ "$(grep -c '^driver: signature: ' "$work/log" | tr -d ' ')" -ge 5 ] \
  && grep "^driver: signature: " "$work/log" | tail -2 | grep -q "Juf Jansen" \
  && ok "cancelling the warning keeps the signed report" || not_ok "the signed report was lost"
grep -q "^driver: keep-until: .*[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]" "$work/log" \
  && ok "the retention page shows the end date" || not_ok "no retention end date"

# The export, judged from outside.
if [ -s "$out" ] && [ "$(stat -c %a "$out")" = 600 ]; then ok "the report was exported (mode 0600)"; else not_ok "no private export at $out"; fi
if command -v pdfsig >/dev/null 2>&1; then
  sig=$(pdfsig "$out" 2>&1)
  if [ "$(printf '%s\n' "$sig" | grep -c 'Signature is Valid')" = 2 ] && printf '%s\n' "$sig" | grep -q "Total document signed"; then
    ok "pdfsig: both signatures valid, the last covers the whole document"
  else
    printf '%s\n' "$sig" | sed 's/^/# /'; not_ok "pdfsig does not call both signatures valid"
  fi
else
  ok "# SKIP pdfsig not installed (poppler-utils)"
fi
if "$cli" verify-pdf --ca "$ids/ca.pem" "$out" >"$work/verify.log" 2>&1 && grep -q "All 2 signatures are valid, issued by the given CA" "$work/verify.log"; then
  ok "werkbank-cli verify-pdf --ca agrees"
else
  sed 's/^/# /' "$work/verify.log"; not_ok "verify-pdf --ca does not agree"
fi
# The CLI sees the same kept report (the GUI did nothing the CLI cannot).
if WERKBANK_PASSPHRASE=$pass "$cli" report-export "$file" -o "$work/export/cli-copy.pdf" >/dev/null 2>&1 && cmp -s "$out" "$work/export/cli-copy.pdf"; then
  ok "werkbank-cli report-export gives the same signed report"
else
  not_ok "the CLI's kept report differs from the GUI's export"
fi
rm -f "$work/export/cli-copy.pdf"

# No plaintext report anywhere but the export directory (home, config, cache, temp,
# the engagement's folder).
leaks=$(grep -rlaE '%PDF-' "$work" --exclude-dir=export --exclude-dir=ids --exclude=log --exclude='log-*' 2>/dev/null)
if [ -z "$leaks" ]; then ok "no plaintext PDF outside the chosen export path"; else not_ok "plaintext PDF found: $leaks"; fi

# Destroy: a wrong name does nothing; the right one erases and writes the record.
s="open:$file;type:$pass;unlock;expect:engagement;page:retention;shot:retention-before"
s="$s;destroy:$record;confirm:Not $company;expect:engagement"
s="$s;destroy:$record;shot-dialog:retention-confirm;confirm:$company;identity:$ids/team.wbid|team passphrase;destroyed:$record;shot:retention-destroyed"
before_wrong=$(stat -c %s "$file")
if run_gui "$s"; then ok "the scripted destroy session ran to the end and exited 0"; else not_ok "destroy session: exit status $status"; fi
grep -q "^driver: destroy refused: the button stays disabled" "$work/log" \
  && ok "a wrong company name leaves the destroy button disabled" || not_ok "a wrong name was accepted"
# After the wrong name the engagement was still open (expect:engagement) and unchanged.
sed -n '/confirm:Not /,/step destroy:/p' "$work/log" | grep -q "expected engagement" \
  && not_ok "the engagement closed after a wrong name" \
  || ok "after a wrong name the engagement stays open"
grep -q "^driver: destroy confirmed" "$work/log" && ok "the right company name enables Destroy" \
  || not_ok "the right name did not enable Destroy"
[ -n "$before_wrong" ] && ok "the engagement existed before" || not_ok "no engagement before"
if [ ! -e "$file" ]; then ok "the engagement file is gone"; else not_ok "the engagement file still exists"; fi
if WERKBANK_PASSPHRASE=$pass "$cli" verify "$file" >/dev/null 2>&1; then not_ok "werkbank-cli verify still opens it"; else ok "werkbank-cli verify cannot open it any more"; fi
if [ -s "$record" ] && grep -q "^driver: destroyed; record written" "$work/log"; then ok "a destruction record was written"; else not_ok "no destruction record"; fi
if command -v pdfsig >/dev/null 2>&1; then
  sig=$(pdfsig "$record" 2>&1)
  if printf '%s\n' "$sig" | grep -q 'Signature is Valid' && printf '%s\n' "$sig" | grep -q "Team Rood"; then
    ok "pdfsig calls the destruction record's signature (Team Rood) valid"
  else
    printf '%s\n' "$sig" | sed 's/^/# /'; not_ok "the destruction record is not validly signed"
  fi
else
  ok "# SKIP pdfsig not installed (poppler-utils)"
fi
if ! grep -q "lab-company.wbv" "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" 2>/dev/null; then
  ok "the destroyed engagement is no longer in the recent list"
else
  not_ok "the destroyed engagement is still in the recent list"
fi
leaks=$(grep -rlaE '%PDF-' "$work" --exclude-dir=export --exclude-dir=ids --exclude=log --exclude='log-*' 2>/dev/null)
if [ -z "$leaks" ]; then ok "still no plaintext PDF outside the chosen paths"; else not_ok "plaintext PDF found: $leaks"; fi

bad=
for name in report-rendered report-sign-dialog report-sign-error report-team-signed report-certified retention-page retention-before retention-confirm retention-destroyed; do
  if check_png "$shots/$name.png"; then :; else bad="$bad $name"; fi
done
if [ -z "$bad" ]; then ok "screenshots report-*.png and retention-*.png are not blank"; else not_ok "screenshots missing or blank:$bad"; fi

tap_done
