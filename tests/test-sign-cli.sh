#!/usr/bin/env bash
# test-sign-cli.sh — identity, sign, verify-pdf and destroy --record, end to end.
# Usage: test-sign-cli.sh WERKBANK-CLI
# Prints TAP. pdfsig (poppler-utils) is the outside judge; its TEXT is read, as it exits
# 0 even on a digest mismatch.
set -u

cli=$(realpath "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-sign-cli-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export HOME="$work/home"
mkdir -p "$HOME"

. "$(dirname "$(realpath "$0")")/tap.sh"

export WERKBANK_CA_PASSPHRASE="ca passphrase"
export WERKBANK_IDENTITY_PASSPHRASE="id passphrase"
export WERKBANK_PASSPHRASE="vault passphrase"

for c in identity sign verify-pdf; do
  check "$c --help works" 0 "$cli" "$c" --help
done

# --- identities -----------------------------------------------------------------------
check "the school CA is made" 0 "$cli" identity create-ca --name "Testschool CA" \
  --organization Testschool -o ca.wbid
[ "$(stat -c %a ca.wbid)" = 600 ] && ok "the CA file is private (0600)" \
  || not_ok "the CA file is private (0600)"
check "a team identity is issued" 0 "$cli" identity issue --ca ca.wbid --name "Team Rood" \
  --role team -o team.wbid
check "a teacher identity (RSA) is issued" 0 "$cli" identity issue --ca ca.wbid \
  --name "Juf Jansen" --role teacher --rsa -o teacher.wbid
contains "the teacher's vault slot key is printed" "Teacher slot public key"
check "an identity is never overwritten" 6 "$cli" identity self-signed --name X \
  --role team -o team.wbid
check "a role must be team or teacher" 2 "$cli" identity issue --ca ca.wbid --name X \
  --role boss -o x.wbid
WERKBANK_CA_PASSPHRASE=wrong check "a wrong CA passphrase is refused" 3 "$cli" identity \
  issue --ca ca.wbid --name X --role team -o x.wbid
contains "the wrong passphrase is named" "Wrong passphrase"
[ ! -e x.wbid ] && ok "nothing is written after a wrong passphrase" \
  || not_ok "nothing is written after a wrong passphrase"
check "the CA certificate is exported (PEM)" 0 "$cli" identity export ca.wbid -o ca.pem
grep -q "BEGIN CERTIFICATE" ca.pem && ok "the export is PEM" || not_ok "the export is PEM"
check "a certificate is exported as DER" 0 "$cli" identity export team.wbid --der -o team.der
check "the issuing CA comes with a team identity" 0 "$cli" identity export team.wbid \
  --ca-certificate -o ca2.pem
cmp -s ca.pem ca2.pem && ok "it is the school CA" || not_ok "it is the school CA"
printf 'not an identity' > junk.wbid
check "a malformed identity file is refused" 6 "$cli" identity export junk.wbid
check "a self-signed identity is made" 0 "$cli" identity self-signed --name "Solo" \
  --role team -o solo.wbid

# --- a report to sign -----------------------------------------------------------------
check "an engagement for the report" 0 "$cli" create lab.wbv --member Sanne
check "its company" 0 "$cli" company lab.wbv --name "Bakkerij Test"
check "the report is rendered" 0 "$cli" report lab.wbv -o report.pdf

check "an unsigned PDF has no signature (exit 5)" 5 "$cli" verify-pdf report.pdf
check "the team signs" 0 "$cli" sign report.pdf --identity team.wbid --role team -o team.pdf
cmp -n "$(stat -c %s report.pdf)" report.pdf team.pdf \
  && ok "signing appends: the report is the signed file's prefix" \
  || not_ok "signing appends: the report is the signed file's prefix"
check "a team identity cannot sign as teacher" 4 "$cli" sign team.pdf --identity team.wbid \
  --role teacher -o x.pdf
WERKBANK_IDENTITY_PASSPHRASE=wrong check "a wrong identity passphrase is refused" 3 "$cli" \
  sign team.pdf --identity teacher.wbid --role teacher -o x.pdf
check "the teacher certifies" 0 "$cli" sign team.pdf --identity teacher.wbid \
  --role teacher -o signed.pdf
check "both signatures verify against the school CA" 0 "$cli" verify-pdf signed.pdf --ca ca.pem
contains "the team signed" "Team Rood"
contains "the teacher's is a certification" "certification"
contains "the verdict is plain" "covers the whole file"
check "a signer from another CA is refused (exit 4)" 4 "$cli" verify-pdf signed.pdf \
  --ca team.der
check "a second certification is refused" 6 "$cli" sign signed.pdf --identity teacher.wbid \
  --role teacher -o x.pdf
check "sign never overwrites" 6 "$cli" sign team.pdf --identity teacher.wbid \
  --role teacher -o signed.pdf

# A flipped byte inside the signed range, and an appended update.
cp signed.pdf flipped.pdf
printf '\x21' | dd of=flipped.pdf bs=1 seek=200 conv=notrunc status=none
check "a changed byte fails (exit 1)" 1 "$cli" verify-pdf flipped.pdf
contains "it says the signed part changed" "changed"
cp signed.pdf appended.pdf
printf '%% appended after signing\n' >> appended.pdf
check "bytes after the last signature fail (exit 1)" 1 "$cli" verify-pdf appended.pdf
contains "it says the file was changed after signing" "after the last signature"
check "a file that is no PDF is invalid (exit 6)" 6 "$cli" verify-pdf ca.pem
check "a missing file is not found (exit 5)" 5 "$cli" verify-pdf nothing.pdf
check "a malformed CA file is invalid (exit 6)" 6 "$cli" verify-pdf signed.pdf --ca junk.wbid

if command -v pdfsig > /dev/null; then
  out=$(pdfsig signed.pdf 2>&1)
  [ "$(printf '%s' "$out" | grep -c 'Signature is Valid')" = 2 ] \
    && ok "pdfsig: both signatures are valid" || not_ok "pdfsig: both signatures are valid"
  contains "pdfsig: the last covers the whole document" "Total document signed"
  out=$(pdfsig flipped.pdf 2>&1)
  contains "pdfsig: the flipped byte is a digest mismatch" "Digest Mismatch"
else
  ok "# SKIP pdfsig (poppler-utils) is not installed"
fi

# --- destroy with a signed record -------------------------------------------------------
check "destroy --record needs --identity" 2 "$cli" destroy lab.wbv --yes --record rec.pdf
WERKBANK_IDENTITY_PASSPHRASE=wrong check "a wrong passphrase stops the erase" 3 "$cli" \
  destroy lab.wbv --yes --record rec.pdf --identity team.wbid
[ -e lab.wbv ] && ok "the engagement still exists" || not_ok "the engagement still exists"
WERKBANK_VALIDATOR_PASSPHRASE="id passphrase" check "destroy writes the signed record" 0 \
  "$cli" destroy lab.wbv --yes --record rec.pdf --identity team.wbid --validator teacher.wbid
[ ! -e lab.wbv ] && ok "the engagement is gone" || not_ok "the engagement is gone"
check "the record's signatures verify" 0 "$cli" verify-pdf rec.pdf --ca ca.pem
if command -v pdftotext > /dev/null; then
  out=$(pdftotext rec.pdf - 2>&1)
  contains "the record is in Dutch" "Verklaring van vernietiging"
  contains "the record names the company" "Bakkerij Test"
fi

# --- the demo ends in a signed report -----------------------------------------------
check "the demo runs" 0 "$cli" demo --dir demo
contains "the demo names the signed report" "lab-company-report-signed.pdf"
check "the demo's report verifies against the demo school CA" 0 "$cli" verify-pdf \
  demo/lab-company-report-signed.pdf --ca demo/school-ca.pem
contains "it has the team's and the teacher's signature" "All 2 signatures are valid"
check "the demo runs again on the same identities" 0 "$cli" demo --dir demo --force
check "and its report verifies again" 0 "$cli" verify-pdf \
  demo/lab-company-report-signed.pdf --ca demo/school-ca.pem

tap_done
