using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Links audit rows into the chain at commit instead of at insert. Before, the BEFORE INSERT trigger took the single
    /// chain-head row FOR UPDATE at the first audited write and kept it until the transaction ended, so every audited
    /// transaction of the system queued behind the slowest one for its whole remaining work (the deadline-rush bench:
    /// 30 s lock waits, an exhausted pool, 503s). Now the insert only gives the row a provisional negative id and empty
    /// hashes; a deferred constraint trigger seals each row at COMMIT — chain id, predecessor's hash, own hash — under the
    /// head's lock, which is therefore held only from the seal to the end of the commit. Id order is still chain order,
    /// and a committed row is always sealed. No model change: the snapshot is untouched.
    /// </summary>
    [DbContext(typeof(ExemplarDbContext))]
    [Migration("20261130190000_AuditSealedAtCommit")]
    public partial class AuditSealedAtCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(""""
                CREATE SEQUENCE audit_entries_provisional_seq;

                CREATE OR REPLACE FUNCTION audit_entries_chain() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- No lock here: the row is sealed at commit by audit_entries_seal().
                    NEW.id := -nextval('audit_entries_provisional_seq');
                    NEW.occurred_at := date_trunc('microseconds', NEW.occurred_at);
                    NEW.previous_hash := '';
                    NEW.hash := '';
                    RETURN NEW;
                END
                $$;

                CREATE FUNCTION audit_entries_seal() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    head audit_chain_head%ROWTYPE;
                    sealed audit_entries%ROWTYPE;
                BEGIN
                    -- One sealer at a time; the chain id is drawn under the lock so id order is chain order.
                    SELECT * INTO head FROM audit_chain_head WHERE singleton FOR UPDATE;
                    sealed := NEW;
                    sealed.id := nextval('audit_entries_id_seq');
                    sealed.previous_hash := head.last_hash;
                    sealed.hash := encode(sha256(convert_to(audit_canonical(sealed), 'UTF8')), 'hex');
                    PERFORM set_config('exemplar.audit_sealing', 'on', true);
                    UPDATE audit_entries SET id = sealed.id, previous_hash = sealed.previous_hash, hash = sealed.hash WHERE id = NEW.id;
                    PERFORM set_config('exemplar.audit_sealing', 'off', true);
                    UPDATE audit_chain_head SET last_id = sealed.id, last_hash = sealed.hash WHERE singleton;
                    RETURN NULL;
                END
                $$;

                CREATE CONSTRAINT TRIGGER audit_entries_seal AFTER INSERT ON audit_entries
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_entries_seal();

                -- The only update ever allowed: the seal of a provisional row, by audit_entries_seal, leaving its content as it was.
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD.id < 0 AND OLD.hash = '' AND NEW.id > 0 AND NEW.hash <> ''
                       AND current_setting('exemplar.audit_sealing', true) = 'on'
                       AND (OLD.occurred_at, OLD.actor_id, OLD.actor_name, OLD.operation, OLD.action, OLD.entity_type, OLD.entity_id,
                            OLD.jurisdiction_code, OLD.before::text, OLD.after::text, OLD.ip_address)
                           IS NOT DISTINCT FROM
                           (NEW.occurred_at, NEW.actor_id, NEW.actor_name, NEW.operation, NEW.action, NEW.entity_type, NEW.entity_id,
                            NEW.jurisdiction_code, NEW.before::text, NEW.after::text, NEW.ip_address) THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION '审计日志只允许追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                """");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("Exemplar migrations are forward-only; restore from a backup to go back.");
    }
}
