using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CallsAndApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "notice_id",
                table: "notifications",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "designations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    policy_version = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    announcement_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    announced_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    revoked_on = table.Column<DateOnly>(type: "date", nullable: true),
                    revocation_citation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    reapply_banned_until = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_designations", x => x.id);
                    table.ForeignKey(
                        name: "fk_designations_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    @ref = table.Column<string>(name: "ref", type: "character varying(120)", maxLength: 120, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_via = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "policy_snapshots",
                columns: table => new
                {
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    policy_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    version = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    json = table.Column<string>(type: "text", nullable: false),
                    pinned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_snapshots", x => x.hash);
                });

            migrationBuilder.CreateTable(
                name: "outbound_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    notice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbound_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbound_messages_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    programme_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    policy_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    policy_version = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    policy_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    opens_on = table.Column<DateOnly>(type: "date", nullable: false),
                    application_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    recommendation_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    reference_date = table.Column<DateOnly>(type: "date", nullable: false),
                    contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    receipt_prefix = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    receipts_issued = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    jurisdiction_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calls", x => x.id);
                    table.ForeignKey(
                        name: "fk_calls_policy_snapshots_policy_hash",
                        column: x => x.policy_hash,
                        principalTable: "policy_snapshots",
                        principalColumn: "hash",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jurisdiction_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    receipt_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    current_version = table.Column<int>(type: "integer", nullable: false),
                    submitted_verdict = table.Column<int>(type: "integer", nullable: true),
                    materials_complete = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_applications_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_applications_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_applications_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "call_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_attachments_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_call_attachments_stored_files_file_id",
                        column: x => x.file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "call_extensions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    previous_application_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    new_application_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    previous_recommendation_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    new_recommendation_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    extended_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    extended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_extensions", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_extensions_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "call_material_slots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    citation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    generated = table.Column<bool>(type: "boolean", nullable: false),
                    is_declaration = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_material_slots", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_material_slots_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_returns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_version = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    items_json = table.Column<string>(type: "jsonb", nullable: false),
                    correction_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    returned_by = table.Column<Guid>(type: "uuid", nullable: false),
                    returned_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    returned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resubmitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_returns", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_returns_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    profile_year = table.Column<int>(type: "integer", nullable: false),
                    details_json = table.Column<string>(type: "jsonb", nullable: false),
                    hand_entered_json = table.Column<string>(type: "jsonb", nullable: false),
                    narratives_json = table.Column<string>(type: "jsonb", nullable: false),
                    editable_items = table.Column<List<string>>(type: "text[]", nullable: true),
                    locked_json = table.Column<string>(type: "text", nullable: true),
                    locked_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    declaration_accepted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    declaration_accepted_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    declaration_accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    snapshot_json = table.Column<string>(type: "text", nullable: true),
                    package_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    warnings_json = table.Column<string>(type: "jsonb", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_versions_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_materials",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_materials", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_materials_application_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "application_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_application_materials_call_material_slots_slot_id",
                        column: x => x.slot_id,
                        principalTable: "call_material_slots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_application_materials_stored_files_file_id",
                        column: x => x.file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_notice_id",
                table: "notifications",
                column: "notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_materials_file_id",
                table: "application_materials",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_materials_slot_id",
                table: "application_materials",
                column: "slot_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_materials_version_id_slot_id",
                table: "application_materials",
                columns: new[] { "version_id", "slot_id" });

            migrationBuilder.CreateIndex(
                name: "ix_application_returns_application_id",
                table: "application_returns",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_versions_application_id_number",
                table: "application_versions",
                columns: new[] { "application_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applications_call_id_carrier_id",
                table: "applications",
                columns: new[] { "call_id", "carrier_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applications_call_id_status",
                table: "applications",
                columns: new[] { "call_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_carrier_id",
                table: "applications",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_organization_id",
                table: "applications",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_receipt_number",
                table: "applications",
                column: "receipt_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_attachments_call_id",
                table: "call_attachments",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_attachments_file_id",
                table: "call_attachments",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_extensions_call_id",
                table: "call_extensions",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_material_slots_call_id",
                table: "call_material_slots",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_calls_policy_hash",
                table: "calls",
                column: "policy_hash");

            migrationBuilder.CreateIndex(
                name: "ix_calls_programme_id_year",
                table: "calls",
                columns: new[] { "programme_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_status",
                table: "calls",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_designations_carrier_id_programme_id",
                table: "designations",
                columns: new[] { "carrier_id", "programme_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notices_ref",
                table: "notices",
                column: "ref");

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_notice_id",
                table: "outbound_messages",
                column: "notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_sent_at_next_attempt_at",
                table: "outbound_messages",
                columns: new[] { "sent_at", "next_attempt_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_notifications_notices_notice_id",
                table: "notifications",
                column: "notice_id",
                principalTable: "notices",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notifications_notices_notice_id",
                table: "notifications");

            migrationBuilder.DropTable(
                name: "application_materials");

            migrationBuilder.DropTable(
                name: "application_returns");

            migrationBuilder.DropTable(
                name: "call_attachments");

            migrationBuilder.DropTable(
                name: "call_extensions");

            migrationBuilder.DropTable(
                name: "designations");

            migrationBuilder.DropTable(
                name: "outbound_messages");

            migrationBuilder.DropTable(
                name: "application_versions");

            migrationBuilder.DropTable(
                name: "call_material_slots");

            migrationBuilder.DropTable(
                name: "notices");

            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "calls");

            migrationBuilder.DropTable(
                name: "policy_snapshots");

            migrationBuilder.DropIndex(
                name: "ix_notifications_notice_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "notice_id",
                table: "notifications");
        }
    }
}
