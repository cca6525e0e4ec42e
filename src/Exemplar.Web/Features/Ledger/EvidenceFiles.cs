using Exemplar.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Ledger;

/// <summary>Names of uploaded files as shown, and evidence served back (issue 8 item 11): one cleaner, one way out.</summary>
public static class EvidenceFiles
{
    /// <summary>The last path segment without control, bidi or reserved characters (<see cref="FileNames.Clean"/>), never empty.</summary>
    public static string SafeName(string? name) => FileNames.Clean(name) is { Length: > 0 } clean ? clean : "附件";

    /// <summary>
    /// Evidence as a download the browser does not render in place: attachment disposition, the type found at upload
    /// (anything else as octet-stream), and a name whose extension is that type's — also for files stored before names
    /// were normalised (a PDF saved as report.html downloads as report.pdf).
    /// </summary>
    public static IActionResult Download(string fileName, string contentType, byte[] content)
    {
        var kind = Enum.GetValues<UploadKind>().Where(k => UploadKinds.ContentType(k) == contentType).Cast<UploadKind?>().FirstOrDefault();
        return kind is { } k
            ? new FileContentResult(content, UploadKinds.ContentType(k)) { FileDownloadName = FileNames.Normalise(fileName, k) }
            : new FileContentResult(content, "application/octet-stream") { FileDownloadName = SafeName(fileName) };
    }
}
