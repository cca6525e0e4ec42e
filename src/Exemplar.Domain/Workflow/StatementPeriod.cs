using Exemplar.Domain.Calendar;

namespace Exemplar.Domain.Workflow;

/// <summary>
/// The period in which a base may state its case (陈述申辩) against a proposed revocation. The seeds give none, so the
/// designating authority sets it in days (<see cref="DefaultDays"/> unless it says otherwise); it runs from delivery
/// (送达): the day of delivery is not counted, and a period ending on a day off ends on the next working day
/// (民法典第二百零一条、第二百零三条).
/// </summary>
public static class StatementPeriod
{
    public const int DefaultDays = 7;
    public const int MinDays = 3;
    public const int MaxDays = 30;

    public static string? DaysProblem(int? days) => days is not { } d
        ? "请填写陈述申辩期限（天）。"
        : d < MinDays || d > MaxDays ? $"陈述申辩期限应为{MinDays}至{MaxDays}天。" : null;

    /// <summary>The last day a statement is in time, for a notice delivered on <paramref name="deliveredOn"/>.</summary>
    public static ComputedDate LastDay(DateOnly deliveredOn, int days, HolidayCalendar calendar) =>
        calendar.WorkingDayOnOrAfter(deliveredOn.AddDays(days));
}
