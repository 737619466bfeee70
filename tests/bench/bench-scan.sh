#!/usr/bin/env bash
# bench-scan.sh — werkbank-probe against nmap on the lab network, in one run.
# Usage: bench-scan.sh WERKBANK-PROBE   (root; not part of meson test)
#
# Builds the lab with the bench hosts (LAB_SCALE=bench: 24 hosts and the router), then:
#   1. masscan's packet rate through the veth links (the practical limit),
#   2. werkbank top-1000 vs `nmap -n -sS -T4 --top-ports 1000`,
#   3. werkbank all ports vs `nmap -n -sS -T4 -p-`,
#   4. recall with 2 % loss each way (werkbank, several runs; nmap once),
# printing times, ratios and whether the open-port sets agree with each other and with
# the ground truth. nmap and masscan are installed for this benchmark only (apt-get);
# the product never uses them. Record the figures in docs/probe-protocol.md.
set -euo pipefail
probe=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
lab="$here/../lab/lab.sh"
runs=${BENCH_LOSS_RUNS:-5}

[ "$(id -u)" = 0 ] || { echo "bench-scan: needs root" >&2; exit 77; }
for tool in nmap masscan; do
  command -v $tool >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q $tool >/dev/null
done

export LAB_NAME=wbbench LAB_SCALE=bench
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-bench-XXXXXX")
trap '"$lab" down >/dev/null 2>&1; rm -rf "$work"' EXIT
"$lab" down >/dev/null 2>&1 || true
"$lab" up
"$lab" truth expect > "$work/expect.json"
targets="198.18.0.0/24 198.18.1.0/24"
scope='{"targets":["198.18.0.0/24","198.18.1.0/24"],"activity":"active"}'
in_ns () { "$lab" exec scanner "$@"; }
now () { date +%s.%N; }

# werkbank PORTS OUT [RETRIES]: prints the wall time in seconds
werkbank () {
  local t0 t1
  t0=$(now)
  printf '{"version":1,"interface":"eth0","scope":%s,"ports":"%s","rate":%s,"retries":%s}' \
    "$scope" "$1" "${BENCH_RATE:-1000000}" "${3:-2}" | in_ns "$probe" > "$2"
  t1=$(now)
  echo "$t1 - $t0" | bc
}
# nmap_scan ARGS OUT
nmap_scan () {
  local t0 t1 out=$1; shift
  t0=$(now)
  # shellcheck disable=SC2086
  in_ns nmap -n -sS -T4 "$@" -oG "$out" $targets >/dev/null
  t1=$(now)
  echo "$t1 - $t0" | bc
}
# sets OUT: "ADDR PORT" lines of open TCP ports from werkbank JSON lines or nmap -oG
sets () {
  python3 - "$1" <<'PY'
import json, re, sys
out = set()
for line in open(sys.argv[1]):
    if line.startswith("{"):
        e = json.loads(line)
        if e["event"] == "port" and e["state"] == "open":
            out.add((e["address"], e["port"]))
    elif line.startswith("Host:") and "Ports:" in line:
        addr = line.split()[1]
        for m in re.finditer(r"(\d+)/open/tcp", line):
            out.add((addr, int(m.group(1))))
for a, p in sorted(out):
    print(a, p)
PY
}
truth_set () {
  python3 - "$work/expect.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
for a, ports in sorted(e["tcp"].items()):
    for p in ports:
        print(a, p)
PY
}
compare () {  # compare NAME_A FILE_A NAME_B FILE_B
  if diff -q "$2" "$4" >/dev/null; then echo "  open-port sets: $1 = $3 ($(wc -l < "$2") open ports)"
  else echo "  open-port sets DIFFER: $1 has $(wc -l < "$2"), $3 has $(wc -l < "$4")"; diff "$2" "$4" | sed 's/^/    /' | head -20; fi
}
truth_set | sort > "$work/truth.set"
n_up=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["hosts"]))' "$work/expect.json")

echo "== lab: $n_up live addresses (24 hosts + router's two addresses), 508 addresses scanned, $(wc -l < "$work/truth.set") open TCP ports"

