#!/usr/bin/env bash
# Loads a delegation table (deskphone-provision's OUT/softswitch/delegation) into a RUNNING Kamailio,
# without a restart: registrations, calls and subscriptions stay. Needs Kamailio started with
# -A 'CTL_SOCKET="unix:/path"' (pairing.cfg loads the ctl module) and kamcmd.
# Our db_text runs in caching mode (a table is read once), so htable.reload would read the old rows:
# the rows go in one by one with htable.seti/sets after an htable.flush (for that moment, which is a
# few milliseconds, nobody acts for anyone else). With DBDIR the table is also copied there, for the
# next start.
# Usage: reload-delegation.sh unix:/path/ctl OUT/softswitch/delegation [DBDIR]
# 'deskphone-provision office serve --reload' runs it after each answer to a pairing request.
set -euo pipefail
socket="${1:?usage: reload-delegation.sh unix:/path/ctl DELEGATION_TABLE [DBDIR]}"
table="${2:?usage: reload-delegation.sh unix:/path/ctl DELEGATION_TABLE [DBDIR]}"
dbdir="${3:-}"
[ -f "$table" ] || { echo "no $table: run 'deskphone-provision provision --office office.json --out OUT'" >&2; exit 1; }
command -v kamcmd >/dev/null || { echo "kamcmd is missing: install kamailio (tools/setup/install-test-deps.sh)" >&2; exit 1; }
[ -z "$dbdir" ] || cp "$table" "$dbdir/delegation"
kamcmd -s "$socket" htable.flush deleg >/dev/null
rows=0
# db_text rows: id:key_name:key_type:value_type:key_value:expires (value_type 1 = number, 0 = text).
while IFS=: read -r _ key _ type value _; do
  if [ "$type" = 1 ]; then
    kamcmd -s "$socket" htable.seti deleg "s:$key" "$value" >/dev/null
  else
    kamcmd -s "$socket" htable.sets deleg "s:$key" "s:$value" >/dev/null
  fi
  rows=$((rows + 1))
done < <(tail -n +2 "$table")
echo "delegation: $rows row(s) loaded into the running Kamailio"
