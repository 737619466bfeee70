#!/bin/bash
# bench-vault.sh — the vault against age and gpg on the same 200 MiB file, and the
# time to commit one small record. Not part of `meson test` (design.md §7: speed is
# measured side by side with the anchor and reported as a ratio).
#
#   tests/bench/bench-vault.sh [BUILDDIR]     (default: build)
#
# Needs: age, gpg, python3 (to give `age -p` its passphrase on a pseudo-terminal).
# The vault's encrypt figure includes its fdatasync (the commit); age and gpg do not
# sync, so the script also shows them followed by `sync -d FILE`.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:-$SRC/build}" && pwd)
SIZE_MIB=${BENCH_SIZE_MIB:-200}
N_APPENDS=${BENCH_APPENDS:-200}
PASS="bench-passphrase-not-secret"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/wb-bench-vault-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
HELPER="$WORK/bench-vault"

# shellcheck disable=SC2046
cc -O2 -std=gnu11 -o "$HELPER" "$SRC/tests/bench/bench-vault.c" \
  -I"$SRC/app/core" -I"$BUILD" $(pkg-config --cflags --libs gio-2.0 libgcrypt) \
  -L"$BUILD/app/core" -lwerkbank -Wl,-rpath,"$BUILD/app/core"

secs () { # run a command, print wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l | xargs printf '%.3f'
}

age_pass () { # age -p on a pty: MODE(enc|dec) IN OUT
  python3 - "$1" "$2" "$3" "$PASS" <<'PY'
import os, pty, sys
mode, src, dst, pw = sys.argv[1:5]
args = ["age", "-p", "-o", dst, src] if mode == "enc" else ["age", "-d", "-o", dst, src]
pid, fd = os.forkpty()
if pid == 0:
    os.execvp("age", args)
buf = b""
while True:
    try:
        data = os.read(fd, 1024)
    except OSError:
        break
    if not data:
        break
    buf += data
    if b"passphrase" in data.lower() or b"confirm" in data.lower():
        os.write(fd, (pw + "\n").encode())
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
PY
}

echo "Preparing a ${SIZE_MIB} MiB random file in $WORK ..."
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$WORK/plain"
sync

"$HELPER" keygen "$WORK/teacher.key"
age-keygen -o "$WORK/age.key" 2> /dev/null
AGE_RECIPIENT=$(age-keygen -y "$WORK/age.key")

export WERKBANK_FAST_KDF=0

v_enc=$(secs "$HELPER" encrypt "$WORK/x.wbv" "$WORK/teacher.key" "$WORK/plain")
v_dec=$(secs "$HELPER" decrypt "$WORK/x.wbv" "$WORK/teacher.key" "$WORK/x.out")
cmp -s "$WORK/plain" "$WORK/x.out" || { echo "vault round trip differs!"; exit 1; }
vp_enc=$(secs "$HELPER" encrypt-pass "$WORK/p.wbv" "$PASS" "$WORK/plain")
vp_dec=$(secs "$HELPER" decrypt-pass "$WORK/p.wbv" "$PASS" "$WORK/p.out")
cmp -s "$WORK/plain" "$WORK/p.out" || { echo "vault passphrase round trip differs!"; exit 1; }
rm -f "$WORK/x.out" "$WORK/p.out"

a_enc=$(secs age -r "$AGE_RECIPIENT" -o "$WORK/a.age" "$WORK/plain")
a_enc_sync=$(secs bash -c "age -r $AGE_RECIPIENT -o '$WORK/a2.age' '$WORK/plain' && sync -d '$WORK/a2.age'")
a_dec=$(secs age -d -i "$WORK/age.key" -o "$WORK/a.out" "$WORK/a.age")
cmp -s "$WORK/plain" "$WORK/a.out" || { echo "age round trip differs!"; exit 1; }
rm -f "$WORK/a.out" "$WORK/a2.age"

ap_enc=$(secs age_pass enc "$WORK/plain" "$WORK/ap.age")
ap_dec=$(secs age_pass dec "$WORK/ap.age" "$WORK/ap.out")
if cmp -s "$WORK/plain" "$WORK/ap.out"; then ap_ok=yes; else ap_ok=no; fi
rm -f "$WORK/ap.out" "$WORK/ap.age"

g_enc=$(secs gpg --batch --yes --pinentry-mode loopback --passphrase "$PASS" --symmetric \
          -o "$WORK/g.gpg" "$WORK/plain")
g_dec=$(secs gpg --batch --yes --pinentry-mode loopback --passphrase "$PASS" --decrypt \
          -o "$WORK/g.out" "$WORK/g.gpg")
cmp -s "$WORK/plain" "$WORK/g.out" || { echo "gpg round trip differs!"; exit 1; }
rm -f "$WORK/g.out"

"$HELPER" encrypt "$WORK/small.wbv" "$WORK/teacher.key" /dev/null
read -r ap_med ap_p90 < <("$HELPER" append "$WORK/small.wbv" "$WORK/teacher.key" "$N_APPENDS")

ratio () { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }
mibs () { echo "$SIZE_MIB / $1" | bc -l | xargs printf '%.0f'; }

echo
echo "== ${SIZE_MIB} MiB, wall seconds (MiB/s); ratio = other / vault (> 1: vault faster)"
printf '%-44s %8s %8s\n' "" encrypt decrypt
printf '%-44s %8s %8s   (%s / %s MiB/s)\n' "vault, X25519 slot (incl. fdatasync)" "$v_enc" "$v_dec" "$(mibs "$v_enc")" "$(mibs "$v_dec")"
printf '%-44s %8s %8s\n' "vault, passphrase slot (Argon2id t3 64MiB)" "$vp_enc" "$vp_dec"
printf '%-44s %8s %8s   ratio %s / %s\n' "age -r" "$a_enc" "$a_dec" "$(ratio "$a_enc" "$v_enc")" "$(ratio "$a_dec" "$v_dec")"
printf '%-44s %8s %8s   ratio %s\n' "age -r, then sync -d" "$a_enc_sync" "-" "$(ratio "$a_enc_sync" "$v_enc")"
printf '%-44s %8s %8s   ratio %s / %s (round trip ok: %s)\n' "age -p (scrypt)" "$ap_enc" "$ap_dec" "$(ratio "$ap_enc" "$vp_enc")" "$(ratio "$ap_dec" "$vp_dec")" "$ap_ok"
printf '%-44s %8s %8s   ratio %s / %s\n' "gpg --symmetric (defaults)" "$g_enc" "$g_dec" "$(ratio "$g_enc" "$vp_enc")" "$(ratio "$g_dec" "$vp_dec")"
echo
echo "== committing one small record (write + fdatasync), $N_APPENDS appends"
echo "median ${ap_med} ms, p90 ${ap_p90} ms (goal: under 5 ms)"
