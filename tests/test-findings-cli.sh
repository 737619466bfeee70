#!/usr/bin/env bash
# test-findings-cli.sh — werkbank-cli findings: edit, remove, merge, duplicates, each with
# a reason that lands in the vault's audit trail; bad ids and missing reasons change
# nothing. The demo engagement, the lab's nmap XML imported (network findings) and the
# access checks' findings for the same services (tests/findings-fixture.c): real doubles.
# Usage: test-findings-cli.sh WERKBANK-CLI SOURCE-ROOT. Prints TAP.
set -u
cli=$(realpath "$1")
src=$(realpath "$2")
fixture=$(dirname "$(dirname "$(dirname "$cli")")")/tests/findings-fixture
. "$src/tests/tap.sh"
export WERKBANK_PASSPHRASE=werkbank-demo-lab
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-findings-cli-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

f=demo/lab-company.wbv
# json EXPR: evaluates EXPR with d = findings --json, g = duplicates --json
json () {
  "$cli" findings "$f" --json > f.json && "$cli" findings duplicates "$f" --json > d.json &&
    python3 - "$1" <<'PY'
import json, sys
d = json.load(open("f.json")); g = json.load(open("d.json"))
by_check = {}
for x in d["findings"]:
    by_check.setdefault(x["check_id"], []).append(x)
print(eval(sys.argv[1]))
PY
}
audit_count () { "$cli" audit "$f" 2>/dev/null | wc -l; }

check "the demo engagement is made" 0 "$cli" demo --dir demo
check "the lab's nmap XML is imported" 0 "$cli" network import-xml "$f" "$src/tests/data/nmap-lab.xml"
check "the access checks' findings are added" 0 "$fixture" "$f"

check "duplicates lists the doubles" 0 "$cli" findings duplicates "$f"
contains "… with Telnet seen by both plugins" "access-control.telnet-open"
groups=$(json 'len(g["groups"])')
[ "$groups" = 4 ] && ok "four groups suggested (Telnet, anonymous FTP, RDP, admin page)" ||
  not_ok "four groups suggested (got $groups)"

keep=$(json '[x for x in g["groups"] if by_check["network.telnet-open"][0]["id"] in [x["keep"]] + x["merge"]][0]["keep"]')
other=$(json '[x for x in g["groups"] if by_check["network.telnet-open"][0]["id"] in [x["keep"]] + x["merge"]][0]["merge"][0]')
before=$(audit_count)
check "merge without a reason is refused" 6 "$cli" findings merge "$f" "$keep" "$other"
check "merge with an empty reason is refused" 6 "$cli" findings merge "$f" "$keep" "$other" --reason ""
check "merge of an unknown id is refused" 5 "$cli" findings merge "$f" "$keep" ffffffffffffffff --reason x
check "merge into itself is refused" 6 "$cli" findings merge "$f" "$keep" "$keep" --reason x
check "merge naming one twice is refused" 6 "$cli" findings merge "$f" "$keep" "$other" "$other" --reason x
[ "$(audit_count)" = "$before" ] && ok "refused merges wrote nothing" || not_ok "refused merges wrote nothing"

check "merge with a reason" 0 "$cli" findings merge "$f" "$keep" "$other" --reason "Telnet seen by both plugins"
[ "$(json '"'"$other"'" in [x["id"] for x in d["findings"]]')" = False ] &&
  ok "the merged finding is gone" || not_ok "the merged finding is gone"
[ "$(json '[m["reason"] for m in d["merges"] if m["keep"] == "'"$keep"'"]')" = "['Telnet seen by both plugins']" ] &&
  ok "findings --json names the merge and its reason" || not_ok "findings --json names the merge and its reason"
check "the audit trail" 0 "$cli" audit "$f"
contains "… has the merge with its reason" "Telnet seen by both plugins"
check "the action plan" 0 "$cli" findings "$f"
contains "… says what was merged" "Merged from:"
[ "$(json 'len(g["groups"])')" = 3 ] && ok "three suggestions left" || not_ok "three suggestions left"

check "the access checks run again" 0 "$fixture" "$f"
[ "$(json 'len(by_check.get("access-control.telnet-open", []))')" = 0 ] &&
  ok "a re-run does not bring the merged finding back" ||
  not_ok "a re-run does not bring the merged finding back"
check "the network import runs again" 0 "$cli" network import-xml "$f" "$src/tests/data/nmap-lab.xml"
check "… and the access checks after it" 0 "$fixture" "$f"
[ "$(json 'len(by_check.get("access-control.telnet-open", [])), [m["checks"] for m in d["merges"] if m["keep"] == by_check["network.telnet-open"][0]["id"]]')" = "(0, [['access-control.telnet-open']])" ] &&
  ok "after the kept finding's plugin runs again, the merge holds" ||
  not_ok "after the kept finding's plugin runs again, the merge holds"
[ "$(json 'len(by_check.get("access-control.anonymous-ftp", []))')" = 1 ] &&
  ok "an unmerged double is still there once" || not_ok "an unmerged double is still there once"

id=$(json 'by_check["network.rdp-exposed"][0]["id"]')
before=$(audit_count)
check "edit without a reason is refused" 6 "$cli" findings edit "$f" "$id" --severity low
check "edit with a bad severity is refused" 6 "$cli" findings edit "$f" "$id" --severity huge --reason x
check "edit without a change is a usage error" 2 "$cli" findings edit "$f" "$id" --reason x
check "edit of an unknown finding" 5 "$cli" findings edit "$f" ffffffffffffffff --severity low --reason x
[ "$(audit_count)" = "$before" ] && ok "refused edits wrote nothing" || not_ok "refused edits wrote nothing"
check "edit severity and advice with a reason" 0 "$cli" findings edit "$f" "$id" --severity critical \
  --step "Zet RDP uit op de router" --owner company --priority now --reason "RDP open naar internet"
[ "$(json 'by_check["network.rdp-exposed"][0]["severity"], by_check["network.rdp-exposed"][0]["severity_reason"], by_check["network.rdp-exposed"][0]["advice"]["priority"], by_check["network.rdp-exposed"][0]["advice"]["owner"]')" = "('critical', 'RDP open naar internet', 'now', 'company')" ] &&
  ok "the edit is in the vault" || not_ok "the edit is in the vault"
check "the action plan" 0 "$cli" findings "$f"
contains "… shows the severity reason" "Why this severity: RDP open naar internet"

check "remove without a reason is refused" 6 "$cli" findings remove "$f" "$id"
check "remove an unknown finding" 5 "$cli" findings remove "$f" ffffffffffffffff --reason x
check "remove with a reason" 0 "$cli" findings remove "$f" "$id" --reason "Fixed during the visit"
[ "$(json '"'"$id"'" in [x["id"] for x in d["findings"]]')" = False ] &&
  ok "the removed finding is gone" || not_ok "the removed finding is gone"
check "the audit trail" 0 "$cli" audit "$f"
contains "… has the removal with its reason" "Fixed during the visit"
check "a wrong passphrase" 3 env WERKBANK_PASSPHRASE=wrong "$cli" findings duplicates "$f"
tap_done
