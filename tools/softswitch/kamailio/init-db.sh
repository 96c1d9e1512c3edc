#!/usr/bin/env bash
# Creates the db_text tables our kamailio.cfg reads, in DIR (empty subscriber and delegation tables).
# The table layouts come from the installed Kamailio (/usr/share/kamailio/dbtext/kamailio),
# so they always match the modules that read them.
# With OFFICE (deskphone-provision's OUT/softswitch), its subscriber and delegation tables are put
# in DIR instead of the empty ones, after checking their layouts match the installed Kamailio's.
# Usage: init-db.sh DIR [OFFICE]
set -euo pipefail
dir="${1:?usage: init-db.sh DIR [OFFICE]}"
office="${2:-}"
schema="${KAMAILIO_DBTEXT_SCHEMA:-/usr/share/kamailio/dbtext/kamailio}"
tables=(subscriber presentity active_watchers watchers pua sca_subscriptions)
[ -f "$schema/version" ] || { echo "no $schema/version: install kamailio (tools/setup/install-test-deps.sh)" >&2; exit 1; }
mkdir -p "$dir"
head -n 1 "$schema/version" > "$dir/version"
for t in "${tables[@]}"; do
  if [ "$t" = pua ]; then
    # pua writes its in-memory records back at shutdown, some with empty strings, which
    # db_text stores as NULL: let every text column of that table take NULL.
    head -n 1 "$schema/$t" | sed 's/(string)/(string,null)/g' > "$dir/$t"
  else
    head -n 1 "$schema/$t" > "$dir/$t"
  fi
  grep -E "^[0-9]+:$t:" "$schema/version" >> "$dir/version"
done
# Delegation permissions (delegation.cfg): a table in the htable module's layout, named "delegation".
head -n 1 "$schema/htable" > "$dir/delegation"
grep -E "^[0-9]+:htable:" "$schema/version" | sed 's/:htable:/:delegation:/' >> "$dir/version"
if [ -n "$office" ]; then
  for t in subscriber delegation; do
    [ -f "$office/$t" ] || { echo "no $office/$t: run 'deskphone-provision provision --office office.json --out OUT' and pass OUT/softswitch" >&2; exit 1; }
    if [ "$(head -n 1 "$office/$t")" != "$(head -n 1 "$dir/$t")" ]; then
      echo "$office/$t has other columns than the installed Kamailio's $t table; regenerate it with this Kamailio's deskphone-provision" >&2
      exit 1
    fi
    cp "$office/$t" "$dir/$t"
  done
  echo "db_text tables in $dir: ${tables[*]} delegation (subscriber and delegation from $office)"
else
  echo "db_text tables in $dir: ${tables[*]} delegation"
fi
