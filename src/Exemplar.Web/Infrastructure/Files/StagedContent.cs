using Npgsql;
using NpgsqlTypes;

namespace Exemplar.Web.Infrastructure.Files;

/// <summary>
/// A file's bytes written on a connection of their own and committed at once, while the caller's transaction saves the
/// record that takes them up — so a megabyte's write runs beside the caller's other work instead of inside it. Their
/// commit does not wait for the log's flush: the caller's own durable commit (or flush) comes later in the log, so it is
/// on disk only with the bytes, and whoever hears of the file hears of it after that — one flush to wait for, not two. The
/// caller awaits <see cref="Written"/> before it commits (its record's key to the bytes is checked at commit), calls
/// <see cref="Kept"/> once it has committed, and disposes this last: bytes not kept are deleted then unless a record
/// took them up after all; whatever a crash leaves is purged a day later. Until disposed, the write may still be reading
/// <c>content</c>, so the caller's buffer must outlive this.
/// </summary>
public sealed class StagedContent : IAsyncDisposable
{
    private readonly string connectionString;
    private readonly ILogger logger;
    private bool kept;

    internal StagedContent(string connectionString, Guid fileId, ReadOnlyMemory<byte> content, ILogger logger, CancellationToken ct)
    {
        this.connectionString = connectionString;
        this.logger = logger;
        FileId = fileId;
        Written = WriteAsync(content, ct);
    }

    public Guid FileId { get; }

    /// <summary>Completes when the bytes are committed (on disk with the caller's later durable commit or flush).</summary>
    public Task Written { get; }

    /// <summary>The caller's transaction, with the record that takes these bytes up, has committed.</summary>
    public void Kept() => kept = true;

    private async Task WriteAsync(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        // One implicit transaction: the setting holds for the insert's commit only.
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT set_config('synchronous_commit', 'off', true)"),
                new NpgsqlBatchCommand("INSERT INTO stored_file_contents (file_id, content) VALUES ($1, $2)")
                {
                    Parameters =
                    {
                        new NpgsqlParameter<Guid> { TypedValue = FileId },
                        new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = content },
                    },
                },
            },
        };
        try { await batch.ExecuteNonQueryAsync(ct); }
        catch (Exception) { Data.PreparedStatementRecovery.Recover(connection); throw; }
    }

    public async ValueTask DisposeAsync()
    {
        try { await Written; }
        catch (Exception) { return; /* nothing was written; the caller saw the failure where it awaited Written */ }
        if (kept) return;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(CancellationToken.None);
            await using var command = new NpgsqlCommand(
                "DELETE FROM stored_file_contents c WHERE c.file_id = $1 AND NOT EXISTS (SELECT 1 FROM stored_files f WHERE f.id = c.file_id)", connection);
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = FileId });
            try { await command.ExecuteNonQueryAsync(CancellationToken.None); }
            catch (Exception) { Data.PreparedStatementRecovery.Recover(connection); throw; }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(e, "未被采用的文件内容 {FileId} 未能立即删除，将由定期清理删除。", FileId);
        }
    }
}
