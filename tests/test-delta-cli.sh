#!/usr/bin/env bash
# test-delta-cli.sh — werkbank-cli delta and report --previous end to end: two runs of
# the self-test plugin over different scopes (one target dropped, one added).
# Usage: test-delta-cli.sh WERKBANK-CLI SOURCE-DIR      Prints TAP.
set -u

cli=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-delta-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"

. "$(dirname "$(realpath "$0")")/tap.sh"

export WERKBANK_PASSPHRASE="delta passphrase now"
export WERKBANK_PREVIOUS_PASSPHRASE="delta passphrase before"

make_run () { # FILE KVK TARGETS…
  local f=$1 kvk=$2; shift 2
  "$cli" create "$f" --member Sam >/dev/null 2>&1 || return 1
  "$cli" company "$f" --name "Bakkerij Testdeeg B.V." --kvk "$kvk" --sbi 10.71 \
    --size lt10 --province groningen >/dev/null 2>&1 || return 1
  python3 - "$src/tests/data/agreement-lab.json" "$@" <<'PY' || return 1
import json, sys
a = json.load(open(sys.argv[1]))
a["scope"]["targets"] = sys.argv[2:]
a["scope"]["exclude"] = []
json.dump(a, open("agreement.json", "w"))
PY
  "$cli" agreement set "$f" agreement.json >/dev/null 2>&1 || return 1
  "$cli" agreement sign "$f" --date 2026-11-24 >/dev/null 2>&1 || return 1
  "$cli" plugins enable "$f" selftest >/dev/null 2>&1 || return 1
  "$cli" run "$f" selftest --quiet >/dev/null 2>&1
}

if WERKBANK_PASSPHRASE=$WERKBANK_PREVIOUS_PASSPHRASE make_run before.wbv 90000002 \
     198.18.0.0/24 "*.proefkeuken.test" && \
   make_run now.wbv 90000002 198.18.0.0/24 "*.nieuw.test" && \
   make_run other.wbv 90000003 198.18.0.0/24; then
  ok "two runs of the same company and one of another are made"
else
  not_ok "two runs of the same company and one of another are made"
fi

check "the delta is shown" 0 "$cli" delta now.wbv before.wbv
printf '%s\n' "$out" | sed 's/^/# /'
contains "the dropped target is fixed" "fixed"
contains "the added target is new" "new"
contains "the kept target is still open" "still-open"
if printf '%s\n' "$out" | grep -E "^fixed" | grep -q "proefkeuken"; then
  ok "the fixed point names the dropped target"; else not_ok "the fixed point names the dropped target"; fi
if printf '%s\n' "$out" | grep -E "^new" | grep -q "nieuw"; then
  ok "the new point names the added target"; else not_ok "the new point names the added target"; fi
check "another company is refused" 6 env WERKBANK_PREVIOUS_PASSPHRASE="$WERKBANK_PASSPHRASE" \
  "$cli" delta now.wbv other.wbv
contains "the refusal names the reason" "another company"
check "a wrong previous passphrase cannot open it" 3 env WERKBANK_PREVIOUS_PASSPHRASE=wrong \
  "$cli" delta now.wbv before.wbv

check "the report with --previous is written" 0 "$cli" report now.wbv -o r.pdf --previous before.wbv
if command -v pdftotext >/dev/null; then
  text=$(pdftotext r.pdf - | tr -s ' \n' '  ')
  if printf '%s' "$text" | grep -q "Sinds de vorige keer"; then
    ok "the report has the section since last time"; else
    not_ok "the report has the section since last time"; fi
  if printf '%s' "$text" | grep -q "opgelost 1"; then
    ok "the report counts the fixed point"; else
    not_ok "the report counts the fixed point"; printf '%s' "$text" | grep -i "vorige" | sed 's/^/# /'; fi
else
  echo "ok $((n + 1)) # SKIP pdftotext (poppler-utils) is not installed"; n=$((n + 1))
fi

tap_done
