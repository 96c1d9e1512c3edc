#!/usr/bin/env bash
# Runs the demo: the example office's phones in the simulator, with the control API and the view
# on http://127.0.0.1:8080. Extra arguments go to 'deskphone-sim demo' (e.g. --port 9090, --seconds 60).
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project tools/Simulator -c Release -- demo "$@"
