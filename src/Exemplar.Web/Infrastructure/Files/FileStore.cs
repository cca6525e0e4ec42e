using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Infrastructure.Files;

/// <summary>Adds inspected uploads to the caller's unit of work and serves them back as downloads.</summary>
public sealed class FileStore(ExemplarDbContext db, TimeProvider clock, ILogger<FileStore> logger)
{
    /// <summary>Tracks the file and its bytes; they are written by the caller's SaveChanges, with the record that uses them.</summary>
    public StoredFile Add(InspectedFile file, byte[] content, string purpose, Guid? uploadedBy)
    {
        var stored = Track(file, purpose, uploadedBy);
        db.Add(new StoredFileContent { FileId = stored.Id, Content = content });
        return stored;
    }

    /// <summary>
    /// Tracks the file's record only, for a caller that writes the bytes with <see cref="Stage"/> — so the bytes can come
    /// from a pooled buffer and are never copied into the change tracker (which keeps a snapshot of every tracked array).
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

    /// <summary>
    /// Starts writing the bytes of a file tracked with <see cref="Track"/> on a connection of their own (see
    /// <see cref="StagedContent"/>): the caller saves the record in its transaction meanwhile and awaits the write before
    /// it commits.
    /// </summary>
    public StagedContent Stage(Guid fileId, ReadOnlyMemory<byte> content, CancellationToken ct) =>
        new(db.Database.GetConnectionString() ?? throw new InvalidOperationException("未配置数据库连接。"), fileId, content, logger, ct);

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
