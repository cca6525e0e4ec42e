using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChangeFilingsAndRevocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "change_filings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    designation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    change_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    event_on = table.Column<DateOnly>(type: "date", nullable: false),
                    event_wording = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    working_days = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_provisional = table.Column<bool>(type: "boolean", nullable: false),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    filed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    filed_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    days_late = table.Column<int>(type: "integer", nullable: false),
                    evidence_json = table.Column<string>(type: "jsonb", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    forwarded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    forwarded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    local_opinion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    designation_change_id = table.Column<Guid>(type: "uuid", nullable: true),
                    revocation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_filings", x => x.id);
                    table.ForeignKey(
                        name: "fk_change_filings_designations_designation_id",
                        column: x => x.designation_id,
                        principalTable: "designations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "revocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    designation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    grounds_json = table.Column<string>(type: "jsonb", nullable: false),
                    citation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    facts = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    evidence_json = table.Column<string>(type: "jsonb", nullable: false),
                    statement_days = table.Column<int>(type: "integer", nullable: false),
                    change_filing_id = table.Column<Guid>(type: "uuid", nullable: true),
                    proposed_from = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    notice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    delivery_recorded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    statement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    statement_evidence_json = table.Column<string>(type: "jsonb", nullable: false),
                    statement_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    statement_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    statement_accepted = table.Column<bool>(type: "boolean", nullable: true),
                    statement_handling_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decision_reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    plaque_recall = table.Column<bool>(type: "boolean", nullable: false),
                    reapply_banned_until = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_revocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_revocations_designations_designation_id",
                        column: x => x.designation_id,
                        principalTable: "designations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_change_filings_carrier_id",
                table: "change_filings",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_change_filings_designation_id_event_on",
                table: "change_filings",
                columns: new[] { "designation_id", "event_on" });

            migrationBuilder.CreateIndex(
                name: "ix_revocations_carrier_id",
                table: "revocations",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_revocations_designation_id",
                table: "revocations",
                column: "designation_id");

            migrationBuilder.CreateIndex(
                name: "ix_revocations_open_per_designation",
                table: "revocations",
                column: "designation_id",
                unique: true,
                filter: "stage IN (1, 2)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_filings");

            migrationBuilder.DropTable(
                name: "revocations");
        }
    }
}
