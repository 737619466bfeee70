#!/usr/bin/env bash
# test-questionnaire-i18n.sh — the questionnaires are translatable and translated:
# the extraction headers match the content files, every extracted text has a Dutch
# translation in po/nl.po, and a Dutch user gets Dutch questions
# and findings. Usage: test-questionnaire-i18n.sh WERKBANK-CLI SOURCE-DIR. Prints TAP.
set -u

cli=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-q-i18n-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"

n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
if ! command -v xgettext >/dev/null || ! command -v msgcmp >/dev/null; then
  echo "1..0 # SKIP gettext tools (xgettext, msgcmp) are not installed"; exit 0
fi

contents="$src/plugins/avg/questionnaire.json $src/plugins/access-control/questionnaire.json"
if out=$(python3 "$src/build-aux/questionnaire-strings.py" --check $contents 2>&1); then
  ok "the extraction headers are up to date with the content files"
else
  not_ok "the extraction headers are up to date with the content files"; echo "$out" | sed 's/^/# /'
fi

sources="app/core/wb-condition.c app/core/wb-questionnaire.c app/cli/wb-cli-interview.c
plugins/avg/wb-avg-plugin.c plugins/access-control/wb-access-control-plugin.c
plugins/avg/questionnaire-strings.h plugins/access-control/questionnaire-strings.h"
missing=""
for s in $sources; do grep -qxF "$s" "$src/po/POTFILES" || missing="$missing $s"; done
[ -z "$missing" ] && ok "every source with texts is in po/POTFILES" || not_ok "every source with texts is in po/POTFILES (missing:$missing)"

(cd "$src" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
   --keyword=g_dngettext:2,3 -o "$work/q.pot" $sources)
frag="$src/po/nl.po"
if out=$(msgcmp "$frag" q.pot 2>&1); then
  ok "every text of the questionnaires has a Dutch entry"
else
  not_ok "every text of the questionnaires has a Dutch entry"; echo "$out" | head -20 | sed 's/^/# /'
fi
stats=$(msgfmt -c --statistics -o /dev/null "$frag" 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*) not_ok "no Dutch entry is empty or fuzzy"; echo "# $stats" ;;
  *" translated message"*) ok "no Dutch entry is empty or fuzzy" ;;
  *) not_ok "the Dutch catalogue compiles"; echo "# $stats" ;;
esac

# The project's Dutch catalogue.
mkdir -p loc/nl/LC_MESSAGES
msgfmt -o loc/nl/LC_MESSAGES/werkbank.mo "$frag"
export WERKBANK_LOCALEDIR="$work/loc" LANGUAGE=nl LANG=nl_NL.UTF-8
export WERKBANK_PASSPHRASE="lab passphrase 1"
python3 - "$src/tests/data/agreement-lab.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
a["scope"]["plugins"] = ["avg"]
json.dump(a, open("agreement.json", "w"))
PY
f=nl.wbv
"$cli" create "$f" --member Sanne >/dev/null 2>&1
"$cli" agreement set "$f" agreement.json >/dev/null 2>&1
"$cli" agreement sign "$f" --date 2026-11-24 >/dev/null 2>&1
"$cli" plugins enable "$f" avg >/dev/null 2>&1
printf '%s\n' 6 '' '' j '' nee '' q |
  python3 "$src/tests/interview-pty.py" "$cli" "$f" avg transcript.txt >/dev/null 2>&1
out=$(cat transcript.txt)
case "$out" in
  *"Is er een verwerkingsregister?"*) ok "a Dutch user is asked the questions in Dutch" ;;
  *) not_ok "a Dutch user is asked the questions in Dutch"; printf '%s\n' "$out" | head -20 | sed 's/^/# /' ;;
esac
case "$out" in
  *"3 antwoorden opgeslagen"*) ok "Dutch short answers (j, nee) are understood" ;;
  *) not_ok "Dutch short answers (j, nee) are understood"; printf '%s\n' "$out" | tail -5 | sed 's/^/# /' ;;
esac
"$cli" run "$f" avg --quiet >/dev/null 2>&1
out=$("$cli" findings "$f" 2>&1)
case "$out" in
  *"Geen volledig verwerkingsregister"*"verwerkingsregister"*) ok "the finding and its advice are in Dutch" ;;
  *) not_ok "the finding and its advice are in Dutch"; printf '%s\n' "$out" | head -20 | sed 's/^/# /' ;;
esac
echo "1..$n"
