using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CertificateReissue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_certificates_designation_id",
                table: "certificates");

            migrationBuilder.AddColumn<Guid>(
                name: "change_filing_id",
                table: "certificates",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reissue_kind",
                table: "certificates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reissue_reason",
                table: "certificates",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "replaces_id",
                table: "certificates",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "superseded_by_id",
                table: "certificates",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "superseded_on",
                table: "certificates",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "certificates",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_change_filing_id",
                table: "certificates",
                column: "change_filing_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_designation_id",
                table: "certificates",
                column: "designation_id",
                unique: true,
                filter: "superseded_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_replaces_id",
                table: "certificates",
                column: "replaces_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_superseded_by_id",
                table: "certificates",
                column: "superseded_by_id");

            migrationBuilder.AddForeignKey(
                name: "fk_certificates_certificates_replaces_id",
                table: "certificates",
                column: "replaces_id",
                principalTable: "certificates",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_certificates_certificates_superseded_by_id",
                table: "certificates",
                column: "superseded_by_id",
                principalTable: "certificates",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_certificates_change_filings_change_filing_id",
                table: "certificates",
                column: "change_filing_id",
                principalTable: "change_filings",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_certificates_certificates_replaces_id",
                table: "certificates");

            migrationBuilder.DropForeignKey(
                name: "fk_certificates_certificates_superseded_by_id",
                table: "certificates");

            migrationBuilder.DropForeignKey(
                name: "fk_certificates_change_filings_change_filing_id",
                table: "certificates");

            migrationBuilder.DropIndex(
                name: "ix_certificates_change_filing_id",
                table: "certificates");

            migrationBuilder.DropIndex(
                name: "ix_certificates_designation_id",
                table: "certificates");

            migrationBuilder.DropIndex(
                name: "ix_certificates_replaces_id",
                table: "certificates");

            migrationBuilder.DropIndex(
                name: "ix_certificates_superseded_by_id",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "change_filing_id",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "reissue_kind",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "reissue_reason",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "replaces_id",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "superseded_by_id",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "superseded_on",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "certificates");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_designation_id",
                table: "certificates",
                column: "designation_id",
                unique: true);
        }
    }
}
