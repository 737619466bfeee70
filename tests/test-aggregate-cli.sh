#!/usr/bin/env bash
# test-aggregate-cli.sh — werkbank-cli aggregate end to end: the export only with
# consent and without anything identifying, the coordinator's table with its k rules,
# and bad records refused by name.
# Usage: test-aggregate-cli.sh WERKBANK-CLI SOURCE-DIR      Prints TAP.
set -u

cli=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-aggregate-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"

. "$(dirname "$(realpath "$0")")/tap.sh"

export WERKBANK_PASSPHRASE="aggregate passphrase 1"
marker="CANARY$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"

# --- export ---------------------------------------------------------------------------
make_engagement () { # FILE CONSENT
  "$cli" create "$1" --member "Sam $marker" >/dev/null 2>&1 || return 1
  "$cli" company "$1" --name "Bakkerij $marker B.V." --kvk 90000001 --sbi 10.71 \
    --size lt10 --province groningen >/dev/null 2>&1 || return 1
  "$cli" person add "$1" "Mo $marker" --role contact >/dev/null 2>&1 || return 1
  python3 - "$src/tests/data/agreement-lab.json" "$2" "$marker" <<'PY' || return 1
import json, sys
a = json.load(open(sys.argv[1]))
a["aggregate_consent"] = sys.argv[2] == "yes"
a["clauses"]["costs"] = "Fee for " + sys.argv[3]
a["scope"]["targets"].append(sys.argv[3].lower() + ".example.test")
json.dump(a, open("agreement.json", "w"))
PY
  "$cli" agreement set "$1" agreement.json >/dev/null 2>&1 || return 1
  "$cli" agreement sign "$1" --date 2026-11-24 >/dev/null 2>&1
}
if make_engagement yes.wbv yes && make_engagement no.wbv no; then
  ok "two engagements are made, one with consent and one without"
else
  not_ok "two engagements are made, one with consent and one without"
fi
check "the export of a company that opted out is refused" 4 \
  "$cli" aggregate export no.wbv -o no.json
contains "the refusal says why" "not agreed"
if [ -e no.json ]; then not_ok "nothing is written without consent"; else
  ok "nothing is written without consent"; fi
check "the export with consent works" 0 "$cli" aggregate export yes.wbv -o record.json
if grep -qiE "$marker|bakkerij|90000001|10\.71|198\.18|example\.test|kees|petra|2026-11" \
     record.json; then
  not_ok "the record holds no name, KvK, SBI code, address, domain or date"
  sed 's/^/# /' record.json
else
  ok "the record holds no name, KvK, SBI code, address, domain or date"
fi
python3 - record.json <<'PY' && ok "the record holds exactly the coarse fields" || \
  not_ok "the record holds exactly the coarse fields"
import json, sys
r = json.load(open(sys.argv[1]))
assert sorted(r) == ["findings", "format", "plugins", "province", "quarter",
                     "sbi_section", "size"], r
assert r["format"] == "werkbank-aggregate-1" and r["sbi_section"] == "C"
assert r["size"] == "lt10" and r["province"] == "groningen" and r["quarter"] == "2026-Q4"
PY

# --- table ----------------------------------------------------------------------------
python3 - <<'PY'
import json
def rec(name, section, size, province, light, percent, findings):
    json.dump({"format": "werkbank-aggregate-1", "sbi_section": section, "size": size,
               "province": province, "quarter": "2026-Q4",
               "plugins": {"avg": {"percent": percent, "light": light}},
               "findings": findings}, open(name, "w"))
for i in range(6):
    rec("c%d.json" % i, "C", "lt10", "groningen", "red", 30 + i, ["avg.no-register"])
for i in range(7):
    rec("g%d.json" % i, "G", "lt50", "groningen", "green" if i < 5 else "orange", 90 - i, [])
for i in range(2):
    rec("f%d.json" % i, "F", "lt10", "groningen", "red", 10, ["avg.no-register"])
