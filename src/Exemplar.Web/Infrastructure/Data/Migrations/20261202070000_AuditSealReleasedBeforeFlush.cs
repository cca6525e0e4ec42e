using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// The chain head's lock is no longer held through the log's flush for a transaction whose committer promised to wait
    /// for the flush itself (transaction setting <c>exemplar.audit_flush_after_commit</c>, see
    /// <see cref="Auditing.AuditedCommit"/>): its seal switches the commit to <c>synchronous_commit = off</c>, so the
    /// lock goes with the commit record, and the committer then waits for a flush past it before it answers. Every other
    /// audited commit seals and flushes as before. Held through the flush, the lock let audited commits through one flush at
    /// a time, so none could share one and a slow flush held up every submission behind it. No model change.
    /// </summary>
    [DbContext(typeof(ExemplarDbContext))]
    [Migration("20261202070000_AuditSealReleasedBeforeFlush")]
    public partial class AuditSealReleasedBeforeFlush : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(""""
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
                    -- The committer waits for the log's flush after COMMIT itself (AuditedCommit.FlushAsync): the head's lock
                    -- is then released when the commit record is written instead of after the flush, so commits seal one
                    -- after another in microseconds and share their flushes. A later commit's record lies after this one
                    -- in the log, so no sealed row can outlive in a crash a predecessor it links to.
                    IF current_setting('exemplar.audit_flush_after_commit', true) = 'on' THEN
                        PERFORM set_config('synchronous_commit', 'off', true);
                    END IF;
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
