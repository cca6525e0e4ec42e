using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>One import: progress while it runs (the page polls <c>?handler=Status</c>), then the outcome and the row-level report.</summary>
[CarrierScope(WritersOnly = true)]
public sealed class ImportJobModel(ExemplarDbContext db, TimeProvider clock) : CarrierPageModel
{
    [BindProperty(SupportsGet = true)] public Guid JobId { get; set; }
    public ImportJob Job { get; private set; } = null!;
    public ImportReport Report { get; private set; } = null!;
    public string Status { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.CanWrite) return Forbid();
        if (await LoadAsync(ct) is null) return NotFound();
        Report = ImportReport.Read(Job.Errors);
        return Page();
    }

    /// <summary>Nothing to post here: back to the page.</summary>
    public IActionResult OnPost() => Redirect($"{BaseUrl}/Import/{JobId}");

    /// <summary>Progress as JSON for import-progress.js. Before the upload has reached the server the job does not exist yet: "waiting".</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken ct)
    {
        if (!Access.CanWrite) return Forbid();
        if (await LoadAsync(ct) is null)
            return new JsonResult(new { status = "Waiting", label = "正在上传文件…", finished = false, percent = (int?)null, processedRows = 0L });
        return new JsonResult(new
        {
            status = Status, label = ImportStatus.Label(Status), finished = Status != ImportStatus.Running, percent = Percent(Job),
            processedRows = Job.ProcessedRows, totalRows = Job.TotalRows, importedRows = Job.ImportedRows, errors = Job.ErrorCount,
        });
    }

    private async Task<ImportJob?> LoadAsync(CancellationToken ct)
    {
        var job = await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == JobId && j.CarrierId == Carrier.Id, ct);
        if (job is null) return null;
        Job = job;
        Status = EffectiveStatus(job, clock.GetUtcNow());
        return job;
    }

    /// <summary>A running job whose progress stopped for minutes was interrupted (the process died); its transaction rolled back.</summary>
    public static string EffectiveStatus(ImportJob job, DateTimeOffset now) =>
        job.Status == ImportStatus.Running && now - job.UpdatedAt > ImportStatus.StaleAfter ? ImportStatus.Cancelled : job.Status;

    /// <summary>Percent done: rows when the total is known, else bytes read of the upload's size.</summary>
    public static int? Percent(ImportJob job)
    {
        if (job.Status != ImportStatus.Running) return 100;
        if (job.TotalBytes is > 0 and var total) return (int)Math.Min(99, job.ProcessedBytes * 100 / total);
        return null;
    }

    public string ListUrl => Job.Kind == ImportLayout.Ledger.Kind ? $"{BaseUrl}/Ledger" : $"{BaseUrl}/Enterprises";

    public static string SeverityClass(ImportSeverity s) => s switch
    {
        ImportSeverity.Error => "status-notmet",
        ImportSeverity.Warning => "status-pending",
        _ => "status-missing",
    };
}
