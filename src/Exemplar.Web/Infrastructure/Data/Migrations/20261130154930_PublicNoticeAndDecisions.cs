using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicNoticeAndDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "public_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    policy_version = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    jurisdiction_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    working_days = table.Column<int>(type: "integer", nullable: false),
                    length_set_by_authority = table.Column<bool>(type: "boolean", nullable: false),
                    end_was_provisional = table.Column<bool>(type: "boolean", nullable: false),
                    extension_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_public_notices_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "designation_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    notice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    collective = table.Column<bool>(type: "boolean", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    meeting_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    attendees_json = table.Column<string>(type: "jsonb", nullable: true),
                    members_expected = table.Column<int>(type: "integer", nullable: true),
                    members_present = table.Column<int>(type: "integer", nullable: true),
                    minutes_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    minutes_file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    announcement_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    announcement_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    announced_on = table.Column<DateOnly>(type: "date", nullable: true),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    announced_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_designation_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_designation_decisions_public_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "public_notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notice_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    notice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    operator_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    receipt_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    order = table.Column<int>(type: "integer", nullable: false),
                    selection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    removed = table.Column<bool>(type: "boolean", nullable: false),
                    removed_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_notice_entries_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notice_entries_public_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "public_notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    designated = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    designation_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_decision_lines_designation_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "designation_decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "written_outcomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_written_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_written_outcomes_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_written_outcomes_designation_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "designation_decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "objections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    notice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    filer_kind = table.Column<int>(type: "integer", nullable: false),
                    filer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    filer_contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    registered_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    statement_due = table.Column<DateOnly>(type: "date", nullable: true),
                    statement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    statement_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    conclusion = table.Column<int>(type: "integer", nullable: true),
                    reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    concluded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    concluded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_objections", x => x.id);
                    table.ForeignKey(
                        name: "fk_objections_notice_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "notice_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_objections_public_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "public_notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "objection_evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    objection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_objection_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_objection_evidence_objections_objection_id",
                        column: x => x.objection_id,
                        principalTable: "objections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_decision_lines_decision_id_entry_id",
                table: "decision_lines",
                columns: new[] { "decision_id", "entry_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_designation_decisions_notice_id",
                table: "designation_decisions",
                column: "notice_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notice_entries_application_id",
                table: "notice_entries",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_notice_entries_notice_id_application_id",
                table: "notice_entries",
                columns: new[] { "notice_id", "application_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_objection_evidence_objection_id",
                table: "objection_evidence",
                column: "objection_id");

            migrationBuilder.CreateIndex(
                name: "ix_objections_entry_id",
                table: "objections",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_objections_notice_id",
                table: "objections",
                column: "notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_objections_reference",
                table: "objections",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_public_notices_call_id",
                table: "public_notices",
                column: "call_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_written_outcomes_application_id",
                table: "written_outcomes",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_written_outcomes_decision_id_application_id",
                table: "written_outcomes",
                columns: new[] { "decision_id", "application_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_written_outcomes_organization_id",
                table: "written_outcomes",
                column: "organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_lines");

            migrationBuilder.DropTable(
                name: "objection_evidence");

            migrationBuilder.DropTable(
                name: "written_outcomes");

            migrationBuilder.DropTable(
                name: "objections");

            migrationBuilder.DropTable(
                name: "designation_decisions");

            migrationBuilder.DropTable(
                name: "notice_entries");

            migrationBuilder.DropTable(
                name: "public_notices");
        }
    }
}
