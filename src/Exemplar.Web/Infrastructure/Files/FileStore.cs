using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Infrastructure.Files;

/// <summary>Adds inspected uploads to the caller's unit of work and serves them back as downloads.</summary>
public sealed class FileStore(ExemplarDbContext db, TimeProvider clock)
{
    /// <summary>Tracks the file and its bytes; they are written by the caller's SaveChanges, with the record that uses them.</summary>
    public StoredFile Add(InspectedFile file, byte[] content, string purpose, Guid? uploadedBy)
    {
        var stored = new StoredFile
        {
            FileName = file.Name, Kind = file.Kind, Size = file.Size, Sha256 = file.Sha256, Purpose = purpose,
            UploadedBy = uploadedBy, UploadedAt = clock.GetUtcNow(),
        };
        db.Add(stored);
        db.Add(new StoredFileContent { FileId = stored.Id, Content = content });
        return stored;
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
