#!/usr/bin/env bash
# test-network-cli.sh — werkbank-cli network hosts / export-xml / import-xml, no network.
# Usage: test-network-cli.sh WERKBANK-CLI SOURCE-ROOT. Prints TAP.
set -u
cli=$(realpath "$1")
src=$(realpath "$2")
export WERKBANK_PASSPHRASE=network-cli-test
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-netcli-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
# check NAME EXPECTED-CODE CMD...: runs CMD, output in out.txt
check () {
  local name=$1 want=$2; shift 2
  "$@" > out.txt 2>&1
  local got=$?
  if [ "$got" = "$want" ]; then ok "$name"; else not_ok "$name (exit $got, expected $want)"; sed 's/^/# /' out.txt; fi
}
# same A B: the same JSON (member order aside)
same () { python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' "$1" "$2"; }
contains () { if grep -q -- "$2" out.txt; then ok "$1"; else not_ok "$1"; sed 's/^/# /' out.txt; fi; }

python3 - "$src/tests/data/agreement-lab.json" > agreement.json <<'PY'
import datetime, json, sys
a = json.load(open(sys.argv[1]))
today = datetime.date.today()
a["scope"].update({"targets": ["198.18.0.0/24"], "activity": "active", "plugins": ["network"]})
a["window_start"] = str(today)
a["window_end"] = str(today + datetime.timedelta(days=2))
print(json.dumps(a))
PY
"$cli" create f.wbv --member Sanne >/dev/null
check "import before the agreement is signed is refused" 4 "$cli" network import-xml f.wbv "$src/tests/data/nmap-lab.xml"
"$cli" agreement set f.wbv agreement.json >/dev/null
"$cli" agreement sign f.wbv --date "$(date +%F)" >/dev/null

check "network needs a subcommand" 2 "$cli" network
check "export-xml needs --output" 2 "$cli" network export-xml f.wbv
check "no hosts yet: an empty list" 0 "$cli" network hosts f.wbv
contains "the empty list is JSON" "\[ *\]"
check "a real nmap XML file is imported" 0 "$cli" network import-xml f.wbv "$src/tests/data/nmap-lab.xml"
contains "the import reports hosts and findings" "Imported 2 hosts"
check "the imported hosts are stored" 0 "$cli" network hosts f.wbv
contains "with the FTP server's version" '"version" : "3.0.3"'
check "the import raised findings" 0 "$cli" findings f.wbv
contains "anonymous FTP among them" "network.ftp-anonymous"
check "export-xml writes nmap XML" 0 "$cli" network export-xml f.wbv -o out.xml
grep -q '<nmaprun scanner="werkbank"' out.xml && grep -q 'portid="21"' out.xml
if [ $? = 0 ]; then ok "the XML has the hosts and ports"; else not_ok "the XML has the hosts and ports"; fi
"$cli" network hosts f.wbv > before.json
check "our own XML imports again" 0 "$cli" network import-xml f.wbv out.xml
"$cli" network hosts f.wbv > after.json
if same before.json after.json; then ok "export and import again change nothing"; else not_ok "export and import again change nothing"; diff before.json after.json | sed 's/^/# /'; fi

printf '<nmaprun><host><status state="up"/><address addr="192.0.2.7" addrtype="ipv4"/></host></nmaprun>' > outside.xml
check "a host outside the scope refuses the whole file" 4 "$cli" network import-xml f.wbv outside.xml
contains "naming the address" "192.0.2.7"
cat > laughs.xml <<'XML'
<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<nmaprun><host><status state="up"/><address addr="198.18.0.5" addrtype="ipv4"/>
<hostnames><hostname name="&lol1;"/></hostnames></host></nmaprun>
XML
check "billion laughs is refused" 6 "$cli" network import-xml f.wbv laughs.xml
contains "with a clear message" "cannot be read"
head -c 70000000 /dev/zero > huge.xml
check "a huge file is refused before it is read" 6 "$cli" network import-xml f.wbv huge.xml
contains "saying it is too large" "larger than"
check "a missing file" 5 "$cli" network import-xml f.wbv no-such.xml
"$cli" network hosts f.wbv > final.json
if same before.json final.json; then ok "refused imports changed nothing"; else not_ok "refused imports changed nothing"; fi

echo "1..$n"
[ "$failed" = 0 ]
