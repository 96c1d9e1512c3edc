#!/usr/bin/env bash
# Runs the demo: the example office's phones in the simulator, registered to a Kamailio it starts on
# 127.0.0.1:5060, with the control API and the view on http://127.0.0.1:8080.
# The office is examples/office.json: its phones' device files and the softswitch's subscribers and
# delegation permissions are generated from it into .sim/office first, so a pairing changed with
# 'deskphone-provision office ...' takes effect at the next ./demo.sh, with nothing edited by hand.
# The front desk's contact directory (examples/contacts.json) goes to every phone, so callers show by name and company.
# Extra arguments go to "deskphone-sim demo" (e.g. --port 9090, --seconds 60, --no-softswitch).
set -euo pipefail
cd "$(dirname "$0")"
# The softswitch the phones register with (Kamailio, from Debian). Without it the demo still runs.
tools/setup/install-packages.sh tools/setup/demo-packages.txt || echo "demo: could not install Kamailio; the phones will not register"
rm -rf .sim/office
dotnet run --project tools/Provision -c Release -- provision --office examples/office.json --out .sim/office --profiles boards/profiles --contacts examples/contacts.json
exec dotnet run --project tools/Simulator -c Release -- demo .sim/office/devices/*.json "$@"
