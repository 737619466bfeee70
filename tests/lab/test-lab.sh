#!/usr/bin/env bash
# test-lab.sh — werkbank-probe against the lab network (tests/lab/README.md).
# Usage: test-lab.sh WERKBANK-PROBE. Prints TAP. Needs root and network namespaces; skips
# with the reason otherwise. Builds its own lab (a fresh LAB_NAME) and tears it down on
# exit, also on failure. Every wait is bounded.
set -u
probe=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
lab="$here/lab.sh"

if [ "$(id -u)" != 0 ]; then echo "1..0 # SKIP lab tests need root (network namespaces)"; exit 0; fi
if ! ip netns list >/dev/null 2>&1; then echo "1..0 # SKIP 'ip netns' is not available"; exit 0; fi
if ! command -v python3 >/dev/null; then echo "1..0 # SKIP python3 is missing"; exit 0; fi
if ! command -v tcpdump >/dev/null; then echo "1..0 # SKIP tcpdump is missing (build-aux/install-deps.sh)"; exit 0; fi

export LAB_NAME="wt$(( $$ % 100000 ))"
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-lab-XXXXXX")
cleanup () { "$lab" down >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 1' INT TERM

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
"$lab" truth expect > "$work/expect.json"
scope='{"targets":["198.18.0.0/24","198.18.1.0/24"],"activity":"active"}'
# scan JOB OUT: runs the probe in the scanner namespace, bounded to 120 s
scan () { printf '%s' "$1" | timeout 120 "$lab" exec scanner "$probe" > "$2" 2> "$2.err"; }

# --- out of scope: refused before any packet, checked with a capture on the bridges --
# Capture on the scanner's port of the lab bridge: every frame the scanner sends
# crosses it, whatever its destination ("-i any" does not see bridge ports here).
# capture_start FILE / capture_stop: tcpdump, waiting (bounded) until it listens
capture_start () {
  "$lab" exec sw tcpdump -Z root --immediate-mode -i p-scanner -n -U -w "$1" 2> "$1.log" &
  cap_pid=$!
  for _ in $(seq 100); do grep -q "listening on" "$1.log" 2>/dev/null && break; sleep 0.05; done
}
capture_stop () { sleep 0.3; kill "$cap_pid" 2>/dev/null; wait "$cap_pid" 2>/dev/null; }
packets () { tcpdump -n -r "$1" 2>/dev/null | grep -c . ; }

capture_start "$work/control.pcap"
"$lab" exec scanner timeout 5 bash -c "exec 3<>/dev/tcp/198.18.0.10/80" 2>/dev/null
capture_stop
c=$(packets "$work/control.pcap")
result "the capture on the lab bridges sees the scanner's traffic ($c packets for one TCP connection)" "$([ "$c" -ge 2 ]; echo $?)"

capture_start "$work/refused.pcap"
narrow='{"targets":["198.18.1.0/24"],"activity":"active"}'
scan "{\"version\":1,\"interface\":\"eth0\",\"scope\":$narrow,\"targets\":[\"198.18.0.10\"]}" "$work/oos1"
rc1=$?
scan "{\"version\":1,\"interface\":\"eth0\",\"scope\":$narrow,\"targets\":[\"198.18.1.10\",\"198.18.0.0/24\"]}" "$work/oos2"
rc2=$?
scan "{\"version\":1,\"interface\":\"eth0\",\"scope\":{\"targets\":[\"198.18.0.0/24\"],\"activity\":\"passive\"}}" "$work/oos3"
rc3=$?
capture_stop
result "a target outside the scope is refused (exit 4, out-of-scope)" \
  "$([ $rc1 = 4 ] && grep -q '"code":"out-of-scope"' "$work/oos1"; echo $?)"
result "a job with one out-of-scope range among in-scope targets is refused whole" \
  "$([ $rc2 = 4 ] && grep -q '198.18.0.1 is out of scope' "$work/oos2"; echo $?)"
result "a scope that allows only passive checks is refused (exit 4, activity)" \
  "$([ $rc3 = 4 ] && grep -q '"code":"activity"' "$work/oos3"; echo $?)"
c=$(packets "$work/refused.pcap")
result "refused jobs put zero packets on the lab network (capture: $c packets)" "$([ "$c" = 0 ]; echo $?)"

# --- the scan finds exactly the ground truth ------------------------------------------
scan "{\"version\":1,\"interface\":\"eth0\",\"scope\":$scope,\"udp\":[\"dns\",\"ntp\",\"netbios\",\"snmp\"]}" "$work/scan"
rc=$?
result "a top-1000 scan of the lab completes (exit $rc)" "$rc"
python3 "$here/check-scan.py" "$work/expect.json" "$work/scan" --udp --ports 1000
result "the scan finds exactly the ground truth's hosts, open TCP ports and UDP services" $?
grep -q '"sysdescr":"HP 1810-24G Switch' "$work/scan"
result "SNMP with community public reports the switch's sysDescr" $?
python3 - "$work/scan" <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
hosts = {e["address"]: e for e in ev if e["event"] == "host"}
ok = hosts["198.18.0.10"]["method"] == "arp" and "mac" in hosts["198.18.0.10"] \
     and hosts["198.18.1.10"]["method"] in ("icmp", "tcp-syn", "tcp-ack") \
     and all(e["rtt_ms"] >= 0 for e in hosts.values())
sys.exit(0 if ok else 1)
PY
result "local hosts are found by ARP (with MAC), routed hosts by ICMP/TCP pings" $?
python3 - "$work/scan" <<'PY'
import json, sys
ttl = {e["address"]: e["ttl"] for e in map(json.loads, open(sys.argv[1])) if e["event"] == "port"}
sys.exit(0 if ttl["198.18.1.10"] == 63 and ttl["198.18.0.10"] == 64 else 1)
PY
result "replies from behind the router carry one hop less TTL" $?

# explicit ports, no discovery (-Pn)
scan "{\"version\":1,\"interface\":\"eth0\",\"scope\":$scope,\"targets\":[\"198.18.1.10\",\"198.18.0.99\"],\"discovery\":[],\"ports\":\"20-25,80,8000-8100\"}" "$work/pn"
python3 - "$work/pn" <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
opn = sorted(e["port"] for e in ev if e["event"] == "port" and e["state"] == "open")
summ = {e["address"]: e for e in ev if e["event"] == "host-summary"}
ok = opn == [22, 80] and summ["198.18.1.10"]["closed"] == 106 and "198.18.0.99" not in summ
sys.exit(0 if ok else 1)
PY
result "an explicit port list without discovery scans exactly those ports; an empty local address stays silent" $?

# a wider range holds the LAN's own network and broadcast address: never probed
capture_start "$work/wide.pcap"
scan "{\"version\":1,\"interface\":\"eth0\",\"scope\":{\"targets\":[\"198.18.0.0/23\"],\"activity\":\"active\"},\"ports\":\"80\"}" "$work/wide"
rc=$?
capture_stop
c=$(tcpdump -n -r "$work/wide.pcap" 'dst host 198.18.0.255 or dst host 198.18.0.0 or dst host 255.255.255.255' 2>/dev/null | grep -c .)
all=$(packets "$work/wide.pcap")
python3 - "$work/expect.json" "$work/wide" <<'PY'
import json, sys
want = json.load(open(sys.argv[1]))["hosts"]
got = [json.loads(l) for l in open(sys.argv[2])]
up = {e["address"] for e in got if e["event"] == "host"}
sys.exit(0 if up == set(want) else 1)
PY
found=$?
result "a /23 scan skips the LAN's network and broadcast address ($c of $all packets to them) and still finds every host (exit $rc)" \
  "$([ $rc = 0 ] && [ "$c" = 0 ] && [ "$all" -gt 100 ] && [ $found = 0 ]; echo $?)"

# --- SIGTERM mid-scan ---------------------------------------------------------------
printf '%s' "{\"version\":1,\"interface\":\"eth0\",\"scope\":$scope,\"ports\":\"all\",\"rate\":20000}" |
  "$lab" exec scanner "$probe" > "$work/term" 2>/dev/null &
pid=$!
for _ in $(seq 200); do grep -q '"state":"open"' "$work/term" 2>/dev/null && break; sleep 0.05; done
kill -TERM "$pid" 2>/dev/null
t0=$(date +%s%N)
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
wait "$pid"; rc=$?
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
tail -n 1 "$work/term" | grep -q '"event":"done".*"stopped":true'
result "SIGTERM mid-scan stops within ${ms} ms with exit 7 and a final done event (exit $rc)" \
  "$([ $rc = 7 ] && tail -n 1 "$work/term" | grep -q '"event":"done".*"stopped":true' &&
     python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$work/term"; echo $?)"
python3 - "$work/term" <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
opn = [e for e in ev if e["event"] == "port" and e["state"] == "open"]
sys.exit(0 if opn and ev[-1]["open"] == len(opn) and ev[-1]["seconds"] < 30 else 1)
PY
result "the open ports found before the stop are kept, and the final event counts them" $?

# --- interface and capability errors -------------------------------------------------
"$lab" exec scanner ip link add wbdown0 type veth peer name wbdown1
"$lab" exec scanner ip addr add 198.18.9.1/24 dev wbdown0
scan "{\"version\":1,\"interface\":\"wbdown0\",\"scope\":$scope,\"targets\":[\"198.18.0.10\"]}" "$work/down"
rc=$?
result "an interface that is down is named (exit 5)" \
  "$([ $rc = 5 ] && grep -q 'wbdown0” is down' "$work/down"; echo $?)"
if command -v setpriv >/dev/null; then
  printf '%s' "{\"version\":1,\"interface\":\"eth0\",\"scope\":$scope,\"targets\":[\"198.18.0.10\"]}" |
    timeout 20 "$lab" exec scanner setpriv --reuid=65534 --regid=65534 --clear-groups \
      --inh-caps=-all "$probe" > "$work/nocap" 2>/dev/null
  rc=$?
  result "without capabilities the probe says how to grant them (exit 3)" \
    "$([ $rc = 3 ] && grep -qF 'sudo setcap cap_net_raw,cap_net_admin+ep' "$work/nocap"; echo $?)"
fi

# --- 2 % loss each way: every open port is still found -----------------------------------
"$lab" loss 2%
scan "{\"version\":1,\"interface\":\"eth0\",\"scope\":$scope,\"retries\":3}" "$work/loss"
rc=$?
dropped=$("$lab" dropped)
python3 "$here/check-scan.py" "$work/expect.json" "$work/loss"
result "with 2 % packet loss each way ($dropped frames dropped) the scan still finds exactly the hosts and open ports (exit $rc)" \
  "$([ $? = 0 ] && [ "$dropped" -ge 100 ]; echo $?)"
"$lab" loss off

echo "1..$n"
[ "$failed" = 0 ]
