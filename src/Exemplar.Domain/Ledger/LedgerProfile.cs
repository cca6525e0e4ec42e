using Exemplar.Domain.Organizations;
using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Ledger;

/// <summary>
/// What a carrier is, as the profile needs it. <see cref="EstablishedOn"/> is the base's own founding date;
/// <see cref="OperatorSince"/> the day the current operator took it over; <see cref="OperatorFoundedOn"/> the
/// operating unit's founding date (its licence); <see cref="OperatorUscc"/> the operating unit's 统一社会信用代码,
/// whose characters 3–8 are the division code of the authority it is registered with.
/// </summary>
public sealed record CarrierFacts(
    string Name, CarrierKind Kind, string JurisdictionCode, CarrierPrimaryType PrimaryType, int LeadingIndustryCount,
    decimal Area, decimal PublicServiceArea, DateOnly EstablishedOn,
    string? CarrierType = null, DateOnly? OperatorSince = null, DateOnly? OperatorFoundedOn = null, string? OperatorUscc = null);

public sealed record CarrierRecords(
    CarrierFacts Carrier,
    IReadOnlyCollection<ResidentFact> Residents,
    IReadOnlyCollection<StaffFact> Staff,
    IReadOnlyCollection<PartnerFact> Partners,
    IReadOnlyCollection<EntryFact> Entries,
    IReadOnlyCollection<SatisfactionAnswer> Satisfaction);

/// <summary>
/// Fills eligibility profile facts (keys of <see cref="FactCatalogue"/>) from a carrier's records for a year, each
/// counted as its article counts (policies/README.md, “事实项”). Every fact it produces carries source
/// <see cref="LedgerSource"/>; a figure typed by hand replaces it with source <see cref="HandEnteredSource"/>.
/// Facts the records cannot give (an operator start date nobody entered) are left out: missing, never zero.
/// </summary>
public static class LedgerProfile
{
    public const string LedgerSource = "台账";
    public const string HandEnteredSource = "手工填报";

    private static readonly QualificationRule Bachelor = new(Education.Bachelor, TitleLevel.Intermediate);
    private static readonly QualificationRule JuniorCollege = new(Education.JuniorCollege, TitleLevel.Intermediate);

    public static IReadOnlyDictionary<string, Fact> Facts(CarrierRecords r, int year) =>
        Facts(r, LedgerYearFigures.Of(r.Entries, r.Residents, year), year);

