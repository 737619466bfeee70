#!/usr/bin/env bash
# test-cli-interview.sh — werkbank-cli interview and run for the questionnaire plugins:
# from an answers file, interactively on a pseudo-terminal, and bad input.
# Usage: test-cli-interview.sh WERKBANK-CLI SOURCE-DIR. Prints TAP.
set -u

cli=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-interview-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"

. "$(dirname "$(realpath "$0")")/tap.sh"
lacks () {
  if printf '%s' "$out" | grep -qF -- "$2"; then not_ok "$1"; printf '%s\n' "$out" | sed 's/^/# /' | head -20; else
    ok "$1"; fi
}

export WERKBANK_PASSPHRASE="lab passphrase 1"
# A passive agreement naming both plugins: the interviews need nothing more.
python3 - "$src/tests/data/agreement-lab.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
a["scope"]["plugins"] = ["avg", "access-control"]
a["scope"]["activity"] = "passive"
json.dump(a, open("agreement.json", "w"))
PY
new_engagement () {
  "$cli" create "$1" --member Sanne >/dev/null 2>&1 &&
  "$cli" agreement set "$1" agreement.json >/dev/null 2>&1 &&
  "$cli" agreement sign "$1" --date 2026-11-24 >/dev/null 2>&1 &&
  "$cli" plugins enable "$1" avg >/dev/null 2>&1 &&
  "$cli" plugins enable "$1" access-control >/dev/null 2>&1
}
findings_ids () {
  "$cli" findings "$1" --json | python3 -c 'import json,sys; print(" ".join(sorted(f["check_id"] for f in json.load(sys.stdin)["findings"] if f["check_id"].startswith(sys.argv[1]))))' "$2"
}

f=file.wbv
new_engagement "$f" && ok "an engagement with a signed agreement for both interviews" || not_ok "an engagement with a signed agreement for both interviews"

# --- from an answers file ---------------------------------------------------------------
check "the AVG answers file is taken in" 0 "$cli" interview "$f" avg --answers "$src/plugins/avg/demo-answers.json"
contains "every answer is counted" "31 answers saved"
check "the AVG interview is scored" 0 "$cli" run "$f" avg --quiet
contains "the run reports its findings" "15 findings saved"
got=$(findings_ids "$f" avg.)
want="avg.camera-rules avg.data-unknown avg.dpo-not-checked avg.no-accountability avg.no-awareness avg.no-breach-procedure avg.no-cookie-consent avg.no-dpia avg.no-legal-basis avg.no-processing-register avg.no-processor-agreement avg.no-retention-periods avg.no-rights-procedure avg.special-data-unprotected avg.weak-security"
[ "$got" = "$want" ] && ok "the AVG answers give exactly the expected findings" || { not_ok "the AVG answers give exactly the expected findings"; echo "# got: $got"; }

check "the access-control answers file is taken in" 0 "$cli" interview "$f" access-control --answers "$src/plugins/access-control/demo-answers.json"
check "the access-control interview is scored (no active checks under a passive agreement)" 0 "$cli" run "$f" access-control --quiet
got=$(findings_ids "$f" access-control.)
want="access-control.default-passwords access-control.no-lockout access-control.no-login-logging access-control.no-mfa-cloud access-control.shared-accounts access-control.supplier-access access-control.weak-passwords"
[ "$got" = "$want" ] && ok "the access-control answers give exactly the expected findings" || { not_ok "the access-control answers give exactly the expected findings"; echo "# got: $got"; }

# --- bad input --------------------------------------------------------------------------
printf '{"format": "werkbank-answers-1", "questionnaire": "avg", "answers": {"regsiter": "no"}}' > typo.json
check "an answer to a question that does not exist is refused" 5 "$cli" interview "$f" avg --answers typo.json
contains "the refusal names the question" "regsiter"
printf '{"format": "werkbank-answers-1", "questionnaire": "avg", "answers": {"register": "maybe"}}' > bad.json
check "an answer that does not fit is refused" 6 "$cli" interview "$f" avg --answers bad.json
printf '{"format": "werkbank-answers-1", "questionnaire": "avg", "answers": {' > broken.json
check "a broken answers file is refused" 6 "$cli" interview "$f" avg --answers broken.json
check "an unknown plugin is refused" 5 "$cli" interview "$f" no-such --answers bad.json
check "a plugin without a questionnaire is refused" 5 "$cli" interview "$f" selftest --answers bad.json
check "without a terminal the answers file is required" 2 "$cli" interview "$f" avg < /dev/null

# --- interactively, on a pseudo-terminal ------------------------------------------------
g=tty.wbv
new_engagement "$g"
# staff: "?" for help, then 6; what-data; data-known: "p"; register: "n" with a note; stop.
printf '%s\n' '?' 6 '' 'Orders and payroll' '' 'maybe' p '' n 'Only an old list in a drawer' q |
  python3 "$src/tests/interview-pty.py" "$cli" "$g" avg transcript.txt
code=$?
out=$(cat transcript.txt)
[ "$code" = 0 ] && ok "the interactive interview ends well" || not_ok "the interactive interview ends well (exit $code)"
contains "“?” shows the help for the student" "Count everyone on the payroll"
contains "a wrong answer is explained, not saved" "is not a possible answer"
contains "the interview stops on q and counts the answers" "4 answers saved"
check "the interactive answers are scored" 0 "$cli" run "$g" avg --quiet
check "the findings list" 0 "$cli" findings "$g" --json
contains "the 'no' to the register became a finding" "avg.no-processing-register"
contains "the note is kept as evidence" "Only an old list in a drawer"
contains "who answered is kept" "Kees Bakker"
lacks "the 'partly' to data-known is a finding but unanswered questions are not" "avg.no-breach-procedure"

# --- a broken content file: the plugin does not load, the message names file and problem -
build_plugins=${WERKBANK_PLUGIN_PATH%%:*}
mkdir -p broken-plugins/avg
cp "$build_plugins/avg/libavg.so" "$build_plugins/avg/avg.plugin" broken-plugins/avg/
sed 's/"weight": 3/"wieght": 3/' "$src/plugins/avg/questionnaire.json" > broken-plugins/avg/questionnaire.json
check "an interview with a broken content file is refused" 6 env WERKBANK_PLUGIN_PATH="$work/broken-plugins" "$cli" interview "$f" avg --answers "$src/plugins/avg/demo-answers.json"
contains "the message names the file" "broken-plugins/avg/questionnaire.json"
contains "the message names the line and the problem" "unknown field “wieght”"
check "a plugin with a broken content file does not load" 1 env WERKBANK_PLUGIN_PATH="$work/broken-plugins" "$cli" run "$f" avg --quiet
contains "loading it says why" "wieght"

# --- the demo fills in both interviews from the shipped answers -------------------------
check "the demo runs" 0 "$cli" demo --dir demo
contains "the demo records the AVG interview" "31 answers recorded"
contains "the demo records the access-control interview" "19 answers recorded"
contains "the demo's action plan has the interview findings" "No processor agreement with every supplier"

tap_done
