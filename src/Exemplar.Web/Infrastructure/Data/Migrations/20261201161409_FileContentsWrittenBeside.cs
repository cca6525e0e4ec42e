using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplar.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// A file's bytes may be written before its record, on a connection of their own, so that a submission's last
    /// material is stored beside the submission's transaction instead of inside it. The key turns round: the bytes no
    /// longer need their record (bytes whose record never committed are purged a day later, by <c>written_at</c>), and a
    /// record needs its bytes, checked at commit (deferred, so a record and its bytes saved together may come in either
    /// order).
    /// </summary>
    public partial class FileContentsWrittenBeside : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_stored_file_contents_stored_files_file_id",
                table: "stored_file_contents");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "written_at",
                table: "stored_file_contents",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.Sql("""
                ALTER TABLE stored_files ADD CONSTRAINT fk_stored_files_stored_file_contents_id
                    FOREIGN KEY (id) REFERENCES stored_file_contents (file_id) DEFERRABLE INITIALLY DEFERRED;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE stored_files DROP CONSTRAINT fk_stored_files_stored_file_contents_id;
                """);

            migrationBuilder.DropColumn(
                name: "written_at",
                table: "stored_file_contents");

            migrationBuilder.AddForeignKey(
                name: "fk_stored_file_contents_stored_files_file_id",
                table: "stored_file_contents",
                column: "file_id",
                principalTable: "stored_files",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
