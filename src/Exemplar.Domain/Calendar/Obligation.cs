namespace Exemplar.Domain.Calendar;

/// <summary>
/// Something a party must do by <see cref="DueDate"/> (inclusive). <see cref="Key"/> is stable across recomputation
/// and identifies the obligation for reminders and for comparing before/after a calendar change.
/// <see cref="IsProvisional"/> is true when the due date or its day-off status rests on a year no notice covers
/// yet; show it with a warning. <see cref="OpensOn"/> is when the obligation becomes relevant, where that matters.
/// </summary>
public sealed record Obligation(
    string Key,
    ObligationKind Kind,
    ObligationParty Party,
    string Title,
    DateOnly DueDate,
    bool IsProvisional,
    string Citation,
    DayInfo DueDay,
    DateOnly? OpensOn = null)
{
    /// <summary>e.g. "截止2026年1月31日 星期六 周末".</summary>
    public string DueText => "截止" + DueDay.Describe();
}
