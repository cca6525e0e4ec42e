namespace Exemplar.Domain.Ledger;

/// <summary>The measures counted per service function.</summary>
public enum Measure
{
    /// <summary>家次: one per (entry, participating enterprise).</summary>
    EnterpriseVisits = 1,
    /// <summary>家: distinct enterprises served.</summary>
    EnterprisesServed = 2,
    /// <summary>次: entries whose form is an event or a training session.</summary>
    Events = 3,
    /// <summary>人次: sum of the entries' person counts.</summary>
    PersonTimes = 4,
    ExhibitionEvents = 5,
    MatchmakingEvents = 6,
    BankEnterpriseEvents = 7,
    FinanceLectureEvents = 8,
}

public sealed record FunctionVolume(
    ServiceFunction Function, int EnterpriseVisits, int EnterprisesServed, int Events, int PersonTimes,
    int ExhibitionEvents, int MatchmakingEvents, int BankEnterpriseEvents, int FinanceLectureEvents)
{
    public int Get(Measure m) => m switch
    {
        Measure.EnterpriseVisits => EnterpriseVisits,
        Measure.EnterprisesServed => EnterprisesServed,
        Measure.Events => Events,
        Measure.PersonTimes => PersonTimes,
        Measure.ExhibitionEvents => ExhibitionEvents,
        Measure.MatchmakingEvents => MatchmakingEvents,
        Measure.BankEnterpriseEvents => BankEnterpriseEvents,
        Measure.FinanceLectureEvents => FinanceLectureEvents,
        _ => 0,
    };
}

/// <summary>Free/low-fee share: volume = 家次 (enterprise-visits) of all functions in the year.</summary>
public sealed record FeeShare(int FreeOrLowFeeVisits, int TotalVisits)
{
    /// <summary>Percentage truncated to two decimals (as the eligibility engine truncates ratios); null when there is no volume.</summary>
    public decimal? Percent => TotalVisits == 0 ? null : Math.Truncate(FreeOrLowFeeVisits * 10000m / TotalVisits) / 100m;
}

public sealed record SatisfactionRate(int Satisfied, int Answers)
{
    public decimal? Percent => Answers == 0 ? null : Math.Truncate(Satisfied * 10000m / Answers) / 100m;
}

public sealed record ResidentSnapshot(DateOnly Date, int Total, int SmallMicro, int LeadingIndustry, int Employees, int SmallMicroEmployees);

public sealed record StaffRatio(int FullTime, int Qualified, int Mentors)
{
    public decimal? Percent => FullTime == 0 ? null : Math.Truncate(Qualified * 10000m / FullTime) / 100m;
}

/// <summary>
/// A staff member counts as qualified when education reaches <see cref="MinEducation"/> or the title reaches
/// <see cref="MinTitle"/>: 昆明办法第六条第（五）项 本科及以上学历和中级及以上技术职称 (Bachelor / Intermediate);
/// 西藏示范平台 二（一） 大专及以上学历和中级及以上技术职称 (JuniorCollege / Intermediate). "和" is read as either.
/// </summary>
public sealed record QualificationRule(Education MinEducation, TitleLevel MinTitle)
{
    public static readonly QualificationRule Kunming = new(Education.Bachelor, TitleLevel.Intermediate);
    public static readonly QualificationRule TibetPlatform = new(Education.JuniorCollege, TitleLevel.Intermediate);

    public bool Qualifies(StaffFact s) => s.Education >= MinEducation || s.Title >= MinTitle;
}

/// <summary>Pure metric functions over a carrier's records. Every function is total: empty input gives zeros or null.</summary>
public static class LedgerMetrics
{
    public static bool InYear(EntryFact e, int year) => e.Date.Year == year;

    public static bool IsEvent(EntryFact e) => e.Form is ServiceForm.Event or ServiceForm.Training;

    /// <summary>Whether an entry contributes to a measure (the drill-down uses exactly this).</summary>
    public static bool Contributes(EntryFact e, Measure m) => m switch
    {
        Measure.EnterpriseVisits or Measure.EnterprisesServed => e.Participants.Count > 0,
        Measure.Events => IsEvent(e),
        Measure.PersonTimes => e.PersonCount > 0,
        Measure.ExhibitionEvents => IsEvent(e) && e.Topic == EventTopic.Exhibition,
        Measure.MatchmakingEvents => IsEvent(e) && e.Topic == EventTopic.Matchmaking,
        Measure.BankEnterpriseEvents => IsEvent(e) && e.Topic == EventTopic.BankEnterprise,
        Measure.FinanceLectureEvents => IsEvent(e) && e.Topic == EventTopic.FinanceLecture,
        _ => false,
    };

