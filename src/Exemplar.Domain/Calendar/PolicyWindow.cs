namespace Exemplar.Domain.Calendar;

/// <summary>
/// When a policy text is in force: from <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/>, both days included
/// (聊城：自2021年12月4日起施行，有效期至2026年12月3日). No <see cref="EffectiveTo"/> means open-ended.
/// </summary>
public sealed record PolicyWindow(DateOnly EffectiveFrom, DateOnly? EffectiveTo)
{
    public bool IsInForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is not { } to || date <= to);

    /// <summary>True from the day after <see cref="EffectiveTo"/>.</summary>
    public bool HasLapsedBy(DateOnly date) => EffectiveTo is { } to && date > to;

    /// <summary>
    /// True while in force and at most <paramref name="leadDays"/> days before the last day in force
    /// (an administrator sets the lead; 0 means only on the last day itself).
    /// </summary>
    public bool IsAboutToLapse(DateOnly date, int leadDays) =>
        EffectiveTo is { } to && IsInForceOn(date) && to.DayNumber - date.DayNumber <= leadDays;

    /// <summary>
    /// Whether a programme may open a new call on <paramref name="date"/>: some version of its policy must be in
    /// force that day. After a version's expiry no new call is accepted until a successor version is entered.
    /// </summary>
    public static bool AcceptsNewCall(IEnumerable<PolicyWindow> versions, DateOnly date) => versions.Any(v => v.IsInForceOn(date));
}
