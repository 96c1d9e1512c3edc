#!/bin/sh
# Builds the Raspberry Pi firmware for copying to a Pi (README.md, "Build").
#   deploy/publish.sh [--framework-dependent] [OUTPUT_DIR]
# Default: a self-contained linux-arm64 build (the .NET runtime included; the Pi needs nothing
# but Raspberry Pi OS 64-bit). Needs the linux-arm64 runtime pack from nuget.org.
# --framework-dependent: a portable build for a Pi with the .NET 10 runtime installed; needs no
# runtime pack (use it where only a partial NuGet mirror is reachable).
# Set ARTIFACTS=DIR to keep intermediate files out of the source tree.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
project="$here/../DeskPhone.Boards.RaspberryPi.csproj"
mode=self-contained
if [ "${1:-}" = "--framework-dependent" ]; then
    mode=framework-dependent
    shift
fi
out=${1:-$here/../../../artifacts/deskphone-pi}
artifacts=""
if [ -n "${ARTIFACTS:-}" ]; then
    artifacts="--artifacts-path $ARTIFACTS"
fi

case "$out" in
    ""|/) echo "refusing to publish into '$out'" >&2; exit 1 ;;
esac
rm -rf "$out"
if [ "$mode" = self-contained ]; then
    # shellcheck disable=SC2086
    dotnet publish "$project" -c Release -r linux-arm64 --self-contained true -o "$out" $artifacts
else
    # shellcheck disable=SC2086
    dotnet publish "$project" -c Release -p:UseAppHost=false -o "$out" $artifacts
    # The unit starts /opt/deskphone/deskphone-pi: make that name start the dll with the installed runtime.
    cat > "$out/deskphone-pi" <<'LAUNCHER'
#!/bin/sh
exec dotnet "$(dirname "$(readlink -f "$0")")/deskphone-pi.dll" "$@"
LAUNCHER
    chmod 0755 "$out/deskphone-pi"
fi
chmod 0755 "$out/deploy/install.sh"
echo "published ($mode) to $out"
echo "next: scp -r $out pi@PHONE:/tmp/deskphone && ssh -t pi@PHONE sudo /tmp/deskphone/deploy/install.sh --board rpi-desk-4 --device /tmp/device.json"
