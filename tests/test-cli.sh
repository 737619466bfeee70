#!/usr/bin/env bash
# test-cli.sh — werkbank-cli end to end, as a script or a student would use it.
# Usage: test-cli.sh WERKBANK-CLI SOURCE-DIR
# Prints TAP. Every check names the behaviour a person would notice.
set -u

cli=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-cli-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"

. "$(dirname "$(realpath "$0")")/tap.sh"

export WERKBANK_PASSPHRASE="lab passphrase 1"
f=lab.wbv
# A fresh marker per run: no file anywhere can hold it unless this run wrote it.
marker="CANARY-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"

# --- help and usage -------------------------------------------------------------------
check "--help lists the commands" 0 "$cli" --help
contains "--help names create" "create"
for c in create show company person agreement plugins run findings export audit keygen slot verify compact destroy demo; do
  check "$c --help works" 0 "$cli" "$c" --help
done
check "no command is a usage error" 2 "$cli"
check "an unknown command is a usage error" 2 "$cli" frobnicate
contains "an unknown command is named" "frobnicate"

# --- create ---------------------------------------------------------------------------
check "create needs --member" 2 "$cli" create "$f"
check "create makes an engagement" 0 "$cli" create "$f" --member "Sanne $marker"
[ -f "$f" ] && [ "$(stat -c %a "$f")" = 600 ] && ok "the engagement file is private (0600)" \
  || not_ok "the engagement file is private (0600)"
check "create refuses to overwrite" 6 "$cli" create "$f" --member "Sanne"

# --- company, people ------------------------------------------------------------------
check "a bad KvK number is refused" 6 "$cli" company "$f" --name "Bakkerij $marker" --kvk 12
contains "the KvK message says what is right" "8 digits"
check "a bad size class is a usage error" 2 "$cli" company "$f" --name "X" --size huge
check "company details are saved" 0 "$cli" company "$f" --name "Bakkerij $marker B.V." \
  --kvk 90000001 --sbi 10.71 --size lt10 --province groningen
check "a student is added" 0 "$cli" person add "$f" "Mo $marker" --role student
check "the teacher is added" 0 "$cli" person add "$f" "Petra Jansen" --role teacher
check "an unknown role is a usage error" 2 "$cli" person add "$f" "X" --role boss

# --- agreement ------------------------------------------------------------------------
check "the agreement template is valid JSON" 0 "$cli" agreement template --output tpl.json
python3 -c 'import json,sys; a=json.load(open("tpl.json")); assert len(a["clauses"]) >= 19' \
  && ok "the template fills every clause" || not_ok "the template fills every clause"
check "signing before the agreement is complete is refused" 4 "$cli" agreement sign "$f" --date 2026-11-24
contains "the refusal lists what is missing" "signatory"
sed 's#"198.18.0.0/24"#"198.18.0.1/24"#' "$src/tests/data/agreement-lab.json" > bad-scope.json
check "a malformed scope entry is refused" 6 "$cli" agreement set "$f" bad-scope.json
contains "the message names the entry" "198.18.0.1/24"
echo '{"clauses": ' > broken.json
check "a broken JSON file is refused" 6 "$cli" agreement set "$f" broken.json
check "a missing file is reported" 5 "$cli" agreement set "$f" no-such.json
python3 -c 'import json; a=json.load(open("'"$src"'/tests/data/agreement-lab.json")); a["scope"]["targets"]=["0.0.0.0/0"]; json.dump(a,open("wide.json","w"))'
check "a /0 scope is refused" 6 "$cli" agreement set "$f" wide.json
check "the agreement is recorded" 0 "$cli" agreement set "$f" "$src/tests/data/agreement-lab.json"
check "a nonsense date is refused" 6 "$cli" agreement sign "$f" --date 2026-02-30
check "the agreement is signed" 0 "$cli" agreement sign "$f" --date 2026-11-24
check "a signed agreement cannot be signed again" 4 "$cli" agreement sign "$f" --date 2026-11-25

# --- plugins --------------------------------------------------------------------------
check "plugins are listed" 0 "$cli" plugins list "$f"
contains "the self-test plugin is listed as off" "selftest"
check "an unknown plugin cannot be switched on" 5 "$cli" plugins enable "$f" no-such
check "running an unknown plugin is refused" 5 "$cli" run "$f" no-such
contains "the unknown plugin is named" "no-such"
check "a plugin not switched on does not run" 4 "$cli" run "$f" selftest
check "the self-test plugin is switched on" 0 "$cli" plugins enable "$f" selftest
check "the active plugin is switched on" 0 "$cli" plugins enable "$f" selftest-active
check "a plugin the agreement does not name is refused" 4 "$cli" run "$f" selftest-active
contains "the refusal says why" "agreement"
check "the self-test plugin runs" 0 "$cli" run "$f" selftest --quiet
check "findings as JSON" 0 "$cli" findings "$f" --json
printf '%s' "$out" > findings.json
python3 - findings.json <<'PY' && ok "the findings are the scope's three targets plus one with advice" || not_ok "the findings are the scope's three targets plus one with advice"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "werkbank-findings-1"
ids = sorted(f["check_id"] for f in d["findings"])
assert ids == ["selftest.backup-untested"] + ["selftest.target-in-scope"] * 3, ids
adv = [f for f in d["findings"] if f["check_id"] == "selftest.backup-untested"][0]["advice"]
assert adv["step"] and adv["owner"] == "company" and adv["priority"] == "quarter", adv
assert all(f["plugin"] == "selftest" for f in d["findings"])
PY
rm -f findings.json
check "a plugin the agreement does not allow can be switched off" 0 "$cli" plugins disable "$f" selftest-active
check "findings as an action plan" 0 "$cli" findings "$f"
contains "the plan shows what to do" "Restore one folder"
check "export needs --output" 2 "$cli" export "$f"
check "export writes JSON" 0 "$cli" export "$f" --output export.json
[ "$(stat -c %a export.json)" = 600 ] && ok "the export is private (0600)" || not_ok "the export is private (0600)"
rm -f export.json

