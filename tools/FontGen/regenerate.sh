#!/usr/bin/env bash
# Regenerates the firmware's fonts from Debian's xfonts-base (public-domain misc-fixed fonts).
# Usage: tools/FontGen/regenerate.sh [--check]
set -euo pipefail
cd "$(dirname "$0")/../.."
misc=/usr/share/fonts/X11/misc
ranges="20-7E,A0-FF,2026,2190-2193,25B2,25BC,2713"
gen() { dotnet run --project tools/FontGen -v q -- --font "$misc/$1.pcf.gz" --name "$1" --class "$2" --ranges "$ranges" --out "firmware/Display/Fonts/$2.cs" "${@:3}"; }
gen 5x8 Fixed5x8 "$@"
gen 6x10 Fixed6x10 "$@"
