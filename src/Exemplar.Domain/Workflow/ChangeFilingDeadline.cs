using Exemplar.Domain.Calendar;
using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Workflow;

/// <summary>
/// When a change filing (重大变更备案) is due and how late it came: the policy's working days counted from the event the
/// text names (聊城第十五条、昆明第十九条 变更完成后 10 个工作日; 北京第十七条 发生变更后 30 个工作日), the event day itself
/// not counted, on the product's working-day calendar; <see cref="DaysLate"/> in calendar days after the due date.
/// </summary>
public sealed record ChangeFilingDue(DateOnly EventOn, DateOnly DueOn, bool IsProvisional, DateOnly FiledOn, int DaysLate)
{
    public bool IsLate => DaysLate > 0;
}

public static class ChangeFilingDeadline
{
    /// <summary>The kind a filing names when the text's list ends in 等 and the change is none of those listed.</summary>
    public const string Other = "其他";

    public static ChangeFilingDue Compute(ChangeFilingRule rule, DateOnly eventOn, DateOnly filedOn, HolidayCalendar calendar)
    {
        var due = calendar.WithinWorkingDaysAfter(eventOn, rule.WorkingDays);
        return new(eventOn, due.Date, due.IsProvisional, filedOn, Math.Max(0, filedOn.DayNumber - due.Date.DayNumber));
    }

    /// <summary>The kinds a base may choose: the text's list, and 其他 where it ends in 等.</summary>
    public static IReadOnlyList<string> Kinds(ChangeFilingRule rule) => rule.OpenEnded ? [.. rule.MajorChanges, Other] : rule.MajorChanges;

    /// <summary>A Chinese sentence when <paramref name="kind"/> is not a change the text lists (null when it is).</summary>
    public static string? KindProblem(ChangeFilingRule rule, string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind)) return "请选择变更事项类别。";
        return Kinds(rule).Contains(kind.Trim())
            ? null
            : $"“{(kind.Length > 20 ? kind[..20] + "…" : kind)}”不是{rule.Citation}所列的重大变更事项（可选：{string.Join("、", Kinds(rule))}）。";
    }
}