# --- opening: wrong key, damage -------------------------------------------------------
check "a wrong passphrase is refused" 3 env WERKBANK_PASSPHRASE=wrong-one "$cli" show "$f"
if printf '%s' "$out" | grep -q "wrong-one"; then not_ok "the passphrase is not echoed"; else ok "the passphrase is not echoed"; fi
echo "hello" > not-a-vault.wbv
check "a file that is not an engagement is refused" 3 "$cli" show not-a-vault.wbv
: > empty.wbv
check "an empty file is refused" 3 "$cli" show empty.wbv
head -c 100 "$f" > truncated.wbv
check "a truncated file is refused" 3 "$cli" show truncated.wbv
check "a missing file is reported" 5 "$cli" show no-such.wbv
cp "$f" flipped.wbv
size=$(stat -c %s flipped.wbv)
python3 -c 'import sys; p=sys.argv[1]; d=bytearray(open(p,"rb").read()); d[int(sys.argv[2])]^=0x01; open(p,"wb").write(d)' flipped.wbv $((size - 40))
check "verify finds a flipped byte" 3 "$cli" verify flipped.wbv
[ $? ] ; rm -f flipped.wbv
check "verify passes the intact file" 0 "$cli" verify "$f"

# --- nothing was lost by all that -----------------------------------------------------
check "the engagement still opens" 0 "$cli" show "$f"
contains "it shows the findings" "Findings: 4"
contains "it shows the stage" "Review"
check "the audit trail shows who did what" 0 "$cli" audit "$f"
contains "the audit names the plugin run" "Plugin selftest finished: 4 findings"

# --- key slots ------------------------------------------------------------------------
check "a teacher key is made" 0 "$cli" keygen teacher.key
pub=$(printf '%s' "$out" | sed -n 's/^Public key: //p')
[ -n "$pub" ] && ok "keygen prints the public key" || not_ok "keygen prints the public key"
[ "$(stat -c %a teacher.key)" = 600 ] && ok "the key file is private (0600)" || not_ok "the key file is private (0600)"
check "keygen does not overwrite a key" 6 "$cli" keygen teacher.key
check "the teacher's slot is added" 0 "$cli" slot add "$f" --label "Petra Jansen" --public-key "$pub"
check "the teacher opens with her key file" 0 env -u WERKBANK_PASSPHRASE "$cli" show "$f" --key teacher.key
contains "the teacher sees the findings" "Findings: 4"
check "a second passphrase slot is added" 0 env WERKBANK_NEW_PASSPHRASE="second person" "$cli" slot add "$f" --label "Mo"
check "the second passphrase opens it" 0 env WERKBANK_PASSPHRASE="second person" "$cli" show "$f"
check "slots are listed" 0 "$cli" slot list "$f"
contains "the teacher's slot is listed" "Petra Jansen"
check "removing a slot that does not exist is refused" 5 "$cli" slot remove "$f" 99
check "the second passphrase slot is removed" 0 "$cli" slot remove "$f" 3
check "the removed passphrase no longer opens it" 3 env WERKBANK_PASSPHRASE="second person" "$cli" show "$f"
check "a malformed public key is refused" 6 "$cli" slot add "$f" --label X --public-key "abc"

# --- compact, destroy -----------------------------------------------------------------
check "compact keeps everything" 0 "$cli" compact "$f"
check "after compacting it still opens" 0 "$cli" show "$f"
contains "after compacting the findings are there" "Findings: 4"

# No plaintext client data anywhere: the marker was given only on command lines.
hits=$(grep -rlaF "$marker" "$work" "${TMPDIR:-/tmp}" /var/tmp 2>/dev/null | head -5)
[ -z "$hits" ] && ok "no plaintext client data on disk" || { not_ok "no plaintext client data on disk"; echo "# $hits"; }

check "destroy wants --yes" 2 "$cli" destroy "$f"
[ -f "$f" ] && ok "without --yes the file stays" || not_ok "without --yes the file stays"
check "destroy crypto-erases" 0 "$cli" destroy "$f" --yes
contains "destroy reports the erased slots" "Key slots erased: 2"
[ ! -e "$f" ] && ok "the destroyed file is gone" || not_ok "the destroyed file is gone"

# --- the user's language --------------------------------------------------------------
check "errors come in Dutch for a Dutch user" 5 env LANGUAGE=nl LANG=nl_NL.UTF-8 "$cli" run "$work/x.wbv" no-such
contains "the Dutch message" "Er is geen plugin"

# --- the demo -------------------------------------------------------------------------
check "the demo runs" 0 "$cli" demo --dir demo
contains "the demo shows an action plan" "Action plan"
check "the demo refuses to overwrite without --force" 6 "$cli" demo --dir demo
check "a demo without any plugin fails instead of an empty report" 5 \
  env WERKBANK_PLUGIN_PATH=/nonexistent "$cli" demo --dir demo-without-plugins
contains "it says where the plugins should come from" "WERKBANK_PLUGIN_PATH"
check "the demo's engagement verifies" 0 env WERKBANK_PASSPHRASE=werkbank-demo-lab "$cli" verify demo/lab-company.wbv

tap_done
