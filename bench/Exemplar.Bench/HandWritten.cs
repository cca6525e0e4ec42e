using Exemplar.Domain.Policies;

namespace Exemplar.Bench;

/// <summary>
/// The five programmes' conditions written directly in C#, as the baseline the engine is compared with: the verdict
/// and each condition's state, no text. States are written in the order of the policy file — each condition, then an
/// alternative's branches (branch, then its conditions), then a K-of-N group's functions (function, then its measures
/// when it has any). Review items are always pending. Facts are read through <see cref="Profile.Get"/> by key, as any
/// caller of the domain reads them.
/// </summary>
public static class HandWritten
{
    private const ResultState Met = ResultState.Met;
    private const ResultState NotMet = ResultState.NotMet;
    private const ResultState Missing = ResultState.MissingData;
    private const ResultState Pending = ResultState.PendingReview;
    private const ResultState NotApplicable = ResultState.NotApplicable;

    /// <summary>Evaluates all five into one buffer (at least 160 states); returns the five verdicts packed 4 bits each.</summary>
    public static int EvaluateAll(Profile p, Span<ResultState> s)
    {
        var n = 0;
        var v = (int)Beijing(p, s, ref n);
        v |= (int)Kunming(p, s, ref n) << 4;
        v |= (int)Liaocheng(p, s, ref n) << 8;
        v |= (int)XizangBase(p, s, ref n) << 12;
        v |= (int)XizangPlatform(p, s, ref n) << 16;
        return v;
    }

    // 北京市小型微型企业创业创新示范基地管理办法 第三条、第六条
    public static Verdict Beijing(Profile p, Span<ResultState> s, ref int n)
    {
        var f = 0;
        var type = p.Get("carrierType")?.AsText;
        s[n++] = Q(ref f, type is null or "" ? Missing
            : type is "incubator" or "hardTechIncubator" or "overseasReturneePark" or "graduateStartupPark" or "universitySciencePark" or "parkWithinPark" or "leadingEnterpriseBase" ? Met
            : CarrierTypes.Find(type) is { Kind: CarrierKind.Platform } ? NotMet
            : Pending); // 第三条 “等载体”
        s[n++] = Q(ref f, Prefix(p, "locationDivisionCode", "11"));
        s[n++] = Q(ref f, Attest(p, "attestations.independentLegalPerson"));
        s[n++] = Q(ref f, Prefix(p, "registrationDivisionCode", "11"));
        s[n++] = Q(ref f, YearsSince(p, "operatorFoundedOn", 2));
        s[n++] = Pending;
        s[n++] = Pending;
        s[n++] = Q(ref f, NoPenalty(p, 2, "criminal", "seriousAdministrative"));
        s[n++] = Q(ref f, Attest(p, "attestations.noSeriousDishonesty"));
        s[n++] = Q(ref f, Attest(p, "attestations.projectApprovalComplete"));
        s[n++] = Pending;
        s[n++] = Q(ref f, AtLeast(p, "buildingArea", 5000));
        s[n++] = Q(ref f, AtLeast(p, "publicServiceArea", 500));
        s[n++] = Pending;

        // 第六条第（五）项: 原则上 60 家本市小微企业、前两大主导产业 60%；高端制造业 40 家、80%.
        var alt = n++;
        var highEnd = p.Get("highEndManufacturingBase");
        var general = Branch(Met, s, ref n, RegisteredIn11(p, 60), Ratio(p, "topTwoLeadingIndustryResidentCount", "residentTotalCount", 60));
        var highEndApplies = highEnd is null ? Missing : highEnd.Value is true ? Met : NotApplicable;
        var special = Branch(highEndApplies, s, ref n, RegisteredIn11(p, 40), Ratio(p, "topTwoLeadingIndustryResidentCount", "residentTotalCount", 80));
        s[alt] = Q(ref f, AnyOf(general, special));

        s[n++] = Pending;
        s[n++] = Pending;
        s[n++] = Q(ref f, AtLeast(p, "serviceStaffBachelorOrIntermediateCount", 8));
        s[n++] = Pending;
        s[n++] = Q(ref f, AtLeast(p, "residentSmallMicroSatisfactionPercent", 90));
        s[n++] = Q(ref f, Attest(p, "attestations.freeServiceProvided"));
        s[n++] = Pending;

        // 第六条第（十）项: 至少 3 项服务功能, none with volumes.
        var group = n++;
        int met = 0, pending = 0, missing = 0;
        Count(s[n++] = Offered(p, "functions.entrepreneurshipCoaching.offered"), ref met, ref pending, ref missing);
        Count(s[n++] = Offered(p, "functions.innovationSupport.offered"), ref met, ref pending, ref missing);
        Count(s[n++] = Offered(p, "functions.informationService.offered"), ref met, ref pending, ref missing);
        Count(s[n++] = Offered(p, "functions.financing.offered"), ref met, ref pending, ref missing);
        Count(s[n++] = Offered(p, "functions.training.offered"), ref met, ref pending, ref missing);
        Count(s[n++] = Offered(p, "functions.managementConsulting.offered"), ref met, ref pending, ref missing);
        Count(s[n++] = Offered(p, "functions.professionalServices.offered"), ref met, ref pending, ref missing);
        Count(s[n++] = Offered(p, "functions.industryChainService.offered"), ref met, ref pending, ref missing);
        s[group] = Q(ref f, KOfN(3, met, pending, missing));
        s[n++] = Pending;
        return VerdictOf(f);
    }

