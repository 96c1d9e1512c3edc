#!/bin/bash
# Installs (or upgrades) the DeskPhone firmware on a Raspberry Pi. Run it on the Pi, as root,
# from the copied publish output (README.md, "Install"):
#   sudo /tmp/deskphone/deploy/install.sh --board rpi-desk-4 --device /tmp/device.json
# Options:
#   --board NAME|FILE   a profile shipped in profiles/ (rpi-desk-4, rpi-desk-8-mono) or a profile file;
#                       may be left out on an upgrade (the installed /etc/deskphone/board.json stays)
#   --device FILE       the device file (accounts, keys); may be left out on an upgrade
#   --no-start          install and enable, but do not (re)start the service
# Safe to run again: it replaces the program, keeps settings in /var/lib/deskphone, and replaces
# the configuration only when given. It checks the GPIO chip, the I2C bus and the sound card and
# says what to fix.
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
prefix=/opt/deskphone
etc=/etc/deskphone
unit=/etc/systemd/system/deskphone.service
user=deskphone
board=""
device=""
start=yes
problems=0

say() { printf '%s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; problems=$((problems + 1)); }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case "$1" in
        --board) board=${2:?--board needs a name or file}; shift 2 ;;
        --device) device=${2:?--device needs a file}; shift 2 ;;
        --no-start) start=no; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done

[ "$(id -u)" -eq 0 ] || die "run as root: sudo $0 $*"
[ -f "$src/deskphone-pi.dll" ] || die "$src does not look like the publish output (no deskphone-pi.dll)"
case "$(uname -m)" in
    aarch64) ;;
    *) warn "this machine is $(uname -m); the self-contained build is for aarch64 (Raspberry Pi OS 64-bit)" ;;
esac

# Which board profile.
if [ -n "$board" ]; then
    if [ -f "$board" ]; then
        board_file=$board
    elif [ -f "$src/profiles/$board.json" ]; then
        board_file="$src/profiles/$board.json"
    else
        die "no board profile '$board' (shipped: $(cd "$src/profiles" && ls -- *.json | sed 's/\.json$//' | tr '\n' ' '))"
    fi
elif [ -f "$etc/board.json" ]; then
    board_file="$etc/board.json"
else
    die "first install: give --board (one of: $(cd "$src/profiles" && ls -- *.json | sed 's/\.json$//' | tr '\n' ' '))"
fi
if [ -n "$device" ]; then
    [ -f "$device" ] || die "no device file $device"
elif [ ! -f "$etc/device.json" ]; then
    die "first install: give --device FILE (the phone's accounts and keys; README.md, 'Device file')"
fi

# The hardware the profile names (deskphone-pi --check below looks closer).
config=/boot/firmware/config.txt
[ -f "$config" ] || config=/boot/config.txt
chip=$(grep -o '/dev/gpiochip[0-9]*' "$board_file" | head -n 1 || true)
bus=$(grep -o '"i2cBus"[[:space:]]*:[[:space:]]*[0-9]*' "$board_file" | grep -o '[0-9]*$' || true)
card=$(grep -o 'CARD=[A-Za-z0-9_-]*' "$board_file" | head -n 1 | cut -d= -f2 || true)
codec=$(sed -n 's/.*"chip"[[:space:]]*:[[:space:]]*"\([a-z0-9]*\)".*/\1/p' "$board_file" | grep -v '^$' | tail -n 1 || true)
[ -n "$chip" ] && [ ! -e "$chip" ] && warn "$chip: no such device — check gpio.chip in the board profile (ls /dev/gpiochip*)"
if [ -n "$bus" ] && [ ! -e "/dev/i2c-$bus" ]; then
    warn "/dev/i2c-$bus: no such device — enable I2C: sudo raspi-config nonint do_i2c 0 (or dtparam=i2c_arm=on in $config), then reboot"
fi
if [ -n "$card" ] && [ ! -e "/proc/asound/$card" ]; then
    case "$codec" in
        wm8960) overlay="dtoverlay=wm8960-soundcard" ;;
        pcm5102) overlay="dtoverlay=googlevoicehat-soundcard (DAC + I2S mic) or dtoverlay=hifiberry-dac" ;;
        *) overlay="the codec's dtoverlay" ;;
    esac
    warn "sound card '$card' is not present — add $overlay to $config and reboot (cat /proc/asound/cards lists the cards)"
fi

# The service user and its device groups.
for group in gpio i2c audio; do
    getent group "$group" >/dev/null || groupadd --system "$group"
done
if ! id "$user" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/deskphone --no-create-home --shell /usr/sbin/nologin "$user"
    say "created user $user"
fi
usermod -a -G gpio,i2c,audio "$user"

# The program: a fresh copy swapped in whole, so a failed copy never leaves half an install.
systemctl stop deskphone 2>/dev/null || true
rm -rf "$prefix.new"
cp -a "$src" "$prefix.new"
chmod 0755 "$prefix.new/deskphone-pi"
rm -rf "$prefix.old"
[ -d "$prefix" ] && mv "$prefix" "$prefix.old"
mv "$prefix.new" "$prefix"
rm -rf "$prefix.old"
say "installed the program in $prefix"

# Configuration: the device file holds SIP passwords, readable by the service group only.
install -d -m 0750 -o root -g "$user" "$etc"
[ -n "$device" ] && install -m 0640 -o root -g "$user" "$device" "$etc/device.json" && say "installed $etc/device.json"
if [ "$board_file" != "$etc/board.json" ]; then
    install -m 0644 -o root -g root "$board_file" "$etc/board.json"
    say "installed $etc/board.json (from $board_file)"
fi

install -m 0644 -o root -g root "$src/deploy/deskphone.service" "$unit"
systemctl daemon-reload
systemctl enable deskphone >/dev/null
say "enabled deskphone.service"

# The program's own check, as the service user: the files, then every device opened once.
if runuser -u "$user" -- "$prefix/deskphone-pi" --check --device "$etc/device.json" --board "$etc/board.json"; then
    if [ "$start" = yes ]; then
        systemctl restart deskphone
        say "started: follow it with 'journalctl -u deskphone -f'"
    fi
else
    status=$?
    problems=$((problems + 1))
    if [ "$status" -eq 2 ]; then
        say "fix the configuration above (sudoedit $etc/device.json or $etc/board.json), then: sudo systemctl restart deskphone"
    else
        say "fix the hardware problem above (a reboot is needed after changing $config), then: sudo systemctl restart deskphone"
    fi
fi
[ "$problems" -eq 0 ] || { say "installed with $problems problem(s) to fix (see above)"; exit 1; }
say "done"