# 1. masscan's packet rate: SYNs to ports 1-20000 of the 15 bench hosts, as fast as it
#    can, through the router's MAC (masscan sends everything to a gateway; the router
#    forwards to the hosts, which answer). Rate = packets / time until all were sent.
#    masscan 1.3.2 sometimes never exits after its wait ("waiting -193-secs"), so the
#    send time is taken when it reports "waiting" (all sent), and it is then stopped.
router_mac=$("$lab" exec router cat /sys/class/net/eth0/address)
t0=$(now)
"$lab" exec scanner masscan -p1-20000 198.18.0.100-198.18.0.114 --rate 5000000 --wait 1 \
  --adapter eth0 --adapter-ip 198.18.0.2 --adapter-port 55555 --router-mac "$router_mac" \
  > "$work/masscan.out" 2> "$work/masscan.err" &
mpid=$!
for _ in $(seq 6000); do
  tr '\r' '\n' < "$work/masscan.err" | grep -q 'waiting' && break
  kill -0 "$mpid" 2>/dev/null || break
  sleep 0.05
done
t1=$(now)
sleep 1.5   # its wait for late replies, to count what it saw
kill "$mpid" 2>/dev/null || true
wait "$mpid" 2>/dev/null || true
packets=$((15 * 20000))
mrate=$(echo "$packets / ($t1 - $t0)" | bc)
echo "== masscan: $packets SYNs in $(echo "$t1 - $t0" | bc | cut -c1-6) s = $mrate packets/s ($(grep -c open "$work/masscan.out") of 45 open ports seen)"

# 2. top 1000
tw=$(werkbank top1000 "$work/wb1000.jsonl")
tn=$(nmap_scan "$work/nmap1000.gnmap" --top-ports 1000)
sets "$work/wb1000.jsonl" | sort > "$work/wb1000.set"
sets "$work/nmap1000.gnmap" | sort > "$work/nmap1000.set"
echo "== top 1000: werkbank $(printf %.3f "$tw") s, nmap $(printf %.3f "$tn") s, ratio $(echo "scale=1; $tn / $tw" | bc)x"
compare werkbank "$work/wb1000.set" nmap "$work/nmap1000.set"
compare werkbank "$work/wb1000.set" "ground truth" "$work/truth.set"

# 3. all ports
tw=$(werkbank all "$work/wball.jsonl")
tn=$(nmap_scan "$work/nmapall.gnmap" -p-)
sets "$work/wball.jsonl" | sort > "$work/wball.set"
sets "$work/nmapall.gnmap" | sort > "$work/nmapall.set"
sent=$(tail -n 1 "$work/wball.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["packets_sent"])')
limit=$(echo "scale=3; $n_up * 65535 / $mrate" | bc)
echo "== all ports: werkbank $(printf %.3f "$tw") s ($sent packets), nmap $(printf %.3f "$tn") s, ratio $(echo "scale=1; $tn / $tw" | bc)x"
echo "   packet-rate limit: $n_up x 65535 SYNs at $mrate/s = $limit s; werkbank takes $(echo "scale=2; $tw / $limit" | bc)x that"
compare werkbank "$work/wball.set" nmap "$work/nmapall.set"
compare werkbank "$work/wball.set" "ground truth" "$work/truth.set"

# 4. 2 % loss each way
"$lab" loss 2% >/dev/null
found=0; total=0
for i in $(seq "$runs"); do
  werkbank top1000 "$work/loss$i.jsonl" >/dev/null
  sets "$work/loss$i.jsonl" | sort > "$work/loss$i.set"
  found=$((found + $(comm -12 "$work/loss$i.set" "$work/truth.set" | wc -l)))
  total=$((total + $(wc -l < "$work/truth.set")))
  extra=$(comm -23 "$work/loss$i.set" "$work/truth.set" | wc -l)
  [ "$extra" = 0 ] || echo "  run $i: $extra open ports not in the ground truth"
done
tn=$(nmap_scan "$work/nmaploss.gnmap" --top-ports 1000)
sets "$work/nmaploss.gnmap" | sort > "$work/nmaploss.set"
nfound=$(comm -12 "$work/nmaploss.set" "$work/truth.set" | wc -l)
echo "== 2 % loss: werkbank recall $found/$total = $(echo "scale=4; 100 * $found / $total" | bc) % over $runs top-1000 runs; nmap $nfound/$(wc -l < "$work/truth.set") ($(printf %.3f "$tn") s); $("$lab" dropped) frames dropped"