    /// <summary>
    /// The facts with the entries' figures given (<see cref="LedgerYearFigures"/>, from SQL or from
    /// <see cref="LedgerYearFigures.Of"/>); <see cref="CarrierRecords.Entries"/> is not read.
    /// </summary>
    public static IReadOnlyDictionary<string, Fact> Facts(CarrierRecords r, LedgerYearFigures entries, int year)
    {
        var facts = new Dictionary<string, Fact>(StringComparer.Ordinal);
        void Put(string key, object value) => facts[key] = new Fact(value, LedgerSource);

        var c = r.Carrier;
        var yearEnd = new DateOnly(year, 12, 31);
        if (c.CarrierType is { Length: > 0 } type) Put("carrierType", type);
        if (LocationCode(c.JurisdictionCode) is { } location) Put("locationDivisionCode", location);
        if (RegistrationCode(c.OperatorUscc) is { } registration) Put("registrationDivisionCode", registration);
        Put("baseFoundedOn", c.EstablishedOn);
        if (c.OperatorSince is { } since) Put("operatorSince", since);
        if (c.OperatorFoundedOn is { } founded) Put("operatorFoundedOn", founded);
        Put("baseType", c.PrimaryType == CarrierPrimaryType.Manufacturing ? "manufacturing" : "producerServices");
        Put("leadingIndustryCount", (decimal)c.LeadingIndustryCount);
        Put("siteArea", c.Area);
        Put("buildingArea", c.Area);
        Put("publicServiceArea", c.PublicServiceArea);

        var present = r.Residents.Where(x => x.ResidentOn(yearEnd)).ToList();
        var smallMicro = present.Where(x => x.IsSmallOrMicro).ToList();
        var snap = LedgerMetrics.Residents(r.Residents, yearEnd);
        Put("residentTotalCount", (decimal)snap.Total);
        Put("residentSmallMicroCount", (decimal)snap.SmallMicro);
        Put("residentSmallMicroByRegistration", RegistrationCounts(smallMicro));
        Put("leadingIndustryResidentCount", (decimal)snap.LeadingIndustry);
        Put("topTwoLeadingIndustryResidentCount", (decimal)TopTwoLeadingIndustries(present));
        Put("smallMicroEmployeeCount", (decimal)snap.SmallMicroEmployees);

        var fullTime = r.Staff.Where(s => s.FullTime).ToList();
        Put("fullTimeServiceStaffCount", (decimal)fullTime.Count);
        Put("fullTimeStaffBachelorOrIntermediateCount", (decimal)fullTime.Count(Bachelor.Qualifies));
        Put("serviceStaffTotalCount", (decimal)r.Staff.Count);
        Put("serviceStaffBachelorOrIntermediateCount", (decimal)r.Staff.Count(Bachelor.Qualifies));
        Put("serviceStaffJuniorCollegeOrIntermediateCount", (decimal)r.Staff.Count(JuniorCollege.Qualifies));
        Put("mentorCount", (decimal)r.Staff.Count(s => s.Mentor));
        Put("partnerAgencyCount", (decimal)r.Partners.Count(p => p.ActiveOn(yearEnd)));

        Put("freeOrLowFeeServiceVolume", (decimal)entries.Share.FreeOrLowFeeVisits);
        Put("totalServiceVolume", (decimal)entries.Share.TotalVisits);
        // Only a resident's size is recorded, so service to small/micro enterprises counts resident ones (a lower bound).
        Put("freeOrLowFeeVolumeToSmallMicro", (decimal)entries.FreeOrLowFeeVisitsToSmallMicro);
        Put("freeOrLowFeeVolumeToResidentSmallMicro", (decimal)entries.FreeOrLowFeeVisitsToSmallMicro);
        if (LedgerMetrics.Satisfaction(r.Satisfaction).Percent is { } all) Put("userSatisfactionPercent", all);
        var smallMicroIds = r.Residents.Where(x => x.IsSmallOrMicro).Select(x => x.Id).ToHashSet();
        if (LedgerMetrics.Satisfaction(r.Satisfaction.Where(a => smallMicroIds.Contains(a.EnterpriseId))).Percent is { } resident)
        {
            Put("residentSmallMicroSatisfactionPercent", resident);
        }

        Put("enterprisesServedAnnual", (decimal)entries.EnterprisesServed);

        var years = new[] { year - 1, year };
        Put("enterprisesServedSeries", new List<YearValue> { new(year - 1, entries.EnterprisesServedPreviousYear), new(year, entries.EnterprisesServed) });
        var ends = years.Select(y => (Year: y, End: LedgerMetrics.YearEnd(r.Residents, y))).ToList();
        Put("residentSmallMicroSeries", ends.Select(x => new YearValue(x.Year, x.End.SmallMicro)).ToList());
        Put("employeeSeries", ends.Select(x => new YearValue(x.Year, x.End.Employees)).ToList());
        Put("innovationOutputSeries", ends.Select(x => new YearValue(x.Year, x.End.Innovation)).ToList());

        foreach (var v in entries.Volumes)
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
    public static Profile Build(CarrierRecords r, int year, DateOnly referenceDate, DateOnly? deadline,
        IReadOnlyDictionary<string, object>? handEntered = null)
    {
        var facts = new Dictionary<string, Fact>(Facts(r, year), StringComparer.Ordinal);
        foreach (var (key, value) in handEntered ?? new Dictionary<string, object>())
        {
            if (!FactCatalogue.TryGet(key, out _)) throw new KeyNotFoundException($"未知事实项：{key}");
            facts[key] = new Fact(value, HandEnteredSource);
        }
        return new Profile(referenceDate, deadline, facts, r.Carrier.Name);
    }

    /// <summary>
    /// The division a carrier is in: its jurisdiction's GB/T 2260 code, or for a development zone ("530100Z01") the code
    /// of the division the zone belongs to.
    /// </summary>
    public static string? LocationCode(string jurisdictionCode) =>
        jurisdictionCode.Length >= 6 && jurisdictionCode[..6].All(char.IsAsciiDigit) ? jurisdictionCode[..6] : null;

    /// <summary>Characters 3–8 of a valid 统一社会信用代码: the division of the authority the organisation is registered with.</summary>
    public static string? RegistrationCode(string? uscc) =>
        UnifiedSocialCreditCode.TryParse(uscc, out var code, out _) ? code.DivisionCode : null;

    /// <summary>Resident small/micro enterprises counted by registration division; those without a valid code are not counted.</summary>
    public static IReadOnlyList<DivisionCount> RegistrationCounts(IEnumerable<ResidentFact> smallMicro) =>
        smallMicro.Select(x => RegistrationCode(x.Uscc)).OfType<string>()
            .GroupBy(x => x, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DivisionCount(g.Key, g.Count())).ToList();

    /// <summary>
    /// Residents in the two leading industries with the most residents (北京办法第六条第（五）项 脚注: 两个主导产业；a base that
    /// declares three counts the two largest). A resident marked as in a leading industry belongs to the industry it records.
    /// </summary>
    public static int TopTwoLeadingIndustries(IEnumerable<ResidentFact> present) =>
        present.Where(x => x.InLeadingIndustry)
            .GroupBy(x => x.Industry.Trim(), StringComparer.Ordinal)
            .Select(g => g.Count()).OrderDescending().Take(2).Sum();
}
