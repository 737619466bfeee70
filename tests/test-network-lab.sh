#!/usr/bin/env bash
# test-network-lab.sh — the network plugin end to end against the lab network.
# Usage: test-network-lab.sh WERKBANK-CLI SOURCE-ROOT. Prints TAP. Needs root and network
# namespaces (skips with the reason otherwise). Builds its own lab (tests/lab/lab.sh, a
# fresh LAB_NAME), runs "werkbank-cli run FILE network" inside the scanner namespace under
# a signed agreement that covers the lab, and compares the result with
# tests/lab/ground-truth.json. The lab is torn down on exit, also on failure; every step
# is bounded in time.
set -u
cli=$(realpath "$1")
src=$(realpath "$2")
lab="$src/tests/lab/lab.sh"

if [ "$(id -u)" != 0 ]; then echo "1..0 # SKIP lab tests need root (network namespaces)"; exit 0; fi
if ! ip netns list >/dev/null 2>&1; then echo "1..0 # SKIP 'ip netns' is not available"; exit 0; fi
if ! command -v python3 >/dev/null; then echo "1..0 # SKIP python3 is missing"; exit 0; fi

export LAB_NAME="wn$(( $$ % 100000 ))"
export WERKBANK_PASSPHRASE=network-lab-test
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-netlab-XXXXXX")
cleanup () { "$lab" down >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
cd "$work"

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
result () { if [ "$2" = 0 ]; then ok "$1"; else not_ok "$1"; fi; }

if ! out=$("$lab" up 2>&1); then
  echo "$out" | sed 's/^/# /'
  echo "Bail out! the lab did not come up"
  exit 1
fi
"$lab" truth expect > expect.json

# agreement FILE TARGETS EXCLUDE PLUGINS: a signed agreement for today with that scope
engagement () {
  python3 - "$src/tests/data/agreement-lab.json" "$2" "$3" "$4" > "$1.json" <<'PY'
import datetime, json, sys
a = json.load(open(sys.argv[1]))
today = datetime.date.today()
a["scope"] = {"targets": sys.argv[2].split(","), "exclude": [x for x in sys.argv[3].split(",") if x],
              "activity": "active", "plugins": sys.argv[4].split(","), "third_party_consent": []}
a["window_start"] = str(today)
a["window_end"] = str(today + datetime.timedelta(days=2))
print(json.dumps(a))
PY
  "$cli" create "$1" --member "Lab test" >/dev/null &&
    "$cli" agreement set "$1" "$1.json" >/dev/null &&
    "$cli" agreement sign "$1" --date "$(date +%F)" >/dev/null &&
    "$cli" plugins enable "$1" network >/dev/null
}

# scan FILE: the network plugin inside the scanner namespace, at most 180 s
scan () {
  timeout 180 "$lab" exec scanner env WERKBANK_PASSPHRASE="$WERKBANK_PASSPHRASE" \
    WERKBANK_PLUGIN_PATH="$WERKBANK_PLUGIN_PATH" "$cli" run --quiet "$1" network \
    > "$1.out" 2>&1
}

# --- the whole lab ------------------------------------------------------------------
engagement full.wbv "198.18.0.0/24,198.18.1.0/24" "" network
result "an engagement whose signed agreement covers the lab" $?
scan full.wbv
code=$?
result "werkbank-cli run FILE network succeeds in the scanner namespace" $code
[ $code = 0 ] || sed 's/^/# /' full.wbv.out
"$cli" network hosts full.wbv > hosts.json
"$cli" findings full.wbv --json > findings.json

python3 - expect.json hosts.json findings.json > checks.txt <<'PY'
import json, sys
expect = json.load(open(sys.argv[1]))
hosts = {h["address"]: h for h in json.load(open(sys.argv[2]))}
findings = json.load(open(sys.argv[3]))["findings"]
n = 0
def check(name, good, detail=""):
    global n
    n += 1
    print(("ok" if good else "not ok") + " - " + name)
    if not good and detail:
        print("# " + str(detail).replace("\n", "\n# "))
def port(addr, number, proto="tcp"):
    for p in hosts.get(addr, {}).get("ports", []):
        if p["port"] == number and p["protocol"] == proto:
            return p
    return {}

check("the hosts found are exactly the ground truth's",
      sorted(hosts) == sorted(expect["hosts"]), (sorted(hosts), sorted(expect["hosts"])))
tcp = {a: sorted(p["port"] for p in h["ports"] if p["protocol"] == "tcp" and p["state"] == "open")
       for a, h in hosts.items()}
check("the open TCP ports are exactly the ground truth's",
      tcp == {a: sorted(v) for a, v in expect["tcp"].items()}, (tcp, expect["tcp"]))
udp = {a: sorted(p.get("service", "") for p in h["ports"] if p["protocol"] == "udp")
       for a, h in hosts.items()}
check("the UDP services are exactly the ground truth's", udp == expect["udp"], (udp, expect["udp"]))
web = port("198.18.1.10", 80)
check("the web server's old Apache version is read from its banner",
      web.get("product") == "Apache httpd" and web.get("version") == "2.2.15", web)
check("the web page's title is read",
      web.get("http", {}).get("title") == "Welkom bij Bakkerij de Vries", web)
ssh = port("198.18.1.10", 22)
check("the SSH banner is read", ssh.get("product") == "OpenSSH" and ssh.get("version") == "5.3", ssh)
ftp = port("198.18.1.20", 21)
check("anonymous FTP is detected", ftp.get("ftp_anonymous") is True and
      ftp.get("product") == "vsftpd" and ftp.get("version") == "2.3.4", ftp)
telnet = port("198.18.0.30", 23)
check("Telnet on the printer, with its banner", telnet.get("service") == "telnet" and
      "HP JetDirect" in telnet.get("banner", ""), telnet)
nas = port("198.18.0.10", 5000)
check("the NAS's management page is recognised by its title",
      nas.get("http", {}).get("title") == "DiskStation Manager 4.2 - Login", nas)

by_check = {f["check_id"]: set(f["assets"]) for f in findings}
want = {
    "network.telnet-open": {"198.18.0.30"},
    "network.ftp-anonymous": {"198.18.1.20"},
    "network.ftp-open": {"198.18.1.20"},
    "network.rdp-exposed": {"198.18.0.20"},
    "network.snmp-public": {"198.18.0.40"},
}
for check_id, assets in want.items():
    check("finding %s for %s" % (check_id, ", ".join(sorted(assets))),
          by_check.get(check_id) == assets, by_check.get(check_id))
check("the NAS and the printer are flagged as management pages",
      {"198.18.0.10", "198.18.0.30"} <= by_check.get("network.admin-web-page", set()),
      by_check.get("network.admin-web-page"))
quiet = {a for a in expect["hosts"] if not expect["tcp"][a] and not expect["udp"][a]}
named = set().union(*by_check.values()) if by_check else set()
check("no finding names a host without open ports", not (quiet & named), quiet & named)
check("the scan is complete: no network.scan-incomplete", "network.scan-incomplete" not in by_check)
PY
[ -s checks.txt ] || not_ok "the scan's results could be read"
while IFS= read -r line; do
  case "$line" in
    "ok - "*) ok "${line#ok - }" ;;
    "not ok - "*) not_ok "${line#not ok - }" ;;
    *) echo "$line" ;;
  esac
done < checks.txt

# --- what the agreement does not cover is not scanned ---------------------------------
engagement part.wbv "198.18.0.0/25" "198.18.0.10" network
scan part.wbv
result "a scan of part of the lab succeeds" $?
"$cli" network hosts part.wbv > part.json
python3 -c '
import json, sys
hosts = [h["address"] for h in json.load(open("part.json"))]
bad = [a for a in hosts if a.startswith("198.18.1.") or a == "198.18.0.10"]
sys.exit(1 if bad or not hosts else 0)'
result "nothing outside the agreement (the DMZ, the excluded NAS) appears in its results" $?

engagement other.wbv "198.18.0.0/24" "" selftest
scan other.wbv
[ $? = 4 ]
result "an agreement that does not name the network scan refuses it (exit 4)" $?

printf '<nmaprun><host><status state="up"/><address addr="198.18.1.10" addrtype="ipv4"/></host></nmaprun>' > outside.xml
"$cli" network import-xml part.wbv outside.xml > import.out 2>&1
[ $? = 4 ] && grep -q "198.18.1.10" import.out
result "an nmap XML import with a host outside the scope is refused, naming it (exit 4)" $?

echo "1..$n"
[ "$failed" = 0 ]
