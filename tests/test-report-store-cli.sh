#!/usr/bin/env bash
# test-report-store-cli.sh — the report kept inside the engagement: report --store,
# report-sign (team, then teacher; the order refused otherwise), report-export. pdfsig
# (poppler-utils) is the outside judge; its TEXT is read, as it exits 0 even on a
# digest mismatch. No plaintext PDF may appear anywhere but the export paths.
# Usage: test-report-store-cli.sh WERKBANK-CLI SOURCE-ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

cli=$(realpath "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-report-store-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export HOME="$work/home" TMPDIR="$work/tmp"
mkdir -p "$HOME" "$TMPDIR" out

. "$(dirname "$(realpath "$0")")/tap.sh"

export WERKBANK_CA_PASSPHRASE="ca passphrase"
export WERKBANK_IDENTITY_PASSPHRASE="id passphrase"
export WERKBANK_PASSPHRASE="vault passphrase"

check "the school CA" 0 "$cli" identity create-ca --name "Testschool CA" -o ca.wbid
check "a team identity" 0 "$cli" identity issue --ca ca.wbid --name "Team Rood" --role team \
  -o team.wbid
check "a teacher identity" 0 "$cli" identity issue --ca ca.wbid --name "Juf Jansen" \
  --role teacher -o teacher.wbid
check "the CA certificate" 0 "$cli" identity export ca.wbid -o ca.pem
check "an engagement" 0 "$cli" create lab.wbv --member Sanne
check "its company" 0 "$cli" company lab.wbv --name "Bakkerij Kanarie"

check "retention without an agreement" 0 "$cli" retention lab.wbv
contains "it says no period was agreed" "no period was agreed"
check "the agreement's template" 0 "$cli" agreement template -o agreement.json
sed -i 's/"retention_months" *: *[0-9]*/"retention_months": 1/' agreement.json
check "an agreement keeping data one month" 0 "$cli" agreement set lab.wbv agreement.json
check "retention before a report is kept" 0 "$cli" retention lab.wbv
contains "the agreed period is shown" "Retention: 1 month, counted from the report's date"
contains "it says what the end date would be" "made today, the data would be kept until"
contains "it lists what the engagement holds" "Company details: 1 item"
check "nothing kept yet: report-export exits 5" 5 "$cli" report-export lab.wbv -o out/none.pdf
check "nothing kept yet: report-sign exits 5" 5 "$cli" report-sign lab.wbv --identity team.wbid
check "report needs -o or --store" 2 "$cli" report lab.wbv
check "report --store keeps the report in the engagement" 0 "$cli" report lab.wbv --store --final
contains "it says so" "in the engagement"
check "retention after the report is kept" 0 "$cli" retention lab.wbv
today=$(date +%Y-%m-%d)
contains "the period counts from the kept report's date" "Report kept of: $today"
contains "the end date is given" "Keep until: 20"
check "the teacher cannot sign first (exit 4)" 4 "$cli" report-sign lab.wbv \
  --identity teacher.wbid
contains "the order is named" "The team signs first"
WERKBANK_IDENTITY_PASSPHRASE=wrong check "a wrong identity passphrase (exit 3)" 3 "$cli" \
  report-sign lab.wbv --identity team.wbid
check "the team signs" 0 "$cli" report-sign lab.wbv --identity team.wbid
check "the team signs once (exit 4)" 4 "$cli" report-sign lab.wbv --identity team.wbid
check "the teacher certifies" 0 "$cli" report-sign lab.wbv --identity teacher.wbid
check "nothing after the certification (exit 4)" 4 "$cli" report-sign lab.wbv \
  --identity teacher.wbid
contains "final is named" "certified this report already"
check "report-export writes the signed report" 0 "$cli" report-export lab.wbv -o out/r.pdf
[ "$(stat -c %a out/r.pdf)" = 600 ] && ok "the export is private (0600)" \
  || not_ok "the export is private (0600)"
check "verify-pdf --ca agrees" 0 "$cli" verify-pdf --ca ca.pem out/r.pdf
contains "both signatures" "All 2 signatures are valid"
if command -v pdfsig >/dev/null 2>&1; then
  sig=$(pdfsig out/r.pdf 2>&1)
  [ "$(printf '%s\n' "$sig" | grep -c 'Signature is Valid')" = 2 ] \
    && ok "pdfsig: both signatures valid" || { not_ok "pdfsig: both signatures valid"; printf '%s\n' "$sig" | sed 's/^/# /'; }
  printf '%s\n' "$sig" | grep -q "Total document signed" \
    && ok "pdfsig: the last one covers the whole document" \
    || not_ok "pdfsig: the last one covers the whole document"
else
  ok "# SKIP pdfsig not installed"
  ok "# SKIP pdfsig not installed"
fi

# Rendering again replaces the signed version (the signatures are gone with it).
check "a new rendering is kept" 0 "$cli" report lab.wbv --store
check "its export" 0 "$cli" report-export lab.wbv -o out/again.pdf
check "it is unsigned again (exit 5)" 5 "$cli" verify-pdf out/again.pdf

# Encrypted: no PDF and no company name in plaintext anywhere but the exports.
leaks=$(grep -rlaE 'Kanarie|%PDF-' . --exclude-dir=out 2>/dev/null)
[ -z "$leaks" ] && ok "no plaintext report outside the export paths" \
  || not_ok "plaintext found in: $leaks"
check "the engagement file is intact" 0 "$cli" verify lab.wbv

tap_done
