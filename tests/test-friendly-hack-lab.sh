#!/usr/bin/env bash
# test-friendly-hack-lab.sh — the friendly-hack website and mail checks against servers
# this test starts in its own lab (tests/lab/lab.sh): HTTPS servers with a throwaway
# self-signed certificate on the lab's "web" host, an authoritative DNS server on its
# "backup" host, and werkbank-cli running in the scanner's namespace with its own
# resolv.conf (/etc/netns/<ns>/resolv.conf, which `ip netns exec` mounts).
# Usage: test-friendly-hack-lab.sh WERKBANK-CLI SOURCE-DIR      Prints TAP.
set -u

cli=$(realpath "$1")
src=$(realpath "$2")
lab="$src/tests/lab/lab.sh"
servers="$src/tests/fh-lab-servers.py"

skip () { echo "1..0 # SKIP $1"; exit 0; }
[ -x "$lab" ] || skip "tests/lab/lab.sh is not there yet"
[ "$(id -u)" = 0 ] || skip "needs root for network namespaces"
ip netns list >/dev/null 2>&1 || skip "no network namespaces (ip netns)"
command -v openssl >/dev/null || skip "openssl is missing (build-aux/install-deps.sh)"
command -v python3 >/dev/null || skip "python3 is missing"

export LAB_NAME="wbfh$(( $$ % 10000 ))"
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-fh-lab-XXXXXX")
netns_dir="/etc/netns/$LAB_NAME-scanner"
pids=()
cleanup () {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  "$lab" down >/dev/null 2>&1
  rm -rf "$work" "$netns_dir"
}
trap cleanup EXIT
cd "$work" || exit 1
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"

. "$(dirname "$(realpath "$0")")/tap.sh"
has () { if grep -qF -- "$2" "$3"; then ok "$1"; else not_ok "$1"; sed 's/^/# /' "$3" | head -40; fi; }
lacks () { if grep -qF -- "$2" "$3"; then not_ok "$1"; grep -F -- "$2" "$3" | sed 's/^/# /'; else ok "$1"; fi; }

if ! out=$("$lab" up 2>&1); then
  printf '%s\n' "$out" | sed 's/^/# /'
  echo "Bail out! the lab did not come up"; exit 1
fi

# A throwaway certificate for the test only (deleted with $work).
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=www.proefkeuken.test" \
  -keyout key.pem -out cert.pem >/dev/null 2>&1 || { echo "Bail out! openssl failed"; exit 1; }
mkdir -p "$netns_dir"
printf 'nameserver 198.18.1.30\noptions timeout:1 attempts:1\n' > "$netns_dir/resolv.conf"

"$lab" exec backup python3 "$servers" dns 198.18.1.30 & pids+=($!)
"$lab" exec web python3 "$servers" web 198.18.1.10 8443 good cert.pem key.pem & pids+=($!)
"$lab" exec web python3 "$servers" web 198.18.1.10 8081 plain & pids+=($!)
"$lab" exec web python3 "$servers" web 198.18.1.10 9443 bad cert.pem key.pem & pids+=($!)
"$lab" exec web python3 "$servers" web 198.18.1.10 9444 tls10 cert.pem key.pem & pids+=($!)
"$lab" exec web python3 "$servers" web 198.18.1.10 9445 mixed cert.pem key.pem & pids+=($!)
for i in $(seq 1 50); do   # bounded: at most 5 s for the servers to listen
  "$lab" exec scanner timeout 1 bash -c 'exec 3<>/dev/tcp/198.18.1.10/9444' 2>/dev/null && break
  sleep 0.1
done

export WERKBANK_PASSPHRASE="lab passphrase 1"
f=lab.wbv
check "an engagement is created" 0 "$cli" create "$f" --member Sam
python3 - "$src/tests/data/agreement-lab.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
a["scope"]["plugins"] = ["friendly-hack", "friendly-hack.website", "friendly-hack.mail-spoofing",
                         "friendly-hack.tailgating"]
