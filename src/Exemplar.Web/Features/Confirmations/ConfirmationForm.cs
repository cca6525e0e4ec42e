using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Confirmations;

/// <summary>One ledger entry that counts the enterprise, with the enterprise's word on it so far (null: not yet given).</summary>
public sealed record RecordedService(Guid EntryId, ServiceFunction Function, DateOnly Date, ServiceForm Form, string Place, int PersonCount,
    ConfirmationStatus? Status, string? Reason);

/// <summary>What the enterprise sees behind its link: the base, itself, the year and every entry of that year that counts it.</summary>
public sealed record ConfirmationForm(SurveyInvitation Invitation, string CarrierName, string EnterpriseName, IReadOnlyList<RecordedService> Services);

public static class ConfirmationForms
{
    /// <summary>
    /// Why the link cannot be used to confirm services (null when it can). Unlike the one-time questionnaire, an answered
    /// link still opens the confirmation page: the enterprise may confirm after answering and change its word until the link expires.
    /// </summary>
    public static LinkRefusal? Refusal(SurveyInvitation? invitation, DateTimeOffset now) =>
        invitation is null ? LinkRefusal.Unknown
        : invitation.RevokedAt is not null ? LinkRefusal.Revoked
        : invitation.ExpiresAt <= now ? LinkRefusal.Expired
        : null;

    /// <summary>The year's entries of the link's carrier whose participants include the link's enterprise — and no others.</summary>
    public static IQueryable<LedgerEntry> EntriesOf(ExemplarDbContext db, SurveyInvitation i)
    {
        var (from, to) = (new DateOnly(i.Year, 1, 1), new DateOnly(i.Year, 12, 31));
        return db.Set<LedgerEntry>().Where(e => e.CarrierId == i.CarrierId && e.Date >= from && e.Date <= to && e.ResidentIds.Contains(i.EnterpriseId));
    }

    public static async Task<ConfirmationForm> LoadAsync(ExemplarDbContext db, SurveyInvitation i, CancellationToken ct)
    {
        var survey = await SurveyForms.LoadAsync(db, i, ct);
        var entries = await EntriesOf(db, i).AsNoTracking().OrderBy(e => e.Date).ThenBy(e => e.Function)
            .Select(e => new { e.Id, e.Function, e.Date, e.Form, e.Place, e.PersonCount }).ToListAsync(ct);
        var ids = entries.Select(e => e.Id).ToList();
        var given = await db.Set<ServiceConfirmation>().AsNoTracking()
            .Where(c => c.EnterpriseId == i.EnterpriseId && ids.Contains(c.EntryId)).ToDictionaryAsync(c => c.EntryId, ct);
        return new ConfirmationForm(i, survey.CarrierName, survey.EnterpriseName, [.. entries.Select(e =>
        {
            var c = given.GetValueOrDefault(e.Id);
            return new RecordedService(e.Id, e.Function, e.Date, e.Form, e.Place, e.PersonCount, c?.Status, c?.Reason);
        })]);
    }
}
