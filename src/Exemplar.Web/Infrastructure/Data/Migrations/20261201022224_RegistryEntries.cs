using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegistryEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The registry read model: the latest designation of each base and programme, one row each, kept by row triggers
            // on designations, certificates (the current one) and carriers (name, region, industries), so a search scans this
            // narrow table instead of ordering every designation per request. File contents: lz4 instead of pglz (most
            // uploads are already-compressed PDFs and images; lz4 gives up on them cheaply).
            migrationBuilder.Sql("""
                CREATE VIEW registry_candidates AS
                    SELECT d.id, d.carrier_id, c.name, c.jurisdiction_code, d.programme_id, d.policy_version, d.announcement_number, d.announced_on,
                        d.valid_from, d.valid_until, d.revoked_on, (d.re_review_application_id IS NOT NULL) AS under_re_review, c.leading_industries,
                        extract(year FROM d.announced_on)::int AS announced_year,
                        (SELECT x.number FROM certificates x WHERE x.designation_id = d.id AND x.superseded_on IS NULL) AS certificate_number,
                        d.created_at
                    FROM designations d JOIN carriers c ON c.id = d.carrier_id;
                CREATE TABLE registry_entries AS
                    SELECT DISTINCT ON (carrier_id, programme_id) * FROM registry_candidates
                    ORDER BY carrier_id, programme_id, announced_on DESC, created_at DESC;
                ALTER TABLE registry_entries ADD CONSTRAINT pk_registry_entries PRIMARY KEY (carrier_id, programme_id);
                ALTER TABLE registry_entries ALTER COLUMN id SET NOT NULL, ALTER COLUMN name SET NOT NULL, ALTER COLUMN announced_on SET NOT NULL;
                CREATE FUNCTION registry_refresh(p_carrier uuid, p_programme text) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM registry_entries WHERE carrier_id = p_carrier AND programme_id = p_programme;
                    INSERT INTO registry_entries
                        SELECT * FROM registry_candidates WHERE carrier_id = p_carrier AND programme_id = p_programme
                        ORDER BY announced_on DESC, created_at DESC LIMIT 1
                    ON CONFLICT ON CONSTRAINT pk_registry_entries DO NOTHING;
                END $$;
                CREATE FUNCTION registry_designation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN PERFORM registry_refresh(OLD.carrier_id, OLD.programme_id); END IF;
                    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.carrier_id <> OLD.carrier_id OR NEW.programme_id <> OLD.programme_id) THEN
                        PERFORM registry_refresh(NEW.carrier_id, NEW.programme_id);
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION registry_certificate_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE d record;
                BEGIN
                    FOR d IN SELECT carrier_id, programme_id FROM designations
                             WHERE id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.designation_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.designation_id END)
                    LOOP
                        PERFORM registry_refresh(d.carrier_id, d.programme_id);
                    END LOOP;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION registry_carrier_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE registry_entries SET name = NEW.name, jurisdiction_code = NEW.jurisdiction_code, leading_industries = NEW.leading_industries
                    WHERE carrier_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER designations_registry_entries AFTER INSERT OR UPDATE OR DELETE ON designations FOR EACH ROW EXECUTE FUNCTION registry_designation_changed();
                CREATE TRIGGER certificates_registry_entries AFTER INSERT OR UPDATE OR DELETE ON certificates FOR EACH ROW EXECUTE FUNCTION registry_certificate_changed();
                CREATE TRIGGER carriers_registry_entries AFTER UPDATE ON carriers FOR EACH ROW
                    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.jurisdiction_code IS DISTINCT FROM NEW.jurisdiction_code
                          OR OLD.leading_industries IS DISTINCT FROM NEW.leading_industries)
                    EXECUTE FUNCTION registry_carrier_changed();
                CREATE INDEX ix_registry_entries_announced_on ON registry_entries (announced_on DESC, name, id);
                ALTER TABLE stored_file_contents ALTER COLUMN content SET COMPRESSION lz4;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS designations_registry_entries ON designations;
                DROP TRIGGER IF EXISTS certificates_registry_entries ON certificates;
                DROP TRIGGER IF EXISTS carriers_registry_entries ON carriers;
                DROP FUNCTION IF EXISTS registry_designation_changed();
                DROP FUNCTION IF EXISTS registry_certificate_changed();
                DROP FUNCTION IF EXISTS registry_carrier_changed();
                DROP FUNCTION IF EXISTS registry_refresh(uuid, text);
                DROP TABLE IF EXISTS registry_entries;
                DROP VIEW IF EXISTS registry_candidates;
                ALTER TABLE stored_file_contents ALTER COLUMN content SET COMPRESSION default;
                """);
        }
    }
}
