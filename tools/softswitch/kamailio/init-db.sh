#!/usr/bin/env bash
# Creates the db_text tables our kamailio.cfg reads, in DIR (empty subscriber table).
# The table layouts come from the installed Kamailio (/usr/share/kamailio/dbtext/kamailio),
# so they always match the modules that read them.
# Usage: init-db.sh DIR
set -euo pipefail
dir="${1:?usage: init-db.sh DIR}"
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
echo "db_text tables in $dir: ${tables[*]}"
