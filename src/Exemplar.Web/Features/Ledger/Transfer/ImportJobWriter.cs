using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Npgsql;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// Writes an <see cref="ImportJob"/>'s progress and outcome with plain SQL. Progress goes over its own
/// connection outside the import's transaction (so the progress page sees it while the import is still
/// uncommitted); the final "succeeded" write goes inside the import's transaction (so it commits with the rows).
/// </summary>
public static class ImportJobWriter
{
    public static async Task ProgressAsync(NpgsqlConnection conn, Guid id, long rows, long bytes, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "UPDATE import_jobs SET processed_rows = $1, processed_bytes = $2, updated_at = $3 WHERE id = $4", conn);
        cmd.Parameters.Add(new() { Value = rows });
        cmd.Parameters.Add(new() { Value = bytes });
        cmd.Parameters.Add(new() { Value = now });
        cmd.Parameters.Add(new() { Value = id });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task FinishAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, ImportJob job, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            UPDATE import_jobs SET status = $1, processed_rows = $2, imported_rows = $3, total_rows = $4, processed_bytes = $5,
                error_count = $6, warning_count = $7, notice_count = $8, sha256 = $9, encoding = $10, errors = $11,
                finished_at = $12, updated_at = $12
            WHERE id = $13
            """, conn, tx);
        object Db(object? v) => v ?? DBNull.Value;
        foreach (var v in new object[] { job.Status, job.ProcessedRows, job.ImportedRows, Db(job.TotalRows), job.ProcessedBytes, job.ErrorCount, job.WarningCount,
                     job.NoticeCount, Db(job.Sha256), Db(job.Encoding), Db(job.Errors), Db(job.FinishedAt), job.Id })
            cmd.Parameters.Add(new() { Value = v });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
