#!/usr/bin/env bash
# Adds a SIP account to the db_text subscriber table in DIR (made by init-db.sh).
# Kamailio reads db_text tables at start: restart it after adding.
# Usage: add-subscriber.sh DIR USER DOMAIN PASSWORD
set -euo pipefail
dir="${1:?usage: add-subscriber.sh DIR USER DOMAIN PASSWORD}"
user="${2:?user}"; domain="${3:?domain}"; password="${4:?password}"
table="$dir/subscriber"
[ -f "$table" ] || { echo "no $table: run init-db.sh $dir first" >&2; exit 1; }
for v in "$user" "$domain" "$password"; do
  [[ "$v" == *[:\\]* ]] && { echo "':' and '\\' are not allowed in db_text fields" >&2; exit 1; }
done
case "$(head -n 1 "$table")" in
  "id(int,auto) username(string) domain(string) password(string) ha1(string) ha1b(string)"*) ;;
  *) echo "unexpected subscriber columns in $table" >&2; exit 1 ;;
esac
id=$(( $(wc -l < "$table") ))
ha1=$(printf '%s' "$user:$domain:$password" | md5sum | cut -d' ' -f1)
ha1b=$(printf '%s' "$user@$domain:$domain:$password" | md5sum | cut -d' ' -f1)
echo "$id:$user:$domain:$password:$ha1:$ha1b" >> "$table"
echo "added $user@$domain"
