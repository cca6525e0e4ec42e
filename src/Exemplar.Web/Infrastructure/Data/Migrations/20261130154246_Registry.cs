using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "entered_afterwards",
                table: "designations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "plaque_awarded_on",
                table: "designations",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "certificate_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    algorithm = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    public_key = table.Column<byte[]>(type: "bytea", nullable: false),
                    protected_private_key = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificate_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    designation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    payload = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    signature = table.Column<byte[]>(type: "bytea", nullable: false),
                    algorithm = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    key_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_certificates_designations_designation_id",
                        column: x => x.designation_id,
                        principalTable: "designations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "designation_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    designation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_designation_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_designation_changes_designations_designation_id",
                        column: x => x.designation_id,
                        principalTable: "designations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registry_revisions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_revisions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_designations_announced_on",
                table: "designations",
                column: "announced_on");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_designation_id",
                table: "certificates",
                column: "designation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_number",
                table: "certificates",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_designation_changes_designation_id",
                table: "designation_changes",
                column: "designation_id");
            // What the registry shows changed: bump the revision and tell every instance (RegistryChangeListener).
            migrationBuilder.Sql("INSERT INTO registry_revisions (id, revision, changed_at) VALUES (1, 1, now());");
            migrationBuilder.Sql("""
                CREATE FUNCTION registry_touch() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE r bigint;
                BEGIN
                    UPDATE registry_revisions SET revision = revision + 1, changed_at = clock_timestamp() WHERE id = 1 RETURNING revision INTO r;
                    PERFORM pg_notify('registry_changed', r::text);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER designations_registry AFTER INSERT OR UPDATE OR DELETE ON designations FOR EACH STATEMENT EXECUTE FUNCTION registry_touch();
                CREATE TRIGGER designation_changes_registry AFTER INSERT OR UPDATE OR DELETE ON designation_changes FOR EACH STATEMENT EXECUTE FUNCTION registry_touch();
                CREATE TRIGGER certificates_registry AFTER INSERT OR UPDATE OR DELETE ON certificates FOR EACH STATEMENT EXECUTE FUNCTION registry_touch();
                CREATE TRIGGER carriers_registry AFTER UPDATE OR DELETE ON carriers FOR EACH STATEMENT EXECUTE FUNCTION registry_touch();
                CREATE SEQUENCE certificate_number_seq;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS designations_registry ON designations;
                DROP TRIGGER IF EXISTS designation_changes_registry ON designation_changes;
                DROP TRIGGER IF EXISTS certificates_registry ON certificates;
                DROP TRIGGER IF EXISTS carriers_registry ON carriers;
                DROP FUNCTION IF EXISTS registry_touch();
                DROP SEQUENCE IF EXISTS certificate_number_seq;
                """);
            migrationBuilder.DropTable(
                name: "certificate_keys");

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "designation_changes");

            migrationBuilder.DropTable(
                name: "registry_revisions");

            migrationBuilder.DropIndex(
                name: "ix_designations_announced_on",
                table: "designations");

            migrationBuilder.DropColumn(
                name: "entered_afterwards",
                table: "designations");

            migrationBuilder.DropColumn(
                name: "plaque_awarded_on",
                table: "designations");
        }
    }
}
