using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DemoDesignationsRemoved : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demo_designations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demo_designations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    announced_on = table.Column<DateOnly>(type: "date", nullable: false),
                    change_completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    jurisdiction_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demo_designations", x => x.id);
                    table.ForeignKey(
                        name: "fk_demo_designations_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_demo_designations_organization_id",
                table: "demo_designations",
                column: "organization_id");
        }
    }
}
