using Exemplar.Web.Features.Carriers;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Confirmations;

/// <summary>
/// 入驻企业确认情况 of a base for a year: the confirmed share per function and every standing dispute with its reason.
/// The operator and the officers in scope read it (read-only: only the enterprises confirm).
/// </summary>
public sealed class IndexModel(ConfirmationQuery query) : CarrierPageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public IReadOnlyList<ConfirmationShare> Shares { get; private set; } = [];
    public IReadOnlyList<DisputeRow> Disputes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Year < 2000 || Year > Today.Year) return NotFound();
        Shares = [.. (await query.SharesAsync(Carrier.Id, Year, ct)).Where(s => s.Recorded > 0)];
        Disputes = await query.DisputesAsync(Carrier.Id, Year, ct);
        return Page();
    }
}
