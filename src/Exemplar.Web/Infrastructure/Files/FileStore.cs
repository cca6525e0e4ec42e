using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Exemplar.Web.Infrastructure.Files;

/// <summary>Adds inspected uploads to the caller's unit of work and serves them back as downloads.</summary>
public sealed class FileStore(ExemplarDbContext db, TimeProvider clock)
{
    /// <summary>Tracks the file and its bytes; they are written by the caller's SaveChanges, with the record that uses them.</summary>
    public StoredFile Add(InspectedFile file, byte[] content, string purpose, Guid? uploadedBy)
    {
        var stored = Track(file, purpose, uploadedBy);
        db.Add(new StoredFileContent { FileId = stored.Id, Content = content });
        return stored;
    }

    /// <summary>
    /// Tracks the file's record only, for a caller that writes the bytes with <see cref="WriteContentAsync"/> in its own
    /// transaction after saving the record — so the bytes can come from a pooled buffer and are never copied into the
    /// change tracker (which keeps a snapshot of every tracked array).
    /// </summary>
    public StoredFile Track(InspectedFile file, string purpose, Guid? uploadedBy)
    {
        var stored = new StoredFile
        {
            FileName = file.Name, Kind = file.Kind, Size = file.Size, Sha256 = file.Sha256, Purpose = purpose,
            UploadedBy = uploadedBy, UploadedAt = clock.GetUtcNow(),
        };
        db.Add(stored);
        return stored;
    }

    /// <summary>Writes the bytes of a file saved through <see cref="Track"/>, inside the caller's open transaction.</summary>
    public async Task WriteContentAsync(Guid fileId, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("文件内容须在保存其记录的事务中写入。");
        await using var command = new NpgsqlCommand("INSERT INTO stored_file_contents (file_id, content) VALUES ($1, $2)", tx.Connection, tx);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = fileId });
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = content });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<byte[]?> ContentAsync(Guid fileId, CancellationToken ct) =>
        await db.Set<StoredFileContent>().AsNoTracking().Where(c => c.FileId == fileId).Select(c => c.Content).FirstOrDefaultAsync(ct);

    /// <summary>
    /// A download that no browser renders in place: attachment disposition, the type found at upload (with nosniff set
    /// for every response), so an uploaded file can never run as a page of the product.
    /// </summary>
    public async Task<IActionResult> DownloadAsync(StoredFile file, CancellationToken ct)
    {
        var content = await ContentAsync(file.Id, ct);
        if (content is null) return new NotFoundResult();
        return new FileContentResult(content, file.ContentType) { FileDownloadName = file.FileName };
    }
}
