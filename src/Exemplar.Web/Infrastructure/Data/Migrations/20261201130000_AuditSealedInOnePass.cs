using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Seals a transaction's audit rows in one pass at COMMIT instead of one pass per row: the first deferred seal of the
    /// commit takes the chain head's lock once, links every provisional row of the transaction in insertion order and
    /// moves the head once; the rows' own later seal calls find their row sealed and return. A submit writes six audit
    /// rows (the deadline-rush bench: version, application, notice, notification, two outbound messages) and a material
    /// upload two, so the head row was locked, read and rewritten six times inside the one window every audited commit of
    /// the system waits for. The transaction's rows are found by the range of provisional ids it drew (the first one
    /// kept in a transaction-local setting at insert), so the scan never walks the dead index entries of earlier seals.
    /// Id order is still chain order; a committed row is still always sealed. No model change.
    /// </summary>
    [DbContext(typeof(ExemplarDbContext))]
    [Migration("20261201130000_AuditSealedInOnePass")]
    public partial class AuditSealedInOnePass : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(""""
                CREATE OR REPLACE FUNCTION audit_entries_chain() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- No lock here: the row is sealed at commit by audit_entries_seal().
                    NEW.id := -nextval('audit_entries_provisional_seq');
                    IF coalesce(current_setting('exemplar.audit_first', true), '') = '' THEN
                        PERFORM set_config('exemplar.audit_first', (-NEW.id)::text, true);
                    END IF;
                    NEW.occurred_at := date_trunc('microseconds', NEW.occurred_at);
                    NEW.previous_hash := '';
                    NEW.hash := '';
                    RETURN NEW;
                END
                $$;

                CREATE OR REPLACE FUNCTION audit_entries_seal() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    head audit_chain_head%ROWTYPE;
                    pending audit_entries%ROWTYPE;
                    provisional bigint;
                    newest bigint;
                    oldest bigint;
                BEGIN
                    -- Sealed already by this commit's first seal call.
                    IF NOT EXISTS (SELECT 1 FROM audit_entries WHERE id = NEW.id) THEN
                        RETURN NULL;
                    END IF;
                    newest := currval('audit_entries_provisional_seq');
                    oldest := least(coalesce(nullif(current_setting('exemplar.audit_first', true), '')::bigint, -NEW.id), -NEW.id);
                    -- One sealer at a time; chain ids are drawn under the lock so id order is chain order.
                    SELECT * INTO head FROM audit_chain_head WHERE singleton FOR UPDATE;
                    PERFORM set_config('exemplar.audit_sealing', 'on', true);
                    -- Provisional rows in this range that this transaction can see are its own: others' are uncommitted
                    -- (invisible) or committed, and a committed row is sealed. Descending ids are insertion order.
                    FOR pending IN SELECT * FROM audit_entries WHERE id BETWEEN -newest AND -oldest ORDER BY id DESC LOOP
                        provisional := pending.id;
                        pending.id := nextval('audit_entries_id_seq');
                        pending.previous_hash := head.last_hash;
                        pending.hash := encode(sha256(convert_to(audit_canonical(pending), 'UTF8')), 'hex');
                        UPDATE audit_entries SET id = pending.id, previous_hash = pending.previous_hash, hash = pending.hash
                            WHERE id = provisional;
                        head.last_id := pending.id;
                        head.last_hash := pending.hash;
                    END LOOP;
                    PERFORM set_config('exemplar.audit_sealing', 'off', true);
                    UPDATE audit_chain_head SET last_id = head.last_id, last_hash = head.last_hash WHERE singleton;
                    RETURN NULL;
                END
                $$;
                """");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("Exemplar migrations are forward-only; restore from a backup to go back.");
    }
}
