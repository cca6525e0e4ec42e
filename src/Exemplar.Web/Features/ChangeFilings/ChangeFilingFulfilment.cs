using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.ChangeFilings;

/// <summary>A change filed for an event day fulfils the ChangeFiling obligation of that day (unless it was returned).</summary>
public sealed class ChangeFilingFulfilment(ExemplarDbContext db) : IObligationFulfilment
{
    public async Task<IReadOnlyList<FulfilledObligation>> FulfilledAsync(CancellationToken ct) =>
        [.. (await db.Set<ChangeFiling>().AsNoTracking().Where(f => f.Stage != ChangeFilingStage.Returned)
                .Select(f => new { f.DesignationId, f.EventOn }).Distinct().ToListAsync(ct))
            .Select(f => new FulfilledObligation($"designation-{f.DesignationId:N}", ObligationKind.ChangeFiling,
                f.EventOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))];
}
