#!/usr/bin/env bash
# Restore drill: back up a database with pg_dump, restore it into a new database and prove the copy is whole —
# every table's row count, the migration history, and the audit chain (every hash recomputed, every link checked,
# the append-only triggers active again). Then the copy is dropped.
#   bash scripts/backup-restore-drill.sh [database]      (default: exemplar, the database scripts/start.sh uses)
# Uses the checkout's private cluster, or ConnectionStrings__Default when set. The restore runs with
# --disable-triggers so that the audit rows keep their ids and hashes; that needs a superuser (the private cluster's
# 'exemplar' is one; in production run the restore as the database owner with superuser rights).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
db="${1:-exemplar}"
ensure_postgres "$db"
bin="$(pg_bin)"
for kv in ${ConnectionStrings__Default//;/ }; do
  case "${kv%%=*}" in
    Host) export PGHOST="${kv#*=}" ;; Port) export PGPORT="${kv#*=}" ;;
    Username) export PGUSER="${kv#*=}" ;; Password) export PGPASSWORD="${kv#*=}" ;;
  esac
done
copy="${db}_restore_drill_$(date +%s)"
backup="$(mktemp -d)/$db.dump"
q() { "$bin/psql" -X -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

started=$(date +%s)
log "backing up $db with pg_dump (custom format)"
"$bin/pg_dump" -Fc --no-owner -f "$backup" "$db"
log "backup: $(du -h "$backup" | cut -f1)"
log "restoring into $copy"
"$bin/createdb" "$copy"
trap '"$bin/dropdb" --if-exists "$copy" >/dev/null 2>&1; rm -rf "$(dirname "$backup")"' EXIT
"$bin/pg_restore" --exit-on-error --no-owner --disable-triggers -d "$copy" "$backup"

fail=0
tables=$(q "$db" "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
rows=0
for t in $tables; do
  a=$(q "$db" "SELECT count(*) FROM \"$t\""); b=$(q "$copy" "SELECT count(*) FROM \"$t\"")
  rows=$((rows + a))
  [ "$a" = "$b" ] || { log "table $t: $a rows in $db, $b in the copy"; fail=1; }
done
chain="SELECT count(*) || ' ' || coalesce(max(id), 0) || ' ' || md5(coalesce(string_agg(hash, '' ORDER BY id), '')) FROM audit_entries"
[ "$(q "$db" "$chain")" = "$(q "$copy" "$chain")" ] || { log "the audit chain differs"; fail=1; }
history="SELECT string_agg(\"MigrationId\", ',' ORDER BY \"MigrationId\") FROM \"__EFMigrationsHistory\""
[ "$(q "$db" "$history")" = "$(q "$copy" "$history")" ] || { log "the migration history differs"; fail=1; }
# Every hash recomputed from its row, every row linked to the one before, the head at the last row.
broken=$(q "$copy" "SELECT count(*) FROM (SELECT hash, previous_hash, lag(hash, 1, repeat('0', 64)) OVER (ORDER BY id) AS expected,
                    encode(sha256(convert_to(audit_canonical(a), 'UTF8')), 'hex') AS recomputed FROM audit_entries a) x
                    WHERE hash <> recomputed OR previous_hash <> expected")
[ "$broken" = "0" ] || { log "$broken audit rows do not verify in the copy"; fail=1; }
head=$(q "$copy" "SELECT (SELECT last_hash FROM audit_chain_head) = coalesce((SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1), repeat('0', 64))")
[ "$head" = "t" ] || { log "audit_chain_head does not point at the last row"; fail=1; }
# The append-only rule is back in force in the copy.
if "$bin/psql" -X -q -d "$copy" -c "UPDATE audit_entries SET actor_name = 'x' WHERE id = (SELECT min(id) FROM audit_entries)" >/dev/null 2>&1 \
   && [ "$(q "$copy" "SELECT count(*) FROM audit_entries")" != "0" ]; then
  log "the copy accepted an UPDATE of the audit trail"; fail=1
fi
elapsed=$(( $(date +%s) - started ))
audit=$(q "$copy" "SELECT count(*) FROM audit_entries")
if [ $fail -eq 0 ]; then
  echo "restore drill passed: $db → $copy, $(echo "$tables" | wc -w) tables, $rows rows, $audit audit rows verified, ${elapsed} s"
else
  echo "restore drill FAILED"; exit 1
fi
