namespace Exemplar.Domain.Calendar;

/// <summary>
/// Whether an annual filing (工作总结, 检查情况报告) came in time. The texts write the deadline as a calendar day
/// (每年1月10日前, 每年1月底前) with no working-day count, so lateness is counted in calendar days after the due day; the
/// due day itself is in time (<see cref="AnnualDeadline.DateIn"/> is inclusive). A late filing is accepted and marked.
/// </summary>
public sealed record FilingTimeliness(DateOnly DueDate, DateOnly FiledOn)
{
    /// <summary>Calendar days after the due date; 0 when filed on or before it.</summary>
    public int DaysLate => Math.Max(0, FiledOn.DayNumber - DueDate.DayNumber);

    public bool IsLate => DaysLate > 0;

    /// <summary>"按期提交" or "逾期3天提交".</summary>
    public string Describe() => IsLate ? $"逾期{DaysLate}天提交" : "按期提交";

    /// <summary>
    /// The due date of the filing on <paramref name="reportedYear"/> (上一年度): the deadline in the following year.
    /// </summary>
    public static DateOnly DueFor(AnnualDeadline deadline, int reportedYear) => deadline.DateIn(reportedYear + 1);

    /// <summary>Days overdue on <paramref name="today"/> of a filing not yet made (0 while not overdue).</summary>
    public static int DaysOverdue(DateOnly dueDate, DateOnly today) => Math.Max(0, today.DayNumber - dueDate.DayNumber);
}
