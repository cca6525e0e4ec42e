using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Ledger;

/// <summary>What a carrier is, as the profile needs it.</summary>
public sealed record CarrierFacts(
    string Name, CarrierKind Kind, string JurisdictionCode, CarrierPrimaryType PrimaryType, int LeadingIndustryCount,
    decimal Area, decimal PublicServiceArea, DateOnly EstablishedOn);

public sealed record CarrierRecords(
    CarrierFacts Carrier,
    IReadOnlyCollection<ResidentFact> Residents,
    IReadOnlyCollection<StaffFact> Staff,
    IReadOnlyCollection<PartnerFact> Partners,
    IReadOnlyCollection<EntryFact> Entries,
    IReadOnlyCollection<SatisfactionAnswer> Satisfaction);

/// <summary>
/// Fills eligibility profile facts (keys of <see cref="FactCatalogue"/>) from a carrier's records for a year.
/// Every fact it produces carries source <see cref="LedgerSource"/>; a figure typed by hand replaces it with
/// source <see cref="HandEnteredSource"/>.
/// </summary>
public static class LedgerProfile
{
    public const string LedgerSource = "台账";
    public const string HandEnteredSource = "手工填报";

    public static IReadOnlyDictionary<string, Fact> Facts(CarrierRecords r, int year, QualificationRule rule)
    {
        var facts = new Dictionary<string, Fact>(StringComparer.Ordinal);
        void Put(string key, object value) => facts[key] = new Fact(value, LedgerSource);

        var c = r.Carrier;
        var yearEnd = new DateOnly(year, 12, 31);
        Put("operatingSince", c.EstablishedOn);
        Put("registrationDivisionCode", c.JurisdictionCode);
        Put("baseType", c.PrimaryType == CarrierPrimaryType.Manufacturing ? "manufacturing" : "producerServices");
        Put("leadingIndustryCount", (decimal)c.LeadingIndustryCount);
        Put("siteArea", c.Area);
        Put("buildingArea", c.Area);
        Put("publicServiceArea", c.PublicServiceArea);

        var snap = LedgerMetrics.Residents(r.Residents, yearEnd);
        Put("residentTotalCount", (decimal)snap.Total);
        Put("residentSmallMicroCount", (decimal)snap.SmallMicro);
        Put("leadingIndustryResidentCount", (decimal)snap.LeadingIndustry);
        Put("employeeCount", (decimal)snap.Employees);

        var staff = LedgerMetrics.Staff(r.Staff, rule);
        Put("serviceStaffCount", (decimal)staff.FullTime);
        Put("qualifiedStaffCount", (decimal)staff.Qualified);
        Put("mentorCount", (decimal)staff.Mentors);
        Put("partnerAgencyCount", (decimal)r.Partners.Count(p => p.ActiveOn(yearEnd)));

        var share = LedgerMetrics.FreeOrLowFeeShare(r.Entries, year);
        Put("freeOrLowFeeServiceVolume", (decimal)share.FreeOrLowFeeVisits);
        Put("totalServiceVolume", (decimal)share.TotalVisits);
        if (LedgerMetrics.Satisfaction(r.Satisfaction).Percent is { } pct) Put("satisfactionPercent", pct);
        Put("enterprisesServedAnnual", (decimal)LedgerMetrics.EnterprisesServed(r.Entries, year));

        var years = new[] { year - 1, year };
        Put("enterprisesServedSeries", years.Select(y => new YearValue(y, LedgerMetrics.EnterprisesServed(r.Entries, y))).ToList());
        var ends = years.Select(y => (Year: y, End: LedgerMetrics.YearEnd(r.Residents, y))).ToList();
        Put("residentSmallMicroSeries", ends.Select(x => new YearValue(x.Year, x.End.SmallMicro)).ToList());
        Put("employeeSeries", ends.Select(x => new YearValue(x.Year, x.End.Employees)).ToList());
        Put("innovationOutputSeries", ends.Select(x => new YearValue(x.Year, x.End.Innovation)).ToList());

        foreach (var v in LedgerMetrics.Volumes(r.Entries, year))
        {
            var id = ServiceFunctions.CatalogueId(v.Function);
            Put(FactCatalogue.FunctionKey(id, "enterpriseVisits"), (decimal)v.EnterpriseVisits);
            Put(FactCatalogue.FunctionKey(id, "enterprisesServed"), (decimal)v.EnterprisesServed);
            Put(FactCatalogue.FunctionKey(id, "events"), (decimal)v.Events);
            Put(FactCatalogue.FunctionKey(id, "personTimes"), (decimal)v.PersonTimes);
            Put(FactCatalogue.FunctionKey(id, "exhibitionEvents"), (decimal)v.ExhibitionEvents);
            Put(FactCatalogue.FunctionKey(id, "matchmakingEvents"), (decimal)v.MatchmakingEvents);
            Put(FactCatalogue.FunctionKey(id, "bankEnterpriseEvents"), (decimal)v.BankEnterpriseEvents);
            Put(FactCatalogue.FunctionKey(id, "financeLectureEvents"), (decimal)v.FinanceLectureEvents);
            Put(FactCatalogue.FunctionKey(id, "offered"), v.EnterpriseVisits > 0 || v.Events > 0);
        }
        return facts;
    }

    /// <summary>Applies figures typed by hand on top of the ledger facts, marking each <see cref="HandEnteredSource"/>.</summary>
    public static Profile Build(CarrierRecords r, int year, QualificationRule rule, DateOnly referenceDate, DateOnly? deadline,
        IReadOnlyDictionary<string, object>? handEntered = null)
    {
        var facts = new Dictionary<string, Fact>(Facts(r, year, rule), StringComparer.Ordinal);
        foreach (var (key, value) in handEntered ?? new Dictionary<string, object>())
        {
            if (!FactCatalogue.TryGet(key, out _)) throw new KeyNotFoundException($"未知事实项：{key}");
            facts[key] = new Fact(value, HandEnteredSource);
        }
        return new Profile(referenceDate, deadline, facts, r.Carrier.Name);
    }
}
