using System.Globalization;
using System.Text.Json;
using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;
using Exemplar.Domain.Workflow;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>One fact of the application's profile as the applicant sees it: the ledger's figure, what was typed, which counts.</summary>
public sealed record ProfileFact(string Key, FactDefinition Definition, Fact? Ledger, HandEntry? Entered, Fact? Effective, string? LedgerLink)
{
    /// <summary>A typed value that replaces a ledger figure (needs its reason), as opposed to filling a gap.</summary>
    public bool Overrides => Ledger is not null && Entered is not null;
}

/// <summary>
/// The application's profile: every fact the programme's conditions read, filled from the carrier's ledger for the
/// profile year (source 台账, each figure linking to the entries behind it) with the applicant's typed figures on top
/// (source 手工填报 where they replace a ledger figure, 申报填报 where the ledger has none).
/// </summary>
public sealed class ApplicationProfile(LedgerMetricsQuery metrics, Infrastructure.Data.ExemplarDbContext db)
{
    public const string TypedSource = "申报填报";

    /// <param name="materials">The version's materials when the caller has loaded them already (read here otherwise).</param>
    /// <param name="prefetched">The carrier's records for the profile year, when the caller started reading them already.</param>
    public async Task<(Profile Profile, IReadOnlyList<ProfileFact> Facts, CarrierRecords Records)> BuildAsync(
        PolicyVersion policy, Call call, Carrier carrier, ApplicationVersion version, CancellationToken ct,
        IReadOnlyList<ApplicationMaterial>? materials = null, Task<CarrierRecords>? prefetched = null)
    {
        var records = await (prefetched ?? metrics.RecordsAsync(carrier, version.ProfileYear, ct));
        var ledger = LedgerProfile.Facts(records, version.ProfileYear);
        var entered = HandEntries.Read(version.HandEnteredJson);
        var files = (materials ?? await db.Set<ApplicationMaterial>().AsNoTracking().Where(m => m.VersionId == version.Id).OrderBy(m => m.UploadedAt).ToListAsync(ct))
            .ToLookup(m => "slot:" + m.SlotId, m => m.FileName);
        var keys = PolicyFacts.Of(policy);
        var facts = new Dictionary<string, Fact>(StringComparer.Ordinal);
        var views = new List<ProfileFact>();
        foreach (var key in keys)
        {
            if (!FactCatalogue.TryGet(key, out var def)) continue;
            var fromLedger = ledger.GetValueOrDefault(key);
            var typed = entered.GetValueOrDefault(key);
            Fact? effective = fromLedger;
            if (typed is not null && ProfileJson.ParseFact(key, typed.Value, key) is { } parsed)
            {
                // An attestation's evidence is a material slot: the files in it now are the evidence.
                if (parsed.Value is Attestation a)
                    parsed = parsed with { Value = a with { Evidence = [.. a.Evidence.SelectMany(e => files[e])] } };
                effective = parsed with { Source = fromLedger is null ? TypedSource : LedgerProfile.HandEnteredSource };
            }
            if (effective is not null) facts[key] = effective;
            views.Add(new ProfileFact(key, def, fromLedger, typed, effective, fromLedger is null ? null : LinkFor(carrier.Id, version.ProfileYear, key)));
        }
        var profile = new Profile(call.ReferenceDate, call.ApplicationDeadline, facts, carrier.Name);
        return (profile, views, records);
    }

    /// <summary>The page listing the ledger entries or records behind a ledger figure.</summary>
    public static string? LinkFor(Guid carrierId, int year, string key)
    {
        var parts = key.Split('.');
        if (parts is ["functions", var function, var measure] && ServiceFunctions.TryParse(function, out var f))
        {
            var m = measure switch
            {
                "enterpriseVisits" => "EnterpriseVisits", "enterprisesServed" => "EnterprisesServed",
                "personTimes" => "PersonTimes", "offered" => null, _ => "Events",
            };
            return m is null ? $"/Base/{carrierId}/Metrics/{year}" : $"/Base/{carrierId}/Metrics/{year}/Entries?Function={f}&Measure={m}";
        }
        return key switch
        {
            "residentSmallMicroCount" or "residentSmallMicroByRegistration" or "residentTotalCount" or "leadingIndustryResidentCount"
                or "topTwoLeadingIndustryResidentCount" or "smallMicroEmployeeCount"
                or "residentSmallMicroSeries" or "employeeSeries" or "innovationOutputSeries" => $"/Base/{carrierId}/Enterprises",
            "fullTimeServiceStaffCount" or "fullTimeStaffBachelorOrIntermediateCount" or "serviceStaffTotalCount"
                or "serviceStaffBachelorOrIntermediateCount" or "serviceStaffJuniorCollegeOrIntermediateCount" or "mentorCount" => $"/Base/{carrierId}/Staff",
            "partnerAgencyCount" => $"/Base/{carrierId}/Partners",
            "residentSmallMicroSatisfactionPercent" or "userSatisfactionPercent" => $"/Base/{carrierId}/Surveys?Year={year}",
            "freeOrLowFeeServiceVolume" or "freeOrLowFeeVolumeToSmallMicro" or "freeOrLowFeeVolumeToResidentSmallMicro" or "totalServiceVolume"
                or "enterprisesServedAnnual" or "enterprisesServedSeries" => $"/Base/{carrierId}/Metrics/{year}",
            "carrierType" or "locationDivisionCode" or "baseFoundedOn" or "operatorSince" or "operatorFoundedOn" => $"/Base/{carrierId}",
            _ => $"/Base/{carrierId}",
        };
    }

    /// <summary>The value shown for a fact (numbers without trailing zeros, dates as 2026年3月31日, series year by year).</summary>
    public static string Show(Fact? fact, FactDefinition def) => fact?.Value switch
    {
        null => "—",
        decimal n => n.ToString("0.##", CultureInfo.InvariantCulture) + (def.Unit is { } u && u != "%" ? " " + u : def.Unit ?? ""),
        DateOnly d => $"{d.Year}年{d.Month}月{d.Day}日",
        bool b => b ? "是" : "否",
        string s when def.Key == "carrierType" => CarrierTypes.LabelOf(s),
        string s => def.OptionLabel(s) ?? s,
        IReadOnlyList<DivisionCount> counts => string.Join("；", counts.Select(c => $"注册地 {c.Division}：{c.Count:0} 家")),
        IReadOnlyList<YearValue> series => string.Join("；", series.Select(v => $"{v.Year}年 {v.Value:0.##}")),
        IReadOnlyList<Penalty> p => p.Count == 0 ? "无" : string.Join("；", p.Select(x => $"{x.Date:yyyy-MM-dd} {EligibilityEvaluator.PenaltyKindLabel(x.Kind)}")),
        Attestation a => (a.Value ? "已承诺" : "未承诺") + (a.Evidence.Count > 0 ? $"（佐证：{string.Join("、", a.Evidence)}）" : ""),
        var other => other.ToString() ?? "",
    };

    public static JsonElement Element(object value) => JsonSerializer.SerializeToElement(value, ApplicationJson.Options);
}