    // 昆工信规〔2022〕1号 第三条、第六条、第七条
    public static Verdict Kunming(Profile p, Span<ResultState> s, ref int n)
    {
        var f = 0;
        var type = p.Get("carrierType")?.AsText;
        s[n++] = Q(ref f, type is null or "" ? Missing
            : type is "startupBase" or "startupPark" or "incubator" or "makerSpace" or "starInnovationSpace" or "parkWithinPark" or "universitySciencePark" or "leadingEnterpriseBase" ? Met
            : NotMet);
        s[n++] = Q(ref f, Prefix(p, "locationDivisionCode", "5301"));
        s[n++] = Q(ref f, Attest(p, "attestations.recommendedByCounty"));
        s[n++] = Q(ref f, Attest(p, "attestations.independentLegalPerson"));
        s[n++] = Q(ref f, YearsSince(p, "baseFoundedOn", 2));
        s[n++] = Q(ref f, Attest(p, "attestations.goodCredit"));
        s[n++] = Pending;
        s[n++] = Q(ref f, AtLeast(p, "residentSmallMicroCount", 40));
        s[n++] = Q(ref f, AtLeast(p, "smallMicroEmployeeCount", 500));
        s[n++] = Q(ref f, p.Get("leadingIndustryCount")?.AsNumber is { } industries ? (industries <= 3 ? Met : NotMet) : Missing);
        s[n++] = Q(ref f, Ratio(p, "leadingIndustryResidentCount", "residentTotalCount", 80));
        s[n++] = Pending;
        s[n++] = Q(ref f, AtLeast(p, "fullTimeServiceStaffCount", 10));
        s[n++] = Q(ref f, Ratio(p, "fullTimeStaffBachelorOrIntermediateCount", "fullTimeServiceStaffCount", 80));
        s[n++] = Q(ref f, AtLeast(p, "mentorCount", 3));
        s[n++] = Q(ref f, AtLeast(p, "partnerAgencyCount", 5));
        s[n++] = Q(ref f, Ratio(p, "freeOrLowFeeVolumeToResidentSmallMicro", "totalServiceVolume", 20));
        s[n++] = Q(ref f, AtLeast(p, "residentSmallMicroSatisfactionPercent", 80));
        s[n++] = Pending;

        // 第六条第（七）项: 制造业类 10000 平方米以上，生产性服务业类 3000 平方米以上.
        var alt = n++;
        var baseType = p.Get("baseType");
        var baseTypeText = baseType?.Value as string;
        var manufacturing = Branch(baseType is null ? Missing : baseTypeText == "manufacturing" ? Met : NotApplicable, s, ref n, AtLeast(p, "siteArea", 10000));
        var services = Branch(baseType is null ? Missing : baseTypeText == "producerServices" ? Met : NotApplicable, s, ref n, AtLeast(p, "siteArea", 3000));
        s[alt] = Q(ref f, AnyOf(manufacturing, services));

        s[n++] = Pending;
        s[n++] = Pending;
        s[n++] = Q(ref f, Growth(p, "residentSmallMicroSeries", 10, orEqual: true));
        s[n++] = Q(ref f, Growth(p, "employeeSeries", 10, orEqual: true));
        s[n++] = Q(ref f, Growth(p, "innovationOutputSeries", 10, orEqual: true));

        // 第七条: 至少 4 项.
        var group = n++;
        int met = 0, pending = 0, missing = 0;
        Count(Function(s, ref n, AtLeast(p, "functions.informationService.enterpriseVisits", 50), AtLeast(p, "functions.informationService.events", 4)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.entrepreneurshipCoaching.enterpriseVisits", 30)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.innovationSupport.events", 5)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.training.personTimes", 300)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.marketing.events", 4)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.financing.enterpriseVisits", 20), AtLeast(p, "functions.financing.events", 2)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.managementConsulting.enterpriseVisits", 20)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.professionalServices.enterpriseVisits", 20)), ref met, ref pending, ref missing);
        s[group] = Q(ref f, KOfN(4, met, pending, missing));
        s[n++] = Pending;
        return VerdictOf(f);
    }

    // 聊工信发〔2021〕133号 第四条、第五条
    public static Verdict Liaocheng(Profile p, Span<ResultState> s, ref int n)
    {
        var f = 0;
        var type = p.Get("carrierType")?.AsText;
        s[n++] = Q(ref f, type is null or "" ? Missing
            : type is "startupBase" or "startupPark" or "incubator" or "parkWithinPark" or "universitySciencePark" or "leadingEnterpriseBase" ? Met
            : NotMet);
        s[n++] = Q(ref f, Prefix(p, "locationDivisionCode", "3715"));
        s[n++] = Q(ref f, Attest(p, "attestations.independentLegalPerson"));
        s[n++] = Q(ref f, YearsSince(p, "operatorSince", 1));
        s[n++] = Q(ref f, Prefix(p, "registrationDivisionCode", "3715"));
        s[n++] = Pending;
        s[n++] = Q(ref f, AtLeast(p, "residentSmallMicroCount", 25));
        s[n++] = Q(ref f, AtLeast(p, "smallMicroEmployeeCount", 400));
        s[n++] = Q(ref f, AtLeast(p, "fullTimeServiceStaffCount", 6));
        s[n++] = Q(ref f, AtLeast(p, "partnerAgencyCount", 4));
        s[n++] = Q(ref f, Ratio(p, "freeOrLowFeeVolumeToSmallMicro", "totalServiceVolume", 20));
        s[n++] = Pending;
        s[n++] = Pending;
        s[n++] = Pending;

        // 第五条第（五）项: 不少于 4 项; 市场营销 has no volume.
        var group = n++;
        int met = 0, pending = 0, missing = 0;
        Count(Function(s, ref n, AtLeast(p, "functions.informationService.enterpriseVisits", 40), AtLeast(p, "functions.informationService.events", 4)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.entrepreneurshipCoaching.enterpriseVisits", 10)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.innovationSupport.events", 4)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.training.personTimes", 300)), ref met, ref pending, ref missing);
        Count(s[n++] = Offered(p, "functions.marketing.offered"), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.financing.enterpriseVisits", 20), AtLeast(p, "functions.financing.events", 2)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.managementConsulting.enterpriseVisits", 20)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.professionalServices.enterpriseVisits", 20)), ref met, ref pending, ref missing);
        s[group] = Q(ref f, KOfN(4, met, pending, missing));
        s[n++] = Pending;
        return VerdictOf(f);
    }

    // 西藏自治区小型微型企业创业创新示范基地建设管理办法 第六条、第八条
    public static Verdict XizangBase(Profile p, Span<ResultState> s, ref int n)
    {
        var f = 0;
        var type = p.Get("carrierType")?.AsText;
        s[n++] = Q(ref f, type is null or "" ? Missing
            : type is "startupBase" or "startupPark" or "incubator" or "parkWithinPark" or "universitySciencePark" or "leadingEnterpriseBase" ? Met
            : NotMet);
        s[n++] = Q(ref f, Prefix(p, "locationDivisionCode", "54"));
        s[n++] = Q(ref f, Attest(p, "attestations.independentLegalPerson"));
        s[n++] = Q(ref f, YearsSince(p, "baseFoundedOn", 3));
        s[n++] = Q(ref f, AtLeast(p, "residentSmallMicroCount", 50));
        s[n++] = Q(ref f, AtLeast(p, "smallMicroEmployeeCount", 1000));
        s[n++] = Q(ref f, AtLeast(p, "fullTimeServiceStaffCount", 7));
        s[n++] = Q(ref f, AtLeast(p, "mentorCount", 2));
        s[n++] = Q(ref f, AtLeast(p, "partnerAgencyCount", 3));
        s[n++] = Pending;
        s[n++] = Q(ref f, Ratio(p, "freeOrLowFeeVolumeToSmallMicro", "totalServiceVolume", 20));
        s[n++] = Pending;
        s[n++] = Pending;
        s[n++] = Pending;

        // 第八条: 不少于 4 项.
        var group = n++;
        int met = 0, pending = 0, missing = 0;
        Count(Function(s, ref n, AtLeast(p, "functions.informationService.enterpriseVisits", 80), AtLeast(p, "functions.informationService.events", 4)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.entrepreneurshipCoaching.enterpriseVisits", 30)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.innovationSupport.events", 4)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.training.personTimes", 200)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.marketing.exhibitionEvents", 2), AtLeast(p, "functions.marketing.matchmakingEvents", 2)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.financing.enterpriseVisits", 20), AtLeast(p, "functions.financing.events", 2)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.managementConsulting.enterpriseVisits", 15)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.professionalServices.enterpriseVisits", 15)), ref met, ref pending, ref missing);
        s[group] = Q(ref f, KOfN(4, met, pending, missing));
        s[n++] = Pending;
        return VerdictOf(f);
    }

    // 藏经信发〔2021〕83号 二、申报条件
    public static Verdict XizangPlatform(Profile p, Span<ResultState> s, ref int n)
    {
        var f = 0;
        var type = p.Get("carrierType")?.AsText;
        s[n++] = Q(ref f, type is null or "" ? Missing
            : type is "smeServiceOrganization" or "socialIntermediary" or "technicalServiceOrganization" or "researchInstitute" or "internetServiceEnterprise" ? Met
            : NotMet);
        s[n++] = Q(ref f, Prefix(p, "locationDivisionCode", "54"));
        s[n++] = Q(ref f, Attest(p, "attestations.independentLegalPerson"));
        s[n++] = Q(ref f, YearsSince(p, "operatorSince", 2));
        s[n++] = Q(ref f, AtLeast(p, "totalAssets", 100));
        s[n++] = Pending;
        s[n++] = Q(ref f, AtLeast(p, "enterprisesServedAnnual", 20));
        s[n++] = Q(ref f, AtLeast(p, "userSatisfactionPercent", 80));
        s[n++] = Q(ref f, Growth(p, "enterprisesServedSeries", 0, orEqual: false)); // 稳步增长: more than the year before
        s[n++] = Pending;
        s[n++] = Pending;
        s[n++] = Q(ref f, AtLeast(p, "partnerAgencyCount", 2));
        s[n++] = Q(ref f, Attest(p, "attestations.prefectureRecognition"));
        s[n++] = Pending;
        s[n++] = Q(ref f, Ratio(p, "freeOrLowFeeServiceVolume", "totalServiceVolume", 20));
        s[n++] = Pending;
        s[n++] = Q(ref f, AtLeast(p, "serviceStaffTotalCount", 10));
        s[n++] = Q(ref f, Ratio(p, "serviceStaffJuniorCollegeOrIntermediateCount", "serviceStaffTotalCount", 60));

        // 至少 1 项.
        var group = n++;
        int met = 0, pending = 0, missing = 0;
        Count(Function(s, ref n, AtLeast(p, "functions.informationService.enterprisesServed", 20), AtLeast(p, "functions.informationService.events", 2)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.technicalService.events", 3)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.startupService.events", 2)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.training.personTimes", 600)), ref met, ref pending, ref missing);
        Count(Function(s, ref n, AtLeast(p, "functions.financing.bankEnterpriseEvents", 2), AtLeast(p, "functions.financing.financeLectureEvents", 2)), ref met, ref pending, ref missing);
        s[group] = Q(ref f, KOfN(1, met, pending, missing));
        s[n++] = Pending;
        return VerdictOf(f);
    }

    /// <summary>Notes a quantitative top-level state (1 not met, 2 missing, 4 pending); review items do not decide.</summary>
    private static ResultState Q(ref int flags, ResultState state)
    {
        flags |= state switch { NotMet => 1, Missing => 2, Pending => 4, _ => 0 };
        return state;
    }

    private static Verdict VerdictOf(int flags) =>
        (flags & 1) != 0 ? Verdict.DoesNotMeet : (flags & 2) != 0 ? Verdict.MissingData : (flags & 4) != 0 ? Verdict.PendingReview : Verdict.MeetsAllQuantitative;

    private static ResultState AtLeast(Profile p, string key, decimal min) =>
        p.Get(key)?.AsNumber is { } v ? (v >= min ? Met : NotMet) : Missing;

    private static ResultState Prefix(Profile p, string key, string prefix) =>
        p.Get(key)?.AsText is { Length: > 0 } code ? (code.StartsWith(prefix, StringComparison.Ordinal) ? Met : NotMet) : Missing;

    private static ResultState Attest(Profile p, string key) => p.Get(key)?.AsAttestation switch
    {
        null => Missing,
        { Value: false } => NotMet,
        { Evidence.Count: 0 } => Missing,
        _ => Met,
    };

    /// <summary>满 N 年 by the reference date, 《民法典》第二百零一条 for 29 February.</summary>
    private static ResultState YearsSince(Profile p, string key, int years) =>
        p.Get(key)?.AsDate is { } since ? (p.ReferenceDate >= DateArithmetic.AddYears(since, years, DateRoundingRule.LastDayOfMonth) ? Met : NotMet) : Missing;

    private static ResultState Ratio(Profile p, string numerator, string denominator, decimal percent)
    {
        var num = p.Get(numerator)?.AsNumber;
        var den = p.Get(denominator)?.AsNumber;
        if (num is not { } n || den is not { } d || d == 0)
        {
            return Missing;
        }

        return Math.Round(n * 100m / d, 2, MidpointRounding.ToZero) >= percent ? Met : NotMet;
    }

    private static ResultState Growth(Profile p, string key, decimal percent, bool orEqual)
    {
        var series = p.Get(key)?.AsSeries;
        if (series is null || series.Count < 2 || series[^1].Year - series[^2].Year != 1 || series[^2].Value == 0)
        {
            return Missing;
        }

        var growth = Math.Round((series[^1].Value - series[^2].Value) * 100m / series[^2].Value, 2, MidpointRounding.ToZero);
        return (orEqual ? growth >= percent : growth > percent) ? Met : NotMet;
    }

    /// <summary>No penalty of the kinds in [deadline − years, deadline], both ends included.</summary>
    private static ResultState NoPenalty(Profile p, int years, string kind1, string kind2)
    {
        if (p.ApplicationDeadline is not { } deadline)
        {
            return Missing;
        }

        if (p.Get("penalties")?.AsPenalties is not { } penalties)
        {
            return Missing;
        }

        var from = DateArithmetic.AddYears(deadline, -years, DateRoundingRule.LastDayOfMonth);
        foreach (var x in penalties)
        {
            if ((x.Kind == kind1 || x.Kind == kind2) && x.Date >= from && x.Date <= deadline)
            {
                return NotMet;
            }
        }

        return Met;
    }

    private static ResultState RegisteredIn11(Profile p, decimal min)
    {
        if (p.Get("residentSmallMicroByRegistration")?.AsDivisionCounts is not { } counts)
        {
            return Missing;
        }

        decimal inside = 0;
        foreach (var c in counts)
        {
            if (c.Division.Length < 2 && "11".StartsWith(c.Division, StringComparison.Ordinal))
            {
                return Missing; // coarser than the city: cannot be split
            }

            if (c.Division.StartsWith("11", StringComparison.Ordinal))
            {
                inside += c.Count;
            }
        }

        return inside >= min ? Met : NotMet;
    }

    private static ResultState Offered(Profile p, string key) => p.Get(key)?.AsBoolean switch
    {
        true => Pending,
        false => NotMet,
        _ => Missing,
    };

    /// <summary>Writes the function's state then its measures'; all measures must hold.</summary>
    private static ResultState Function(Span<ResultState> s, ref int n, ResultState a, ResultState b = NotApplicable)
    {
        var f = n++;
        s[n++] = a;
        if (b != NotApplicable)
        {
            s[n++] = b;
        }

        return s[f] = a == NotMet || b == NotMet ? NotMet : a == Missing || b == Missing ? Missing : Met;
    }

    /// <summary>Writes the branch's state then its conditions'; a branch that does not apply marks them not applicable.</summary>
    private static ResultState Branch(ResultState applies, Span<ResultState> s, ref int n, ResultState a, ResultState b = (ResultState)(-1))
    {
        var at = n++;
        var two = b != (ResultState)(-1);
        s[n++] = applies == NotApplicable ? NotApplicable : a;
        if (two)
        {
            s[n++] = applies == NotApplicable ? NotApplicable : b;
        }

        if (applies == NotApplicable)
        {
            return s[at] = NotApplicable;
        }

        var all = two ? stackalloc[] { a, b, applies } : stackalloc[] { a, applies };
        return s[at] = all.Contains(NotMet) ? NotMet : all.Contains(Missing) ? Missing : all.Contains(Pending) ? Pending : Met;
    }

    private static ResultState AnyOf(ResultState a, ResultState b) =>
        a == Met || b == Met ? Met
        : a == Pending || b == Pending ? Pending
        : a == Missing || b == Missing ? Missing
        : a == NotApplicable && b == NotApplicable ? Missing
        : NotMet;

    private static void Count(ResultState state, ref int met, ref int pending, ref int missing)
    {
        switch (state)
        {
            case Met: met++; break;
            case Pending: pending++; break;
            case Missing: missing++; break;
        }
    }

    private static ResultState KOfN(int k, int met, int pending, int missing) =>
        met >= k ? Met : met + pending + missing < k ? NotMet : met + pending >= k ? Pending : Missing;
}
