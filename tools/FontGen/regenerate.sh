#!/usr/bin/env bash
# Regenerates the firmware's fonts from Debian's xfonts-base (public-domain misc-fixed fonts) and
# xfonts-shinonome (public-domain Shinonome Gothic, 12 px: Latin, half-width katakana, JIS X 0208).
# Usage: tools/FontGen/regenerate.sh [--check]
set -euo pipefail
cd "$(dirname "$0")/../.."
misc=/usr/share/fonts/X11/misc
art="${TMPDIR:-/tmp}/deskphone-fontgen-$(id -u)"
dotnet build tools/FontGen -v q -nologo --artifacts-path "$art" >/dev/null
fontgen() { dotnet "$art/bin/DeskPhone.FontGen/debug/deskphone-fontgen.dll" "$@"; }
ranges="20-7E,A0-FF,2026,2190-2193,25B2,25BC,2713"
gen() { fontgen --font "$misc/$1.pcf.gz" --name "$1" --class "$2" --ranges "$ranges" --out "firmware/Display/Fonts/$2.cs" "${@:3}"; }
gen 5x8 Fixed5x8 "$@"
gen 6x10 Fixed6x10 "$@"
# packed FONT NAME CLASS "RANGES": a SparseBitmapFont (CLASS.cs index + CLASS.GlyphsN.cs bitmaps).
packed() { fontgen --packed --font "$misc/$1.pcf.gz" --name "$2" --class "$3" --ranges "$4" --out "firmware/Display/Fonts/$3.cs" "${@:5}"; }
packed shnm6x12a 6x12 Shinonome6x12 "20-7E,A0-FF" "$@"
packed shnm6x12r 6x12kana Shinonome6x12Kana "FF61-FF9F" "$@"
packed shnmk12 12x12 Shinonome12 "100-FFFF" "$@"
