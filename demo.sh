#!/usr/bin/env bash
# Runs the demo: the example office's phones in the simulator, registered to a Kamailio it starts on
# 127.0.0.1:5060, with the control API and the view on http://127.0.0.1:8080.
# Extra arguments go to "deskphone-sim demo" (e.g. --port 9090, --seconds 60, --no-softswitch).
set -euo pipefail
cd "$(dirname "$0")"
# The softswitch the phones register with (Kamailio, from Debian). Without it the demo still runs.
tools/setup/install-packages.sh tools/setup/demo-packages.txt || echo "demo: could not install Kamailio; the phones will not register"
exec dotnet run --project tools/Simulator -c Release -- demo "$@"
