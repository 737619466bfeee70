#!/usr/bin/env bash
# lab.sh — the Werkbank test network: Linux network namespaces, veth links and two
# bridges, built from tests/lab/ground-truth.json (the single source of truth).
#
#   lab.sh up | down | status | exec NAME CMD... | loss PERCENT|off | dropped | truth expect
#
# Environment: LAB_NAME (prefix of every namespace, 1–8 of [a-z0-9], default "wblab";
# give each concurrent run its own), LAB_SCALE=bench (adds the bench hosts),
# LAB_LOSS=2% (random loss on the scanner's link, both directions, nftables) and
# LAB_DELAY=5ms (tc netem, where the kernel has it).
# Everything lives in namespaces: a "switch" namespace holds the bridges, the scanner has
# its own namespace with routes only to 198.18.0.0/15, so nothing can reach a real
# network. Needs root; exits 77 (the "skip" code) with the reason when that is missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LAB_NAME=${LAB_NAME:-wblab}
truth=${LAB_TRUTH:-$here/ground-truth.json}
state=/run/werkbank-lab/$LAB_NAME
scale=${LAB_SCALE:-}

die() { echo "lab.sh: $*" >&2; exit 1; }
ns() { echo "${LAB_NAME}-$1"; }

check_env() {
  [[ "$LAB_NAME" =~ ^[a-z0-9]{1,8}$ ]] || die "LAB_NAME must be 1-8 characters a-z0-9"
  if [ "$(id -u)" != 0 ]; then
    echo "lab.sh: needs root to create network namespaces" >&2
    exit 77
  fi
  if ! command -v ip >/dev/null || ! ip netns list >/dev/null 2>&1; then
    echo "lab.sh: 'ip netns' is not available (iproute2 missing or no namespace support)" >&2
    exit 77
  fi
  command -v python3 >/dev/null || { echo "lab.sh: python3 is missing" >&2; exit 77; }
}

add_ns() {
  ip netns add "$1"
  echo "$1" >> "$state/namespaces"
  ip -n "$1" link set lo up
  # No IPv6: no router solicitations or DAD chatter on the lab's wires.
  ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
}

# attach NS IFNAME SEGMENT PORTNAME ADDRESS/PREFIX: a veth from NS to the segment's bridge
attach() {
  local sw; sw=$(ns sw)
  ip link add "$2" netns "$1" type veth peer name "$4" netns "$sw"
  ip -n "$sw" link set "$4" master "br-$3" up
  ip -n "$1" addr add "$5" dev "$2"
  ip -n "$1" link set "$2" up
}

# Loss is made with an nftables rule on the bridge (numgen random), which every kernel
# with nf_tables has; delay needs tc netem (sch_netem), which some kernels lack.
set_loss() {
  local sw; sw=$(ns sw)
  ip netns exec "$sw" nft delete table bridge wblab 2>/dev/null || true
  [ "$1" = off ] && return 0
  local permille
  permille=$(python3 -c 'import sys; v=float(sys.argv[1].rstrip("%")); assert 0 <= v <= 100; print(round(v*10))' "$1") ||
    die "LAB_LOSS must be a percentage like 2%"
  command -v nft >/dev/null || die "packet loss needs nft (package nftables)"
  ip netns exec "$sw" nft -f - <<NFT
table bridge wblab {
  chain forward {
    type filter hook forward priority 0; policy accept;
    iifname "p-scanner" numgen random mod 1000 < $permille counter drop
    oifname "p-scanner" numgen random mod 1000 < $permille counter drop
  }
}
NFT
}

set_delay() {
  ip netns exec "$(ns scanner)" tc qdisc add dev eth0 root netem delay "$1" 2>/dev/null &&
    ip netns exec "$(ns sw)" tc qdisc add dev p-scanner root netem delay "$1" 2>/dev/null ||
    die "LAB_DELAY needs tc netem (kernel module sch_netem), which this kernel lacks"
}