rec("drenthe.json", "F", "lt10", "drenthe", "red", 10, [])
rec("v2.json", "F", "lt10", "groningen", "red", 10, [])
d = json.load(open("v2.json")); d["format"] = "werkbank-aggregate-2"; json.dump(d, open("v2.json", "w"))
d["format"] = "werkbank-aggregate-1"; d["name"] = "Bakkerij"; json.dump(d, open("extra.json", "w"))
PY
printf '{"format": "werkbank-aggregate-1", "sbi' > broken.json
records="c0.json c1.json c2.json c3.json c4.json c5.json g0.json g1.json g2.json g3.json g4.json g5.json g6.json f0.json f1.json"

check "the table is made" 0 "$cli" aggregate table $records -o table.csv --chart chart.svg
contains "it says how many records it read" "Read 15 records"
if grep -q "^plugin,avg,F,\*,\*,\*,\*,,,\*" table.csv && grep -q "^plugin,avg,total,15,8," table.csv
then ok "the group of two companies is hidden, the totals are shown"; else
  not_ok "the group of two companies is hidden, the totals are shown"; sed 's/^/# /' table.csv; fi
if head -c 5 chart.svg | grep -q "<?xml"; then ok "the chart is an SVG"; else
  not_ok "the chart is an SVG"; fi
check "a PNG chart is made" 0 "$cli" aggregate table $records -o table.csv --chart chart.png
if head -c 4 chart.png | grep -q "PNG"; then ok "the chart is a PNG"; else
  not_ok "the chart is a PNG"; fi
check "k below 5 is refused" 2 "$cli" aggregate table $records -o t.csv --k 4
check "a larger k is accepted" 0 "$cli" aggregate table $records -o t10.csv --k 10 --by size
if grep -q "^plugin,avg,lt10,\*" t10.csv; then ok "with k = 10 the 8 small companies are hidden"
else not_ok "with k = 10 the 8 small companies are hidden"; sed 's/^/# /' t10.csv; fi
check "a record of an unknown version stops the run" 6 \
  "$cli" aggregate table $records v2.json -o t.csv
contains "the unknown version is named with its file" "v2.json: The record has format version"
check "a corrupted record stops the run" 6 "$cli" aggregate table $records broken.json -o t.csv
contains "the corrupted record is named" "broken.json"
check "a record with an extra member stops the run" 6 \
  "$cli" aggregate table $records extra.json -o t.csv
contains "the extra member is named" "name"
check "records from two provinces are counted with a note" 0 \
  "$cli" aggregate table $records drenthe.json -o t.csv
contains "the note names the provinces" "2 provinces"
check "with --region a record from elsewhere stops the run" 6 \
  "$cli" aggregate table $records drenthe.json -o t.csv --region groningen
contains "the record from elsewhere is named" "drenthe.json"
check "an unknown grouping is a usage error" 2 "$cli" aggregate table $records -o t.csv --by town

# --- the demo's record ---------------------------------------------------------------
check "the demo writes the lab company's anonymous record" 0 "$cli" demo --dir demo
contains "the demo says where the record is" "lab-company-aggregate.json"
python3 - demo/lab-company-aggregate.json <<'PY' && ok "the demo's record is a valid record without names or addresses" || \
  not_ok "the demo's record is a valid record without names or addresses"
import json, sys
text = open(sys.argv[1]).read()
r = json.loads(text)
assert r["format"] == "werkbank-aggregate-1" and r["findings"] and r["plugins"], r
for word in ("Proefkeuken", "proefkeuken", "198.18", "Kees", "Petra", "@"):
    assert word not in text, word
PY
check "the coordinator's table reads the demo's record" 0 \
  "$cli" aggregate table demo/lab-company-aggregate.json -o demo.csv
if grep -q "^plugin,avg,C,\*" demo.csv; then ok "one company alone is hidden"; else
  not_ok "one company alone is hidden"; sed 's/^/# /' demo.csv | head; fi

tap_done
