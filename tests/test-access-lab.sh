#!/usr/bin/env bash
# test-access-lab.sh — the access-control plugin's automated checks against the lab
# network (tests/lab/README.md): they find the lab's anonymous FTP, Telnet and SNMP
# "public" hosts and nothing on the hosts without them, both checking the scope itself
# and using the network plugin's results. Usage: test-access-lab.sh WERKBANK-CLI
# SOURCE-ROOT. Prints TAP. Needs root and network namespaces (skips with the reason
# otherwise). Builds its own lab, torn down on exit, also on failure; every wait bounded.
set -u
cli=$(realpath "$1")
src=$(realpath "$2")
lab="$src/tests/lab/lab.sh"

if [ "$(id -u)" != 0 ]; then echo "1..0 # SKIP lab tests need root (network namespaces)"; exit 0; fi
if ! ip netns list >/dev/null 2>&1; then echo "1..0 # SKIP 'ip netns' is not available"; exit 0; fi
if [ ! -x "$lab" ]; then echo "1..0 # SKIP the lab (tests/lab/lab.sh) does not exist yet"; exit 0; fi

export LAB_NAME="ac$(( $$ % 100000 ))"
export WERKBANK_PASSPHRASE=access-lab-test
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-aclab-XXXXXX")
cleanup () { "$lab" down >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
cd "$work" || exit 1
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"

n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
result () { if [ "$2" = 0 ]; then ok "$1"; else not_ok "$1"; fi; }

if ! out=$("$lab" up 2>&1); then
  echo "$out" | sed 's/^/# /'
  echo "Bail out! the lab did not come up"
  exit 1
fi

# engagement FILE PLUGINS: a signed, active agreement for today covering the whole lab
engagement () {
  python3 - "$src/tests/data/agreement-lab.json" "$2" > "$1.json" <<'PY'
import datetime, json, sys
a = json.load(open(sys.argv[1]))
today = datetime.date.today()
a["scope"] = {"targets": ["198.18.0.0/24", "198.18.1.0/24"], "exclude": [],
              "activity": "active", "plugins": sys.argv[2].split(","), "third_party_consent": []}
a["window_start"] = str(today)
a["window_end"] = str(today + datetime.timedelta(days=2))
print(json.dumps(a))
PY
  "$cli" create "$1" --member "Lab test" >/dev/null &&
    "$cli" agreement set "$1" "$1.json" >/dev/null &&
    "$cli" agreement sign "$1" --date "$(date +%F)" >/dev/null &&
    for p in ${2//,/ }; do "$cli" plugins enable "$1" "$p" >/dev/null || return 1; done
}

# run FILE PLUGIN: inside the scanner namespace, at most 240 s
run () {
  timeout -k 10 240 "$lab" exec scanner env WERKBANK_PASSPHRASE="$WERKBANK_PASSPHRASE" \
    WERKBANK_PLUGIN_PATH="$WERKBANK_PLUGIN_PATH" "$cli" run --quiet "$1" "$2" \
    > "$1.$2.out" 2>&1
}

# verify FILE LABEL: the automated findings are right for the lab's ground truth
verify () {
  "$cli" findings "$1" --json > "$1.findings.json" 2>/dev/null
  python3 - "$1.findings.json" "$src/tests/lab/ground-truth.json" "$2" "$n" <<'PY'
import json, sys
findings = json.load(open(sys.argv[1]))["findings"]
truth = json.load(open(sys.argv[2]))
label = sys.argv[3]
n = int(sys.argv[4])
found = {}
for f in findings:
    if f.get("plugin") != "access-control" or f.get("confidence") != "automated":
        continue
    for asset in f.get("assets", []):
        found.setdefault(f["check_id"], set()).add(asset.rsplit(":", 1)[0])
hosts = {h["name"]: h for h in truth["hosts"] if "address" in h}
def with_tcp(kind=None, port=None):
    return {h["address"] for h in hosts.values()
            for s in h["tcp"] if (kind is None or s["kind"] == kind) and (port is None or s["port"] == port)}
def with_udp(kind):
    return {h["address"] for h in hosts.values() for s in h["udp"] if s["kind"] == kind}
quiet = {h["address"] for h in hosts.values() if not h["tcp"] and not h["udp"]} | set(truth.get("empty", []))
def check(what, good):
    global n
    n += 1
    print(("ok" if good else "not ok"), n, "-", label + ":", what)
    if not good:
        print("# found:", {k: sorted(v) for k, v in found.items()})
check("anonymous FTP is found exactly on the lab's FTP host",
      found.get("access-control.anonymous-ftp", set()) == with_tcp("ftp"))
check("Telnet is found exactly on the host that runs it",
      found.get("access-control.telnet-open", set()) == with_tcp(port=23))
check("SNMP community public is found exactly on the host that answers it",
      found.get("access-control.snmp-public", set()) == with_udp("snmp"))
check("remote desktop is found on the Windows host",
      found.get("access-control.rdp-reachable", set()) == with_tcp(port=3389))
check("the NAS and printer admin pages are recognised",
      {hosts["nas"]["address"], hosts["printer"]["address"]} <= found.get("access-control.admin-page", set()))
everything = set().union(*found.values()) if found else set()
check("nothing is found on the hosts and addresses without services", not (everything & quiet))
# Port 139 is not among the ports the plugin probes by itself: finding it there shows
# that the network scan's open ports were used.
smb = {a for f in findings if f["check_id"] == "access-control.smb-reachable" for a in f.get("assets", [])}
used_network = hosts["windows"]["address"] + ":139" in smb
check("the network scan's open ports are used when it has run" if "network" in label
      else "without the network scan, the plugin's own short port list is used",
      used_network == ("network" in label))
sys.exit(0)
PY
}

# --- the plugin checks the scope itself (the network scan has not run) ---------------
engagement own.wbv access-control
result "an engagement with an active agreement covering the lab" $?
run own.wbv access-control
code=$?
result "werkbank-cli run FILE access-control succeeds in the scanner namespace" $code
[ $code = 0 ] || sed 's/^/# /' own.wbv.access-control.out
verify own.wbv "own checks"; n=$((n + 7))

# --- after the network scan: its hosts are used, not scanned again -------------------
if engagement net.wbv network,access-control; then
  run net.wbv network
  result "the network scan runs first" $?
  run net.wbv access-control
  result "access control runs after it" $?
  verify net.wbv "with the network scan's hosts"; n=$((n + 7))
else
  not_ok "an engagement for network and access control"
fi
echo "1..$n"
