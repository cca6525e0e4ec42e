namespace Exemplar.Domain.Ledger;

public enum AnomalyKind
{
    /// <summary>重复录入: same function, date, place, form, participants and person count.</summary>
    DuplicateEntry = 1,
    /// <summary>同一企业同日同一服务重复计数.</summary>
    SameEnterpriseSameDay = 2,
    /// <summary>服务日期不在企业入驻期内.</summary>
    OutsideResidency = 3,
    /// <summary>人数不合理: fewer persons than enterprises, or more than <see cref="LedgerAnomalies.MaxPlausiblePersons"/>.</summary>
    ImplausibleHeadCount = 4,
    /// <summary>缺少企业反馈.</summary>
    MissingFeedback = 5,
    /// <summary>入驻企业有异议: the enterprise the entry counts says, through its personal link, it did not take place as recorded.</summary>
    DisputedByEnterprise = 6,
}

/// <summary>A resident enterprise's dispute of one entry that counts it, with its reason.</summary>
public sealed record DisputeFact(Guid EntryId, ServiceFunction Function, DateOnly Date, string EnterpriseName, string Reason);

/// <summary>An anomaly of the ledger, with the service date it concerns.</summary>
public sealed record Anomaly(AnomalyKind Kind, IReadOnlyList<Guid> EntryIds, string Message, DateOnly Date = default);

public static class LedgerAnomalies
{
    public const int MaxPlausiblePersons = 5000;

    /// <summary>
    /// How much an anomaly distorts the figures, most first: the enterprise itself denies the service; a duplicate counts a service twice, a repeated count inflates
    /// 家次, a date outside the residency counts a non-resident, an implausible head-count distorts 人次; missing
    /// feedback distorts nothing.
    /// </summary>
    public static int Severity(AnomalyKind k) => k switch
    {
        AnomalyKind.DisputedByEnterprise => 6,
        AnomalyKind.DuplicateEntry => 5,
        AnomalyKind.SameEnterpriseSameDay => 4,
        AnomalyKind.OutsideResidency => 3,
        AnomalyKind.ImplausibleHeadCount => 2,
        _ => 1,
    };

    /// <summary>Most severe first, then by service date (latest first).</summary>
    public static IReadOnlyList<Anomaly> BySeverityThenDate(IEnumerable<Anomaly> anomalies) =>
        anomalies.OrderByDescending(a => Severity(a.Kind)).ThenByDescending(a => a.Date).ThenBy(a => a.Message, StringComparer.Ordinal).ToList();

    public static string Label(AnomalyKind k) => k switch
    {
        AnomalyKind.DuplicateEntry => "疑似重复录入",
        AnomalyKind.SameEnterpriseSameDay => "同一企业同日同一服务重复计数",
        AnomalyKind.OutsideResidency => "服务日期不在企业入驻期内",
        AnomalyKind.ImplausibleHeadCount => "人数不合理",
        AnomalyKind.MissingFeedback => "缺少企业反馈",
        AnomalyKind.DisputedByEnterprise => "入驻企业有异议",
        _ => k.ToString(),
    };

