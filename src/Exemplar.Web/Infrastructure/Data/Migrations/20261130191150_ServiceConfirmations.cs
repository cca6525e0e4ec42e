using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceConfirmations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "service_confirmations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_confirmations", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_confirmations_carriers_carrier_id",
                        column: x => x.carrier_id,
                        principalTable: "carriers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_service_confirmations_ledger_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "ledger_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_service_confirmations_resident_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "resident_enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_service_confirmations_survey_invitations_invitation_id",
                        column: x => x.invitation_id,
                        principalTable: "survey_invitations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_service_confirmations_carrier_id",
                table: "service_confirmations",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_confirmations_enterprise_id",
                table: "service_confirmations",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_confirmations_entry_id_enterprise_id",
                table: "service_confirmations",
                columns: new[] { "entry_id", "enterprise_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_confirmations_invitation_id",
                table: "service_confirmations",
                column: "invitation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_confirmations");
        }
    }
}
