#!/usr/bin/env bash
# install-deps.sh — installs what Werkbank needs to build, test and run, from Debian 12's
# own archive. Installs only what is missing; uses sudo when not run as root.
# The list is the one place the packages are named (README, CI and the demo use it).
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc gettext
  # libraries (design.md §4)
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libpeas-dev libpcap-dev
  libgcrypt20-dev libksba-dev libjson-glib-dev libcairo2-dev libpango1.0-dev
  libpoppler-glib-dev glib-networking
  # the fixed X25519 decoding path of the Debian 12 update (vault-notes.md, trap 4)
  "libgcrypt20=1.10.1-3+deb12u1"
  # report fonts
  fonts-dejavu-core
  # tests: PDFs, GUI under Xvfb, desktop file checks, network lab, NSS trust store
  poppler-utils xvfb xauth dbus desktop-file-utils appstream iproute2 libnss3-tools
  python3
  # network lab: captures on the lab bridge, packet loss (tests/lab)
  tcpdump nftables
  # friendly-hack lab test: throwaway certificates for the test web servers
  openssl
)

missing=()
for p in "${packages[@]}"; do
  name=${p%%=*}
  want=${p#*=}
  have=$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null || true)
  if [[ "$have" != "install ok installed"* ]]; then
    missing+=("$p")
  elif [[ "$p" == *=* ]] && dpkg --compare-versions "${have##* }" lt "$want"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed."
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# A pinned version may be newer in the archive by now: fall back to the newest.
if ! $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]%%=*}"
fi
