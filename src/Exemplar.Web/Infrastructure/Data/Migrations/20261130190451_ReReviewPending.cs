using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReReviewPending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "re_review_application_id",
                table: "designations",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_designations_re_review_application_id",
                table: "designations",
                column: "re_review_application_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_designations_re_review_application_id",
                table: "designations");

            migrationBuilder.DropColumn(
                name: "re_review_application_id",
                table: "designations");
        }
    }
}
