#!/usr/bin/env bash
# test-report.sh — werkbank-cli report end to end: options, exit codes, the PDF a company
# receives, and no plaintext left behind.
# Usage: test-report.sh WERKBANK-CLI SOURCE-DIR
# Prints TAP. Every check names the behaviour a person would notice.
set -u

cli=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-report-cli-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
# A private temporary folder: the report must not write anything into it.
export TMPDIR="$work/tmp" HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$TMPDIR" "$HOME"

for tool in pdftotext pdfinfo; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP $tool (poppler-utils) is not installed"; exit 0
  fi
done

. "$(dirname "$(realpath "$0")")/tap.sh"
lacks () {
  if printf '%s' "$out" | grep -qF -- "$2"; then not_ok "$1"; else ok "$1"; fi
}
# every_page DESCRIPTION PDF NEEDLE: NEEDLE is on every page of PDF
every_page () {
  local pages missing=0
  pages=$(pdfinfo "$2" | sed -n 's/^Pages: *//p')
  for p in $(seq 1 "$pages"); do
    pdftotext -f "$p" -l "$p" "$2" - | grep -qF -- "$3" || missing=$((missing + 1))
  done
  if [ "$pages" -gt 0 ] && [ "$missing" -eq 0 ]; then ok "$1"; else
    not_ok "$1 ($missing of $pages pages without it)"; fi
}

export WERKBANK_PASSPHRASE="report passphrase"
f=lab.wbv
"$cli" create "$f" --member "Sanne de Vries" >/dev/null 2>&1
check "a report needs the company first" 4 "$cli" report "$f" -o early.pdf
contains "and says so" "company"
"$cli" company "$f" --name "Bakkerij Zoëtermeer B.V." --kvk 90000003 --sbi 10.71 \
  --size lt10 --province utrecht >/dev/null 2>&1
"$cli" person add "$f" "Sanne de Vries" --role student >/dev/null 2>&1
"$cli" person add "$f" "Petra Jansen" --role teacher >/dev/null 2>&1
"$cli" agreement set "$f" "$src/tests/data/agreement-lab.json" >/dev/null 2>&1
"$cli" agreement sign "$f" --date 2026-11-24 >/dev/null 2>&1
"$cli" plugins enable "$f" selftest >/dev/null 2>&1
"$cli" run "$f" selftest --quiet >/dev/null 2>&1

check "report --help works" 0 "$cli" report --help
contains "--help names --tlp" "--tlp"
check "report needs --output" 2 "$cli" report "$f"
check "an unknown language is refused" 6 "$cli" report "$f" -o x.pdf --lang de
check "an unknown TLP label is a usage error" 2 "$cli" report "$f" -o x.pdf --tlp purple
check "a nonsense date is refused" 6 "$cli" report "$f" -o x.pdf --date 2026-02-30
check "a missing engagement is reported" 5 "$cli" report no-such.wbv -o x.pdf
check "a wrong passphrase is refused" 3 env WERKBANK_PASSPHRASE=wrong "$cli" report "$f" -o x.pdf
[ -e x.pdf ] && not_ok "a refused report leaves no PDF" || ok "a refused report leaves no PDF"

check "the report is written" 0 "$cli" report "$f" -o report.pdf --date 2026-11-25
contains "it says how many pages" "pages"
out=$(pdfinfo report.pdf 2>&1)
contains "pdfinfo reads it as A4" "A4"
contains "the title names the company" "Bakkerij Zoëtermeer B.V."
perm=$(stat -c %a report.pdf)
[ "$perm" = 600 ] && ok "only its owner can read the PDF" || not_ok "the PDF has mode $perm"
every_page "the default label AMBER+STRICT is on every page" report.pdf "TLP:AMBER+STRICT"
out=$(pdftotext report.pdf - | tr -s ' \n' '  ')
contains "the retention end date is in the report" "2027-05-25"
lacks "it is Dutch by default" "Your IT supplier"
lacks "the Dutch report has no English owner labels" "You can do this yourself"

check "an English report with TLP:RED" 0 "$cli" report "$f" -o red.pdf --lang en --tlp TLP:RED
every_page "TLP:RED is on every page" red.pdf "TLP:RED"
out=$(pdftotext red.pdf - | tr -s ' \n' '  ')
contains "the English report has an action plan" "Action plan"
contains "and the retention section" "Your data: retention and destruction"
contains "a report is a draft unless said otherwise" "Draft"
check "the final version" 0 "$cli" report "$f" -o final.pdf --lang en --final
out=$(pdftotext final.pdf - | tr -s ' \n' '  ')
contains "the final version says it is signed on the last page" "Final: signed digitally"
lacks "and is no draft" "Draft"
rm -f final.pdf
check "an existing PDF is replaced" 0 "$cli" report "$f" -o red.pdf --lang en --tlp green
every_page "with the new label" red.pdf "TLP:GREEN"
check "a path in a missing folder is reported" 5 "$cli" report "$f" -o no-such-dir/r.pdf
left=$(find "$TMPDIR" -mindepth 1 | wc -l)
[ "$left" -eq 0 ] && ok "nothing was written to the temporary folder" || \
  not_ok "$left files left in TMPDIR"
extra=$(ls -A | grep -v -x -e lab.wbv -e report.pdf -e red.pdf -e tmp -e home | wc -l)
[ "$extra" -eq 0 ] && ok "no stray files beside the report" || not_ok "$extra stray files"

# The whole report in Dutch, with the project's catalogue (a catalogue is no client data).
if command -v msgfmt >/dev/null && command -v msgcat >/dev/null; then
  mkdir -p locale/nl/LC_MESSAGES
  msgfmt -o locale/nl/LC_MESSAGES/werkbank.mo "$src/po/nl.po" 2>/dev/null
  check "a report with the Dutch catalogue" 0 env WERKBANK_LOCALEDIR="$work/locale" \
    "$cli" report "$f" -o nl.pdf --date 2026-11-25
  lacks "no warning about a missing translation" "translation"
  out=$(pdftotext nl.pdf - | tr -s ' \n' '  ')
  contains "the Dutch report has a summary" "Samenvatting"
  contains "and an action plan" "Actieplan"
  contains "and the retention section" "Jouw gegevens: bewaren en vernietigen"
  contains "with the end date in Dutch" "25 mei 2027"
  contains "Dutch page numbers" "Pagina 1 van"
  lacks "no English headings" "Action plan"
  # The self-test plugin ran in an English session: its stored texts are English source,
  # and the Dutch report still shows them in Dutch.
  contains "a finding stored in English shows in Dutch" "Back-ups worden nooit op proef teruggezet"
  lacks "and not in English" "Backups are never test-restored"
  rm -rf locale nl.pdf
else
  ok "# SKIP msgfmt is not installed"
fi

# The README's main job ends in the company's PDF.
check "the demo runs" 0 "$cli" demo --dir demo
contains "the demo names its report" "lab-company-report.pdf"
out=$(pdftotext demo/lab-company-report.pdf - 2>&1 | tr -s ' \n' '  ')
contains "the demo's report is addressed to the lab company" "Bakkerij De Proefkeuken B.V."
contains "with its sharing label" "TLP:AMBER+STRICT"

tap_done
