using Exemplar.Domain.Calendar;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calendar.Obligations;

/// <summary>
/// Derives every obligation the system knows of on a date, with its audience:
/// programme level (the text's own expiry for the designating authority; the local authorities' annual
/// reports for each local officer's jurisdiction in the programme's region) and per designation (annual
/// summary, change filing, re-review, validity expiry), from the designations on record and their later changes;
/// a revoked designation has none from its revocation on.
/// </summary>
public sealed class ObligationCatalog(
    ExemplarDbContext db, ProgrammePolicies policies, JurisdictionTreeCache trees, CalendarService calendars, TimeProvider clock,
    IEnumerable<IObligationFilings> filings)
{
    /// <summary>Overdue items older than this are no longer shown.</summary>
    public const int OverdueWindowDays = 90;
    public const int UpcomingHorizonDays = 180;

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<IReadOnlyList<AddressedObligation>> DeriveAsync(DateOnly today, CancellationToken ct) =>
        Derive(await InputsAsync(ct), await calendars.GetAsync(ct), await calendars.SettingsAsync(ct), today);

    /// <summary>What the derivation reads from the database, so before/after comparisons can reuse it.</summary>
    /// <param name="Filed">Obligation key → the day it was filed (from every <see cref="IObligationFilings"/>).</param>
    public sealed record Inputs(JurisdictionTree Tree, IReadOnlyList<string> LocalOfficerJurisdictions, IReadOnlyList<DesignatedBase> Designations,
        IReadOnlyDictionary<string, DateOnly>? Filed = null);

    /// <summary>A designation as obligations need it: the operating organisation, the carrier's place and the changes completed.</summary>
    public sealed record DesignatedBase(Guid Id, string ProgrammeId, DateOnly AnnouncedOn, DateOnly? RevokedOn, Guid OrganizationId, string OrgName,
        string JurisdictionCode, IReadOnlyList<DateOnly> ChangesCompletedOn);

    public async Task<Inputs> InputsAsync(CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        var local = RoleNames.LocalOfficers.ToList();
        var jurisdictions = await db.Set<UserAccount>().AsNoTracking()
            .Where(u => u.IsActive && local.Contains(u.Role) && u.JurisdictionCode != null)
            .Select(u => u.JurisdictionCode!).Distinct().OrderBy(c => c).ToListAsync(ct);
        var designations = await (from d in db.Set<Designation>().AsNoTracking()
                                  join c in db.Set<Carrier>().AsNoTracking() on d.CarrierId equals c.Id
                                  join o in db.Set<Organization>().AsNoTracking() on c.OrganizationId equals o.Id
                                  orderby o.Name, c.Name
                                  select new { d.Id, d.ProgrammeId, d.AnnouncedOn, d.RevokedOn, OrganizationId = o.Id, o.Name, c.JurisdictionCode }).ToListAsync(ct);
        var ids = designations.Select(d => d.Id).ToList();
        var changes = (await db.Set<DesignationChange>().AsNoTracking().Where(c => ids.Contains(c.DesignationId)).ToListAsync(ct))
            .ToLookup(c => c.DesignationId, c => c.CompletedOn);
        var filed = new Dictionary<string, DateOnly>();
        foreach (var source in filings)
            foreach (var (key, on) in await source.FiledAsync(ct)) filed[key] = on;
        return new Inputs(tree, jurisdictions, [.. designations.Select(x => new DesignatedBase(x.Id, x.ProgrammeId, x.AnnouncedOn, x.RevokedOn,
            x.OrganizationId, x.Name, x.JurisdictionCode, [.. changes[x.Id].Order()]))], filed);
    }

    public IReadOnlyList<AddressedObligation> Derive(Inputs inputs, HolidayCalendar calendar, CalendarSettings settings, DateOnly today)
    {
        var result = new List<AddressedObligation>();
        var years = new YearRange(today.Year - 1, today.Year);
        foreach (var policy in policies.Governing(today))
        {
            var region = ProgrammePolicies.RegionOf(policy, inputs.Tree);
            if (region is null) continue;
            var rules = PolicyObligationRules.For(policy, settings.PolicyLapseLeadDays);

            if (rules.PolicyExpiry is not null)
            {
                var expiryOnly = new ObligationRules(rules.ProgrammeKey, PolicyExpiry: rules.PolicyExpiry);
                foreach (var o in ObligationDeriver.Derive(expiryOnly, new ObligationFacts("programme"), calendar))
                    result.Add(new(o with { Title = $"《{policy.Title}》有效期至{ChinaTime.Format(o.DueDate)}，届满后在新版本录入前不再受理新的申报批次" },
                        policy.Id, new ObligationAudience(ObligationParty.DesignatingAuthority, region)));
            }

            if (rules.AnnualReport is not null)
            {
                var reportOnly = new ObligationRules(rules.ProgrammeKey, AnnualReport: rules.AnnualReport);
                var regionCodes = inputs.Tree.SubtreeCodes(region).ToHashSet();
                foreach (var code in inputs.LocalOfficerJurisdictions.Where(regionCodes.Contains))
                {
                    var facts = new ObligationFacts(code, inputs.Tree.Find(code)?.Name, ReportingYears: years);
                    foreach (var o in ObligationDeriver.Derive(reportOnly, facts, calendar))
                        result.Add(new(o, policy.Id, new ObligationAudience(ObligationParty.LocalAuthority, code)));
                }
            }

            var perBase = rules with { AnnualReport = null, PolicyExpiry = null, PublicNotice = null };
            foreach (var d in inputs.Designations.Where(x => x.ProgrammeId == policy.Id && (x.RevokedOn is null || x.RevokedOn > today)))
            {
                var facts = new ObligationFacts($"designation-{d.Id:N}", d.OrgName, d.AnnouncedOn,
                    ChangesCompletedOn: d.ChangesCompletedOn.Count > 0 ? d.ChangesCompletedOn : null, ReportingYears: years);
                foreach (var o in ObligationDeriver.Derive(perBase, facts, calendar))
                {
                    var audience = o.Party == ObligationParty.Base
                        ? new ObligationAudience(ObligationParty.Base, d.JurisdictionCode, d.OrganizationId)
                        : new ObligationAudience(o.Party, d.JurisdictionCode);
                    result.Add(new(o, policy.Id, audience));
                }
            }
        }
        return inputs.Filed is { Count: > 0 } filed
            ? [.. result.Select(a => filed.TryGetValue(a.Obligation.Key, out var on) ? a with { FiledOn = on } : a)]
            : result;
    }

    /// <summary>Texts about to lapse (within the administrator's lead time) or lapsed without a successor.</summary>
    public IReadOnlyList<PolicyLapseNotice> LapseNotices(JurisdictionTree tree, CalendarSettings settings, DateOnly today)
    {
        var result = new List<PolicyLapseNotice>();
        foreach (var group in policies.All.GroupBy(p => p.Id))
        {
            foreach (var p in group.Where(p => p.EffectiveFrom is not null && p.EffectiveTo is not null))
            {
                var region = ProgrammePolicies.RegionOf(p, tree);
                if (region is null) continue;
                var window = new PolicyWindow(p.EffectiveFrom!.Value, p.EffectiveTo);
                var cite = PolicyObligationRules.Cite(p, p.EffectiveNote?.Split('：')[0]);
                if (window.IsAboutToLapse(today, settings.PolicyLapseLeadDays))
                {
                    var days = p.EffectiveTo!.Value.DayNumber - today.DayNumber;
                    result.Add(new(p.Id, region, $"《{p.Title}》将于{ChinaTime.Format(p.EffectiveTo.Value)}失效（还有{days}天）。届满后在新版本录入前不再受理新的申报批次。", false, cite));
                }
                else if (window.HasLapsedBy(today))
                {
                    var gate = ProgrammeCallGate.Decide([.. group], today);
                    if (!gate.AcceptsNewCall) result.Add(new(p.Id, region, gate.Reason, true, cite));
                }
            }
        }
        return result;
    }
}
