using Exemplar.Domain.Policies;

namespace Exemplar.Bench;

/// <summary>
/// The Kunming (昆工信规〔2022〕1号) quantitative conditions written directly in C#, as the baseline the engine
/// is compared with. Same five states for the overall verdict; no explanations.
/// </summary>
public static class HandWrittenKunming
{
    private enum S { Met, NotMet, Missing }

    private static readonly HashSet<string> KunmingTypes =
        ["startupBase", "startupPark", "incubator", "makerSpace", "starInnovationSpace", "parkWithinPark", "universitySciencePark", "leadingEnterpriseBase"];

    public static Verdict Evaluate(Profile p)
    {
        var states = new List<S>(30)
        {
            // 第三条: the carrier's type and location (the engine's applicant-type and applicant-location).
            p.Get("carrierType")?.AsText is { } type ? (KunmingTypes.Contains(type) ? S.Met : S.NotMet) : S.Missing,
            p.Get("locationDivisionCode")?.AsText is { } place ? (place.StartsWith("5301", StringComparison.Ordinal) ? S.Met : S.NotMet) : S.Missing,
            Attest(p, "attestations.recommendedByCounty"),
            Attest(p, "attestations.independentLegalPerson"),
            Attest(p, "attestations.goodCredit"),
            p.Get("baseFoundedOn")?.AsDate is { } since ? (p.ReferenceDate >= DateArithmetic.AddYears(since, 2, DateRoundingRule.LastDayOfMonth) ? S.Met : S.NotMet) : S.Missing,
            AtLeast(p, "residentSmallMicroCount", 40),
            AtLeast(p, "smallMicroEmployeeCount", 500),
            Num(p, "leadingIndustryCount") is { } lic ? (lic <= 3 ? S.Met : S.NotMet) : S.Missing,
            Ratio(p, "leadingIndustryResidentCount", "residentTotalCount", 80),
            AtLeast(p, "fullTimeServiceStaffCount", 10),
            Ratio(p, "fullTimeStaffBachelorOrIntermediateCount", "fullTimeServiceStaffCount", 80),
            AtLeast(p, "mentorCount", 3),
            AtLeast(p, "partnerAgencyCount", 5),
            Ratio(p, "freeOrLowFeeVolumeToResidentSmallMicro", "totalServiceVolume", 20),
            AtLeast(p, "residentSmallMicroSatisfactionPercent", 80),
            (p.Get("baseType")?.AsText) switch
            {
                "manufacturing" => AtLeast(p, "siteArea", 10000),
                "producerServices" => AtLeast(p, "siteArea", 3000),
                _ => S.Missing,
            },
            Growth(p, "residentSmallMicroSeries"),
            Growth(p, "employeeSeries"),
            Growth(p, "innovationOutputSeries"),
        };

        S[] functions =
        [
            All(AtLeast(p, "functions.informationService.enterpriseVisits", 50), AtLeast(p, "functions.informationService.events", 4)),
            AtLeast(p, "functions.entrepreneurshipCoaching.enterpriseVisits", 30),
            AtLeast(p, "functions.innovationSupport.events", 5),
            AtLeast(p, "functions.training.personTimes", 300),
            AtLeast(p, "functions.marketing.events", 4),
            All(AtLeast(p, "functions.financing.enterpriseVisits", 20), AtLeast(p, "functions.financing.events", 2)),
            AtLeast(p, "functions.managementConsulting.enterpriseVisits", 20),
            AtLeast(p, "functions.professionalServices.enterpriseVisits", 20),
        ];
        var met = functions.Count(f => f == S.Met);
        var missing = functions.Count(f => f == S.Missing);
        states.Add(met >= 4 ? S.Met : met + missing >= 4 ? S.Missing : S.NotMet);
        return states.Contains(S.NotMet) ? Verdict.DoesNotMeet : states.Contains(S.Missing) ? Verdict.MissingData : Verdict.MeetsAllQuantitative;
    }

    private static decimal? Num(Profile p, string key) => p.Get(key)?.AsNumber;

    private static S AtLeast(Profile p, string key, decimal min) => Num(p, key) is { } v ? (v >= min ? S.Met : S.NotMet) : S.Missing;

    private static S Ratio(Profile p, string num, string den, decimal percent) =>
        Num(p, num) is { } n && Num(p, den) is { } d && d != 0 ? (Math.Round(n * 100m / d, 2, MidpointRounding.ToZero) >= percent ? S.Met : S.NotMet) : S.Missing;

    private static S Growth(Profile p, string key)
    {
        var s = p.Get(key)?.AsSeries;
        if (s is null || s.Count < 2 || s[^1].Year - s[^2].Year != 1 || s[^2].Value == 0)
        {
            return S.Missing;
        }

        return Math.Round((s[^1].Value - s[^2].Value) * 100m / s[^2].Value, 2, MidpointRounding.ToZero) >= 10 ? S.Met : S.NotMet;
    }

    private static S Attest(Profile p, string key) => p.Get(key)?.AsAttestation switch
    {
        null => S.Missing,
        { Value: false } => S.NotMet,
        { Evidence.Count: 0 } => S.Missing,
        _ => S.Met,
    };

    private static S All(params S[] states) => states.Contains(S.NotMet) ? S.NotMet : states.Contains(S.Missing) ? S.Missing : S.Met;
}
