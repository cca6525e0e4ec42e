namespace Exemplar.Web.Features.Calendar;

/// <summary>
/// Lead times an administrator sets (one row, <see cref="SingletonId"/>): how many days before a policy text
/// lapses its designating authority is warned, and how many days before a due date reminders are sent.
/// </summary>
public sealed class CalendarSettings
{
    public const int SingletonId = 1;
    public const int MaxLeadDays = 365;
    public static readonly int[] DefaultReminderLeadDays = [30, 7, 1];
    public const int DefaultPolicyLapseLeadDays = 30;

    public int Id { get; init; } = SingletonId;
    public int PolicyLapseLeadDays { get; set; } = DefaultPolicyLapseLeadDays;
    public int[] ReminderLeadDays { get; set; } = [.. DefaultReminderLeadDays];
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public uint Version { get; set; }

    /// <summary>Every problem with the values, in Chinese (empty when valid): positive, at most 365, distinct.</summary>
    public static List<string> Validate(int policyLapseLeadDays, IReadOnlyList<int> reminderLeadDays)
    {
        var errors = new List<string>();
        if (policyLapseLeadDays is < 1 or > MaxLeadDays)
            errors.Add($"办法失效提前提示天数应在1至{MaxLeadDays}之间。");
        if (reminderLeadDays.Count == 0) errors.Add("请至少填写一个提醒提前天数。");
        if (reminderLeadDays.Count > 10) errors.Add("提醒提前天数最多10个。");
        foreach (var d in reminderLeadDays.Where(d => d is < 1 or > MaxLeadDays).Distinct())
            errors.Add($"提醒提前天数{d}无效：应在1至{MaxLeadDays}之间。");
        foreach (var d in reminderLeadDays.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key))
            errors.Add($"提醒提前天数{d}重复填写。");
        return errors;
    }
}
