# tap.sh — TAP helpers for the shell tests. Source it; end the script with tap_done.
#
# SPDX-License-Identifier: GPL-3.0-or-later

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
# check DESCRIPTION EXPECTED-EXIT COMMAND...: runs it, keeps stdout+stderr in $out
check () {
  local what=$1 want=$2; shift 2
  out=$("$@" 2>&1); local got=$?
  if [ "$got" = "$want" ]; then ok "$what"; else
    not_ok "$what (exit $got, wanted $want)"; printf '%s\n' "$out" | sed 's/^/# /' | head -20; fi
}
# contains DESCRIPTION NEEDLE: the last command's output contains NEEDLE
contains () {
  if printf '%s' "$out" | grep -qF -- "$2"; then ok "$1"; else
    not_ok "$1"; printf '%s\n' "$out" | sed 's/^/# /' | head -20; fi
}
# tap_done: the plan line, and a failing exit status when any check failed
tap_done () {
  echo "1..$n"
  [ "$failed" -eq 0 ]
}
