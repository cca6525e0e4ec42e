namespace Exemplar.Domain.Calendar;

/// <summary>
/// Identifies a reminder that was sent. The due date is part of it, so if recomputation moves a due date
/// (a provisional date becoming final) the new date is reminded afresh.
/// </summary>
public readonly record struct ReminderKey(string ObligationKey, DateOnly DueDate, int LeadDays);

/// <summary>
/// A reminder to send now at <see cref="LeadDays"/> days before the due date. Record every key in
/// <see cref="KeysToRecord"/> as sent: when several lead times have passed at once (the job was down), only the
/// most urgent one is sent and the earlier ones are marked as covered.
/// </summary>
public sealed record Reminder(Obligation Obligation, int LeadDays, int DaysLeft, IReadOnlyList<ReminderKey> KeysToRecord)
{
    public ReminderKey Key => new(Obligation.Key, Obligation.DueDate, LeadDays);

    /// <summary>e.g. "距截止还有7天：报送2025年度工作总结（每年1月底前）".</summary>
    public string Text => (DaysLeft == 0 ? "今天截止：" : $"距截止还有{DaysLeft}天：") + Obligation.Title +
        (Obligation.IsProvisional ? "（截止日期为暂定，待节假日安排公布后确认）" : string.Empty);
}

public enum ObligationStatus
{
    Upcoming,
    DueToday,
    Overdue,
    Done,
}

public static class ReminderSelector
{
    /// <summary>
    /// Reminders to send on <paramref name="today"/> (the Asia/Shanghai date, see <see cref="ChinaDate.At"/>):
    /// for each obligation not yet done and not overdue, the smallest lead time L with today ≥ due − L, unless that
    /// reminder was already sent. Never returns a key in <paramref name="alreadySent"/>, nor one obligation twice.
    /// </summary>
    public static IReadOnlyList<Reminder> SelectDue(
        IEnumerable<Obligation> obligations,
        IEnumerable<int> leadDays,
        IReadOnlySet<ReminderKey> alreadySent,
        DateOnly today,
        IReadOnlySet<string>? done = null)
    {
        var leads = leadDays.Where(l => l >= 0).Distinct().Order().ToList();
        var result = new List<Reminder>();
        foreach (var o in obligations.DistinctBy(o => o.Key))
        {
            if (done?.Contains(o.Key) == true)
            {
                continue;
            }
            var daysLeft = o.DueDate.DayNumber - today.DayNumber;
            var reached = leads.Where(l => daysLeft >= 0 && daysLeft <= l).ToList();
            if (reached.Count == 0)
            {
                continue;
            }
            var mostUrgent = new ReminderKey(o.Key, o.DueDate, reached[0]);
            if (alreadySent.Contains(mostUrgent))
            {
                continue;
            }
            var keys = reached.Select(l => new ReminderKey(o.Key, o.DueDate, l)).Where(k => !alreadySent.Contains(k)).ToList();
            result.Add(new Reminder(o, reached[0], daysLeft, keys));
        }
        return result;
    }

    public static ObligationStatus StatusOn(Obligation obligation, DateOnly today, IReadOnlySet<string>? done = null) =>
        done?.Contains(obligation.Key) == true ? ObligationStatus.Done
        : today > obligation.DueDate ? ObligationStatus.Overdue
        : today == obligation.DueDate ? ObligationStatus.DueToday
        : ObligationStatus.Upcoming;

    /// <summary>Obligations past their due date (the due date itself is still in time) and not done, oldest first.</summary>
    public static IReadOnlyList<Obligation> Overdue(IEnumerable<Obligation> obligations, DateOnly today, IReadOnlySet<string>? done = null) =>
        [.. obligations.Where(o => StatusOn(o, today, done) == ObligationStatus.Overdue).OrderBy(o => o.DueDate)];

    /// <summary>Not done, not overdue, due within <paramref name="horizonDays"/> days, soonest first.</summary>
    public static IReadOnlyList<Obligation> Upcoming(IEnumerable<Obligation> obligations, DateOnly today, int horizonDays, IReadOnlySet<string>? done = null) =>
        [.. obligations.Where(o => StatusOn(o, today, done) is ObligationStatus.Upcoming or ObligationStatus.DueToday
                && o.DueDate.DayNumber - today.DayNumber <= horizonDays
                && (o.OpensOn is not { } opens || opens <= today || o.Kind != ObligationKind.PolicyExpiry))
            .OrderBy(o => o.DueDate)];
}
