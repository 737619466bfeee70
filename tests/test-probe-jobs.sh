#!/usr/bin/env bash
# test-probe-jobs.sh — werkbank-probe refuses bad and hostile jobs before sending
# anything, with a clear message, the documented error code and exit code
# (docs/probe-protocol.md). Needs no root: every job here is refused before the
# interface is opened. Usage: test-probe-jobs.sh WERKBANK-PROBE. Prints TAP.
set -u
probe=$(realpath "$1")

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

scope='{"targets":["198.18.0.0/24"],"activity":"active"}'
# refused WHAT EXIT CODE MESSAGE-PART JOB: the probe exits EXIT with exactly one
# "error" event of CODE whose message contains MESSAGE-PART, and writes nothing else.
refused () {
  local what=$1 want=$2 code=$3 part=$4 job=$5 out err got lines
  err=$(mktemp)
  out=$(printf '%s' "$job" | timeout 10 "$probe" 2>"$err"); got=$?
  lines=$(printf '%s\n' "$out" | grep -c .)
  if [ "$got" = "$want" ] && [ "$lines" = 1 ] &&
     printf '%s' "$out" | grep -qF "\"event\":\"error\",\"code\":\"$code\"" &&
     printf '%s' "$out" | grep -qF -- "$part" && grep -qF -- "$part" "$err"; then
    ok "$what"
  else
    not_ok "$what (exit $got, wanted $want)"
    printf '%s\n' "$out" | head -5 | sed 's/^/# /'
  fi
  rm -f "$err"
}

refused "empty input is a bad job" 2 bad-job "expected a JSON object" ''
refused "malformed JSON is a bad job" 2 bad-job "not valid JSON" '{"version":1,'
refused "a JSON array is a bad job" 2 bad-job "expected a JSON object" '[1,2]'
refused "an unknown field is named" 2 bad-job "unknown field “bogus”" \
  "{\"version\":1,\"scope\":$scope,\"bogus\":true}"
refused "an unknown scope field is named" 2 bad-job "“pwn”" \
  '{"version":1,"scope":{"targets":["198.18.0.0/24"],"activity":"active","pwn":1}}'
refused "an unsupported version is refused" 2 bad-job "version 2 is not supported" \
  "{\"version\":2,\"scope\":$scope}"
refused "a missing scope is refused" 2 bad-job "“scope” is missing" '{"version":1}'
refused "a negative rate is refused" 2 bad-job "“rate” must be between 1 and 1000000" \
  "{\"version\":1,\"scope\":$scope,\"rate\":-5}"
refused "a rate as a string is refused" 2 bad-job "rate" \
  "{\"version\":1,\"scope\":$scope,\"rate\":\"fast\"}"
refused "too many retries are refused" 2 bad-job "“retries” must be between 0 and 10" \
  "{\"version\":1,\"scope\":$scope,\"retries\":1000}"
refused "a port above 65535 is refused" 2 bad-job "“70000” is not a port" \
  "{\"version\":1,\"scope\":$scope,\"ports\":\"22,70000\"}"
refused "a reversed range is refused" 2 bad-job "“100-1”" \
  "{\"version\":1,\"scope\":$scope,\"ports\":\"100-1\"}"
refused "port 0 is refused" 2 bad-job "“0”" \
  "{\"version\":1,\"scope\":$scope,\"ports\":\"0\"}"
huge=$(seq -s, 1 2000)
refused "a huge port list is refused" 2 bad-job "longer than 256 characters" \
  "{\"version\":1,\"scope\":$scope,\"ports\":\"$huge\"}"
many=$(seq -s, 1 2 140)
refused "a port list of too many items is refused" 2 bad-job "more than 64 items" \
  "{\"version\":1,\"scope\":$scope,\"ports\":\"$many\"}"
refused "an unknown UDP probe is refused" 2 bad-job "unknown UDP probe “chargen”" \
  "{\"version\":1,\"scope\":$scope,\"udp\":[\"chargen\"]}"
refused "an unknown discovery method is refused" 2 bad-job "unknown discovery method" \
  "{\"version\":1,\"scope\":$scope,\"discovery\":[\"smurf\"]}"
refused "an interface name with a slash is refused" 2 bad-job "not a valid interface" \
  "{\"version\":1,\"scope\":$scope,\"interface\":\"../../etc\"}"
refused "IPv6 targets are refused (version 1 is IPv4)" 2 bad-job "IPv4 only" \
  "{\"version\":1,\"scope\":$scope,\"targets\":[\"2001:db8::1\"]}"
big=$(head -c 1100000 /dev/zero | tr '\0' ' ')
refused "a job over 1 MiB is refused" 2 bad-job "larger than" "{$big}"

refused "/0 as a target is refused" 2 bad-job "/0 is the whole Internet" \
  "{\"version\":1,\"scope\":$scope,\"targets\":[\"0.0.0.0/0\"]}"
refused "/0 as the scope is refused" 2 bad-job "/0 is the whole Internet" \
  '{"version":1,"scope":{"targets":["0.0.0.0/0"],"activity":"active"}}'
refused "a target outside the scope is refused" 4 out-of-scope "198.18.1.5 is out of scope" \
  "{\"version\":1,\"scope\":$scope,\"targets\":[\"198.18.1.5\"]}"
refused "one address outside the scope refuses the whole job" 4 out-of-scope "198.18.1.1" \
  "{\"version\":1,\"scope\":$scope,\"targets\":[\"198.18.0.5\",\"198.18.1.0/30\"]}"
refused "an excluded address is refused" 4 out-of-scope "198.18.0.7" \
  '{"version":1,"scope":{"targets":["198.18.0.0/24"],"exclude":["198.18.0.7"],"activity":"active"},"targets":["198.18.0.7"]}'
refused "the broadcast address of a range is refused" 4 out-of-scope "broadcast address" \
  "{\"version\":1,\"scope\":$scope,\"targets\":[\"198.18.0.255\"]}"
refused "limited broadcast is refused even when listed" 4 out-of-scope "never scanned" \
  '{"version":1,"scope":{"targets":["255.255.255.255"],"activity":"active"},"targets":["255.255.255.255"]}'
refused "multicast is refused even when listed" 4 out-of-scope "never scanned" \
  '{"version":1,"scope":{"targets":["224.0.0.1"],"activity":"active"},"targets":["224.0.0.1"]}'
refused "loopback is refused even when listed" 4 out-of-scope "never scanned" \
  '{"version":1,"scope":{"targets":["127.0.0.1"],"activity":"active"},"targets":["127.0.0.1"]}'
refused "a passive-only agreement may not be scanned" 4 activity "not allowed" \
  '{"version":1,"scope":{"targets":["198.18.0.0/24"],"activity":"passive"}}'
refused "a nonexistent interface is named" 5 interface "“wbnosuch0” does not exist" \
  "{\"version\":1,\"scope\":$scope,\"interface\":\"wbnosuch0\"}"

echo "1..$n"
[ "$failed" = 0 ]
