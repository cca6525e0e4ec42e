using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>
/// Templates and the upload form. The upload is read as a stream straight from the request body: the form
/// puts the antiforgery token, the kind and the job id before the file, so they are checked before a byte of
/// the file is read, and the file is never buffered (the usual form binding would first spool it whole).
/// </summary>
[IgnoreAntiforgeryToken] // checked by hand in OnPostAsync, from the field that precedes the file
public sealed class ImportModel(ExemplarDbContext db, ImportHandler handler, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions,
    IOptions<LedgerOptions> options, TimeProvider clock) : CarrierPageModel
{
    public DateTimeOffset Now => clock.GetUtcNow();
    public Guid NewJobId { get; } = Guid.CreateVersion7();
    public IReadOnlyList<ImportJob> Recent { get; private set; } = [];
    public long MaxBytes => options.Value.MaxImportBytes;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.CanWrite) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>
    /// Takes no parameters on purpose: binding any handler argument (even a CancellationToken) makes MVC build
    /// its value providers, and the form one reads — and buffers — the whole multipart body.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!Access.CanWrite) return Forbid();
        var limit = options.Value.MaxImportBytes + ImportHandler.EnvelopeBytes;
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (!MediaTypeHeaderValue.TryParse(Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return BadRequest();

        var reader = new MultipartReader(boundary, Request.Body) { HeadersLengthLimit = 16 * 1024 };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
        {
            var disposition = section.GetContentDispositionHeader();
            if (disposition is null) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (!disposition.IsFileDisposition())
            {
                if (fields.Count < 10) fields[name] = await ReadSmallAsync(section.Body, ct);
                continue;
            }
            // The file: everything needed must have come before it.
            if (!await AntiforgeryValidAsync(fields)) return BadRequest();
            var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            if (string.IsNullOrEmpty(fileName))
            {
                ModelState.AddModelError("File", "请选择要上传的 CSV 或 XLSX 文件。");
                await LoadAsync(ct);
                return Page();
            }
            var kind = fields.GetValueOrDefault("Kind");
            if (ImportLayout.For(kind) is null) return BadRequest();
            var jobId = Guid.TryParse(fields.GetValueOrDefault("JobId"), out var g) && g != Guid.Empty ? g : Guid.CreateVersion7();
            var job = await handler.HandleAsync(new ImportCommand(Carrier.Id, jobId, kind!, fileName, Request.ContentLength, section.Body), ct);
            return Redirect($"{BaseUrl}/Import/{job.Id}");
        }
        if (!await AntiforgeryValidAsync(fields)) return BadRequest();
        ModelState.AddModelError("File", "请选择要上传的 CSV 或 XLSX 文件。");
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> AntiforgeryValidAsync(Dictionary<string, string> fields)
    {
        var o = antiforgeryOptions.Value;
        if (o.HeaderName is null || !fields.TryGetValue(o.FormFieldName, out var token)) return false;
        // With the token in the header the validator reads no form (which would buffer the whole upload).
        Request.Headers[o.HeaderName] = token;
        return await antiforgery.IsRequestValidAsync(HttpContext);
    }

    private static async Task<string> ReadSmallAsync(Stream body, CancellationToken ct)
    {
        var buffer = new char[1024];
        using var r = new StreamReader(body);
        var n = await r.ReadBlockAsync(buffer, ct);
        return new string(buffer, 0, n);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Recent = await db.Set<ImportJob>().AsNoTracking().Where(j => j.CarrierId == Carrier.Id).OrderByDescending(j => j.StartedAt).Take(10).ToListAsync(ct);
}