    /// <summary>
    /// The anomalies of the given entries (the metrics page passes one year's). The SQL of the metrics page
    /// (<c>LedgerAnomaliesQuery</c>) finds the same ones with the same constructors below, tested to agree.
    /// </summary>
    public static IReadOnlyList<Anomaly> Find(IReadOnlyCollection<EntryFact> entries, IReadOnlyCollection<ResidentFact> residents)
    {
        var result = new List<Anomaly>();
        // The participants' keys joined with NUL, which no stored name can hold: equal strings mean the same participants.
        foreach (var g in entries.GroupBy(e => (e.Function, e.Date, Place: e.Place.Trim(), e.Form, e.PersonCount,
                     Parts: string.Join("\0", e.Participants.Select(p => p.Key).Order(StringComparer.Ordinal)))).Where(g => g.Count() > 1))
        {
            result.Add(Duplicate(g.Key.Function, g.Key.Date, g.Key.Place, Ids(g)));
        }

        var participations = entries.SelectMany(e => e.Participants.Select(p => (Entry: e, Participant: p)));
        foreach (var g in participations.GroupBy(x => (x.Entry.Function, x.Entry.Date, x.Participant.Key))
                     .Where(g => g.Select(x => x.Entry.Id).Distinct().Count() > 1))
        {
            result.Add(CountedTwice(g.Key.Function, g.Key.Date, g.First().Participant.Name, g.Count(), g.Select(x => x.Entry.Id).Distinct().ToList()));
        }

        var byId = residents.ToDictionary(r => r.Id);
        foreach (var e in entries)
        {
            foreach (var p in e.Participants)
            {
                if (p.ResidentId is { } id && byId.TryGetValue(id, out var r) && !r.ResidentOn(e.Date))
                    result.Add(OutsideResidency(e.Id, e.Date, r));
            }

            if (HeadCount(e.Id, e.Date, e.PersonCount, e.Participants.Count) is { } headCount) result.Add(headCount);
            if (!e.HasFeedback) result.Add(MissingFeedback(e.Id, e.Date, e.Function));
        }
        return result;
    }

    /// <summary>Entries with the same function, date, place, form, person count and participants (<paramref name="ids"/>, two or more).</summary>
    public static Anomaly Duplicate(ServiceFunction function, DateOnly date, string place, IReadOnlyList<Guid> ids) =>
        new(AnomalyKind.DuplicateEntry, ids, $"{ServiceFunctions.Label(function)} {Format(date)} 在“{place}”有 {ids.Count} 条内容相同的记录", date);

    /// <summary>An enterprise counted <paramref name="times"/> times on one day in one function, by two or more entries.</summary>
    public static Anomaly CountedTwice(ServiceFunction function, DateOnly date, string enterprise, int times, IReadOnlyList<Guid> ids) =>
        new(AnomalyKind.SameEnterpriseSameDay, ids, $"“{enterprise}”于 {Format(date)} 在{ServiceFunctions.Label(function)}中被计数 {times} 次", date);

    /// <summary>A resident counted on a day outside its residency.</summary>
    public static Anomaly OutsideResidency(Guid entryId, DateOnly date, ResidentFact r)
    {
        var period = $"{Format(r.EntryDate)}至{(r.ExitDate is { } x ? Format(x) : "今")}";
        return new Anomaly(AnomalyKind.OutsideResidency, [entryId], $"“{r.Name}”入驻期为{period}，服务日期 {Format(date)} 不在其中", date);
    }

    /// <summary>More persons than <see cref="MaxPlausiblePersons"/>, or fewer than participating enterprises; null when plausible.</summary>
    public static Anomaly? HeadCount(Guid entryId, DateOnly date, int persons, int participants) =>
        persons > MaxPlausiblePersons ? new Anomaly(AnomalyKind.ImplausibleHeadCount, [entryId], $"人数 {persons} 超过 {MaxPlausiblePersons}", date)
        : persons < participants ? new Anomaly(AnomalyKind.ImplausibleHeadCount, [entryId], $"人数 {persons} 少于参与企业数 {participants}", date)
        : null;

    public static Anomaly MissingFeedback(Guid entryId, DateOnly date, ServiceFunction function) =>
        new(AnomalyKind.MissingFeedback, [entryId], $"{Format(date)} {ServiceFunctions.Label(function)} 未记录企业反馈", date);

    /// <summary>One anomaly per disputed participation, naming the enterprise and quoting its reason.</summary>
    public static IReadOnlyList<Anomaly> Disputes(IEnumerable<DisputeFact> disputes) =>
        [.. disputes.Select(d => new Anomaly(AnomalyKind.DisputedByEnterprise, [d.EntryId],
            $"“{d.EnterpriseName}”对 {Format(d.Date)} {ServiceFunctions.Label(d.Function)} 的记录有异议：{d.Reason}", d.Date))];

    private static IReadOnlyList<Guid> Ids(IEnumerable<EntryFact> es) => es.Select(e => e.Id).ToList();

    private static string Format(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