cmd_up() {
  check_env
  [ -e "$state" ] && die "lab '$LAB_NAME' is already up (lab.sh down first)"
  mkdir -p "$state"
  echo "$scale" > "$state/scale"
  : > "$state/namespaces"
  : > "$state/pids"
  trap 'echo "lab.sh: set-up failed; tearing down" >&2; cmd_down; exit 1' ERR

  local plan; plan=$(python3 "$here/lab-truth.py" "$truth" plan $scale)
  local sw; sw=$(ns sw)
  declare -A prefix gateway
  add_ns "$sw"
  while read -r kind a b c d; do
    case "$kind" in
      segment)
        prefix[$a]=${b#*/}; gateway[$a]=$c
        ip -n "$sw" link add "br-$a" type bridge
        ip -n "$sw" link set "br-$a" up ;;
      scanner)
        add_ns "$(ns scanner)"
        attach "$(ns scanner)" eth0 "$a" p-scanner "$b/${prefix[$a]}"
        # Routes to the lab's other segments only: no default route.
        while read -r k2 seg net gw; do
          [ "$k2" = segment ] && [ "$seg" != "$a" ] &&
            ip -n "$(ns scanner)" route add "$net" via "${gateway[$a]}"
        done <<< "$plan" ;;
      router)
        add_ns "$(ns "$a")"
        attach "$(ns "$a")" eth0 lan "p-$a-l" "$b/${prefix[lan]}"
        attach "$(ns "$a")" eth1 dmz "p-$a-d" "$c/${prefix[dmz]}"
        ip netns exec "$(ns "$a")" sysctl -qw net.ipv4.ip_forward=1 ;;
      host)
        add_ns "$(ns "$a")"
        attach "$(ns "$a")" eth0 "$b" "p-$a" "$c/${prefix[$b]}"
        ip -n "$(ns "$a")" route add default via "${gateway[$b]}" ;;
    esac
  done <<< "$plan"

  # Services, one python3 process per host that has any.
  while read -r kind a _; do
    [ "$kind" = host ] || [ "$kind" = router ] || continue
    local spec; spec=$(python3 "$here/lab-truth.py" "$truth" host "$a" $scale)
    if [ "$spec" != "${spec/\"port\"/}" ]; then
      ip netns exec "$(ns "$a")" python3 "$here/lab-services.py" "$spec" "$state/ready-$a" \
        </dev/null >/dev/null 2>"$state/log-$a" &
      echo "$!" >> "$state/pids"
      echo "$a" >> "$state/services"
    fi
  done <<< "$plan"
  local n=0
  while read -r a; do
    until [ -e "$state/ready-$a" ]; do
      n=$((n + 1))
      [ $n -le 200 ] || { echo "lab.sh: services of $a did not start:" >&2; cat "$state/log-$a" >&2; false; }
      sleep 0.05
    done
  done < <(cat "$state/services" 2>/dev/null)

  [ -n "${LAB_LOSS:-}" ] && set_loss "$LAB_LOSS"
  [ -n "${LAB_DELAY:-}" ] && set_delay "$LAB_DELAY"
  trap - ERR
  echo "lab '$LAB_NAME' is up: scanner $(ns scanner) (eth0), $(wc -l < "$state/namespaces") namespaces${LAB_LOSS:+, loss $LAB_LOSS}${LAB_DELAY:+, delay $LAB_DELAY}"
}

cmd_down() {
  [[ "$LAB_NAME" =~ ^[a-z0-9]{1,8}$ ]] || die "LAB_NAME must be 1-8 characters a-z0-9"
  if [ -f "$state/pids" ]; then
    while read -r pid; do
      [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done < "$state/pids"
  fi
  # Our namespaces: the recorded ones, and any left with our prefix by a crashed run.
  { cat "$state/namespaces" 2>/dev/null || true
    ip netns list 2>/dev/null | awk '{print $1}' | grep "^${LAB_NAME}-" || true
  } | sort -u | while read -r n; do
    [ -n "$n" ] && ip netns del "$n" 2>/dev/null || true
  done
  rm -rf "$state"
}

cmd_status() {
  if [ ! -d "$state" ]; then echo "lab '$LAB_NAME' is down"; return 1; fi
  echo "lab '$LAB_NAME' is up${scale:+ ($scale)}; namespaces:"
  sed 's/^/  /' "$state/namespaces"
  local alive=0 total=0
  while read -r pid; do
    total=$((total + 1)); kill -0 "$pid" 2>/dev/null && alive=$((alive + 1))
  done < "$state/pids"
  echo "services: $alive of $total processes running"
}

case "${1:-}" in
  up) cmd_up ;;
  down) check_env; cmd_down ;;
  status) cmd_status ;;
  exec)
    shift; [ $# -ge 2 ] || die "usage: lab.sh exec NAME CMD..."
    who=$1; shift
    exec ip netns exec "$(ns "$who")" "$@" ;;
  loss)
    # lab.sh loss PERCENT|off: random loss on the scanner's link, both directions
    shift; check_env; [ $# -ge 1 ] || die "usage: lab.sh loss PERCENT|off"
    set_loss "$1" ;;
  dropped)
    # lab.sh dropped: how many frames the loss rule has dropped so far
    check_env
    ip netns exec "$(ns sw)" nft list table bridge wblab 2>/dev/null |
      awk '/counter/ { for (i = 1; i <= NF; i++) if ($i == "packets") s += $(i + 1) } END { print s + 0 }' ;;
  truth) shift; exec python3 "$here/lab-truth.py" "$truth" "$@" $scale ;;
  *) echo "usage: lab.sh up|down|status|exec NAME CMD...|loss PERCENT|off|dropped|truth expect" >&2; exit 2 ;;
esac
