#!/usr/bin/env bash
# Installs the Debian packages listed in a package list (default: test-packages.txt) that are not
# installed yet. Safe to run again: it does nothing when everything is there.
# Usage: tools/setup/install-packages.sh [LIST]   (LIST: test-packages.txt or demo-packages.txt)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
list="${1:-$here/test-packages.txt}"
[ -f "$list" ] || list="$here/$1"
name="$(basename "$list" .txt)"
missing=()
while read -r pkg _; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < "$list"
if [ ${#missing[@]} -eq 0 ]; then
  echo "$name: all installed"
  exit 0
fi
echo "$name: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# Debian starts a package's service on install (kamailio would take port 5060 on every interface):
# keep services from starting while we install, and leave kamailio's disabled; tests start their own.
made_policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
  $sudo chmod +x /usr/sbin/policy-rc.d
  made_policy=yes
fi
status=0
$sudo apt-get update -qq || status=$?
[ $status -eq 0 ] && { $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || status=$?; }
[ -n "$made_policy" ] && $sudo rm -f /usr/sbin/policy-rc.d
[ $status -eq 0 ] || { echo "apt-get install failed" >&2; exit 1; }
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  $sudo systemctl disable --now kamailio.service >/dev/null 2>&1 || true
fi
echo "$name: installed ${missing[*]}"
