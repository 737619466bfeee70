#!/bin/sh
# probe-setcap.sh — meson install step: give the installed werkbank-probe the raw-packet
# capabilities (docs/probe-protocol.md). Failing is not fatal: it prints what to run.
# Distributions staging into DESTDIR should set the capability in their post-install
# script instead (file capabilities do not survive most packaging steps).
rel="$1"
case "$rel" in
  /*) target="${DESTDIR:-}$rel" ;;
  *) target="${DESTDIR:-}${MESON_INSTALL_PREFIX}/$rel" ;;
esac
if [ -n "${DESTDIR:-}" ]; then
  echo "probe-setcap: DESTDIR install; set the capability at package install time:" >&2
  echo "  setcap cap_net_raw,cap_net_admin+ep ${target#"$DESTDIR"}" >&2
  exit 0
fi
if command -v setcap >/dev/null 2>&1 && setcap cap_net_raw,cap_net_admin+ep "$target" 2>/dev/null; then
  echo "probe-setcap: gave $target cap_net_raw,cap_net_admin"
else
  echo "probe-setcap: WARNING: could not set capabilities on $target; run:" >&2
  echo "  sudo setcap cap_net_raw,cap_net_admin+ep $target" >&2
fi
exit 0
