#!/usr/bin/env bash
# System packages this project needs on a fresh Debian machine (12 "bookworm" or later), run as root.
# Idempotent: packages already installed are skipped, and apt-get update runs only when something is
# missing, so a warm machine returns at once.
#
#   python3-openpyxl python3-xlsxwriter  write test workbooks the way other programs write them
#   (No compiler and no libsecret: nothing `npm ci` installs is native. office-addin-debugging, whose
#   toolkit builds keytar from source on Linux, is fetched by `npm start` through npx only when sideloading.)
#   chromium            browser for the Playwright tests (playwright-core, executablePath /usr/bin/chromium)
#   fonts-dejavu-core   a small font with full Vietnamese coverage for chromium (~3 MB; fonts-noto-core
#                       would be ~42 MB); chromium's recommended fonts are not pulled in
#   libreoffice-calc-nogui  recalculates written formulas in the formula tests (soffice --headless)
#
# Usage: sudo .ci/install-system-deps.sh
set -euo pipefail

PACKAGES=(
  python3
  chromium
  fonts-dejavu-core
  libreoffice-calc-nogui
  python3-openpyxl
  python3-xlsxwriter
)

if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-deps: run as root (sudo $0)" >&2
  exit 1
fi

installed() {
  # dpkg -s also succeeds for removed packages that left their config files: ask for the status.
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = "installed" ]
}

missing=()
for package in "${PACKAGES[@]}"; do
  installed "$package" || missing+=("$package")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-system-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"

for package in "${missing[@]}"; do
  installed "$package" || { echo "install-system-deps: $package did not install" >&2; exit 1; }
done
echo "install-system-deps: done"