json.dump(a, open("agreement.json", "w"))
PY
check "the agreement lists the friendly-hack items" 0 "$cli" agreement set "$f" agreement.json
check "a target before signing is refused" 4 "$cli" friendly-hack target "$f" --mail-domain proefkeuken.test
check "the agreement is signed" 0 "$cli" agreement sign "$f" --date 2026-11-24
check "the plugin is switched on" 0 "$cli" plugins enable "$f" friendly-hack
check "a website outside the scope is refused" 4 \
  "$cli" friendly-hack target "$f" --website https://www.example.org/
check "an item the agreement does not list is refused" 4 \
  "$cli" friendly-hack record "$f" phishing --outcome fail --by Sam --consent-by "Kees Bakker"
echo "note" > note.txt
check "an agreed item is recorded with evidence" 0 \
  "$cli" friendly-hack record "$f" tailgating --outcome fail --by Sam --consent-by "Kees Bakker" \
  --note "Back door held open" --evidence note.txt
printf '%s' "$out" | grep -q "blur" && ok "the record reminds to blur faces and screens" || not_ok "the record reminds to blur faces and screens"

run () {  # run TARGET-ARGS...: set the targets, run in the scanner namespace, export
  "$cli" friendly-hack target "$f" "$@" > target.log 2>&1
  "$lab" exec scanner timeout 120 "$cli" run "$f" friendly-hack --quiet > run.log 2>&1
  local rc=$?
  "$cli" export "$f" --output findings.json > /dev/null 2>&1
  return $rc
}

run --website https://www.proefkeuken.test:8443/ --http-url http://www.proefkeuken.test:8081/ \
    --mail-domain proefkeuken.test --dkim-selector mail2026
[ $? = 0 ] && ok "the checks run against the good site and the DNS server" || { not_ok "the checks run against the good site"; sed 's/^/# /' run.log; }
# The throwaway certificate is self-signed: that finding is right; nothing else may show.
grep -v "friendly-hack.website-certificate" findings.json > good.json
lacks "the good site (TLS 1.3 only, all headers, security.txt) has no other website findings" "friendly-hack.website-" good.json
has "the self-signed certificate is reported" "friendly-hack.website-certificate" findings.json
has "the failed tailgating item is a finding" "friendly-hack.tailgating" findings.json
has "DMARC p=quarantine is a (low) finding" "friendly-hack.mail-dmarc" findings.json
lacks "SPF -all passes" "friendly-hack.mail-spf" findings.json
lacks "the DKIM key is found" "friendly-hack.mail-dkim" findings.json
lacks "the unanswered MTA-STS question is not called missing" "friendly-hack.mail-mta-sts" findings.json

run --website https://www.proefkeuken.test:9443/ --http-url http://www.proefkeuken.test:9443/
has "the bad site: its certificate is not trusted" "friendly-hack.website-certificate" findings.json
has "the bad site: missing headers" "friendly-hack.website-headers" findings.json
has "the bad site: exposed admin login" "friendly-hack.website-admin-login" findings.json
has "the bad site: directory listing" "friendly-hack.website-directory-listing" findings.json
has "the bad site: no security.txt" "friendly-hack.website-no-security-txt" findings.json

run --website https://www.proefkeuken.test:9444/
if grep -qF "friendly-hack.website-tls-outdated" findings.json ||
   grep -qF "friendly-hack.website-unreachable" findings.json; then
  ok "a TLS 1.0-only site is never rated good (outdated, or refused by the TLS library)"
else not_ok "a TLS 1.0-only site is never rated good"; fi

run --website https://www.proefkeuken.test:9445/ --http-url http://www.proefkeuken.test:8081/
has "a site that offers TLS 1.3 but still accepts TLS 1.0 is told to phase it out" "friendly-hack.website-tls-outdated" findings.json

run --website https://www.proefkeuken.test:9443/ --hoster webhoster.test
has "without the hoster's consent the home page is still asked" "friendly-hack.website-certificate" findings.json
lacks "without the hoster's consent no admin login is probed" "friendly-hack.website-admin-login" findings.json

run --website https://www.proefkeuken.test:7/
has "an unreachable website is reported, the run still succeeds" "friendly-hack.website-unreachable" findings.json

tap_done