    public static FunctionVolume Volume(IEnumerable<EntryFact> entries, ServiceFunction function, int year)
    {
        var list = entries.Where(e => e.Function == function && InYear(e, year)).ToList();
        return new FunctionVolume(
            function,
            list.Sum(e => e.Participants.Count),
            list.SelectMany(e => e.Participants).Select(p => p.Key).Distinct().Count(),
            list.Count(IsEvent),
            list.Sum(e => e.PersonCount),
            list.Count(e => Contributes(e, Measure.ExhibitionEvents)),
            list.Count(e => Contributes(e, Measure.MatchmakingEvents)),
            list.Count(e => Contributes(e, Measure.BankEnterpriseEvents)),
            list.Count(e => Contributes(e, Measure.FinanceLectureEvents)));
    }

    public static IReadOnlyList<FunctionVolume> Volumes(IReadOnlyCollection<EntryFact> entries, int year) =>
        ServiceFunctions.All.Select(f => Volume(entries, f, year)).ToList();

    /// <summary>The entries behind one number (function null = all functions).</summary>
    public static IReadOnlyList<EntryFact> Behind(IEnumerable<EntryFact> entries, ServiceFunction? function, Measure measure, int year) =>
        entries.Where(e => InYear(e, year) && (function is null || e.Function == function) && Contributes(e, measure))
            .OrderBy(e => e.Date).ThenBy(e => e.Id).ToList();

    /// <summary>
    /// 公益性服务或低收费服务占总服务量的比例 (昆明办法第六条第（六）项; 西藏示范平台 二（一）). Volume is counted in
    /// 家次 — one per enterprise per entry — because that is how the documents count service to enterprises.
    /// </summary>
    public static FeeShare FreeOrLowFeeShare(IEnumerable<EntryFact> entries, int year)
    {
        var list = entries.Where(e => InYear(e, year)).ToList();
        return new FeeShare(
            list.Where(e => e.Fee is FeeClass.Free or FeeClass.LowFee).Sum(e => e.Participants.Count),
            list.Sum(e => e.Participants.Count));
    }

    /// <summary>
    /// Free/low-fee 家次 of the given resident enterprises in the year. Only a resident's size is recorded, so service to
    /// small/micro enterprises counts the resident small/micro ones (a lower bound).
    /// </summary>
    public static int FreeOrLowFeeVisitsTo(IEnumerable<EntryFact> entries, IReadOnlySet<Guid> residentIds, int year) =>
        entries.Where(e => InYear(e, year) && e.Fee is FeeClass.Free or FeeClass.LowFee)
            .Sum(e => e.Participants.Count(p => p.ResidentId is { } id && residentIds.Contains(id)));

    /// <summary>Enterprises served in the year across all functions (distinct).</summary>
    public static int EnterprisesServed(IEnumerable<EntryFact> entries, int year) =>
        entries.Where(e => InYear(e, year)).SelectMany(e => e.Participants).Select(p => p.Key).Distinct().Count();

    public static SatisfactionRate Satisfaction(IEnumerable<SatisfactionAnswer> answers)
    {
        var list = answers.ToList();
        return new SatisfactionRate(list.Count(a => a.Satisfied), list.Count);
    }

    /// <summary>Residents on a date; employees are the figures recorded for that date's year.</summary>
    public static ResidentSnapshot Residents(IEnumerable<ResidentFact> residents, DateOnly date)
    {
        var present = residents.Where(r => r.ResidentOn(date)).ToList();
        int Employees(IEnumerable<ResidentFact> rs) => rs.Sum(r => r.For(date.Year)?.Employees ?? 0);
        return new ResidentSnapshot(
            date, present.Count, present.Count(r => r.IsSmallOrMicro), present.Count(r => r.InLeadingIndustry),
            Employees(present), Employees(present.Where(r => r.IsSmallOrMicro)));
    }

    /// <summary>Year-end snapshot of small/micro residents, their employees and innovation outcomes of that year.</summary>
    public static (int SmallMicro, int Employees, int Innovation) YearEnd(IEnumerable<ResidentFact> residents, int year)
    {
        var date = new DateOnly(year, 12, 31);
        var present = residents.Where(r => r.ResidentOn(date) && r.IsSmallOrMicro).ToList();
        return (present.Count, present.Sum(r => r.For(year)?.Employees ?? 0), present.Sum(r => r.For(year)?.InnovationOutcomes ?? 0));
    }

    /// <summary>(current − previous) / previous × 100, truncated to two decimals; null when previous is 0.</summary>
    public static decimal? Growth(decimal previous, decimal current) =>
        previous == 0 ? null : Math.Truncate((current - previous) * 10000m / previous) / 100m;

    public static StaffRatio Staff(IEnumerable<StaffFact> staff, QualificationRule rule)
    {
        var fullTime = staff.Where(s => s.FullTime).ToList();
        return new StaffRatio(fullTime.Count, fullTime.Count(rule.Qualifies), staff.Count(s => s.Mentor));
    }
}
