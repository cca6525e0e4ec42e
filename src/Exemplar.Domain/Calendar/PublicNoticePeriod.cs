namespace Exemplar.Domain.Calendar;

/// <summary>
/// A public notice (公示) of <see cref="WorkingDays"/> working days: from <see cref="Start"/> (the first working day,
/// counted as day 1) to the end of <see cref="End"/> (the last working day, inclusive).
/// </summary>
public sealed record PublicNoticePeriod(DateOnly PublishedOn, DateOnly Start, DateOnly End, int WorkingDays, bool IsProvisional)
{
    /// <summary>True while the notice is running on <paramref name="date"/> (start and end day included).</summary>
    public bool IsRunningOn(DateOnly date) => date >= Start && date <= End;

    public bool HasEndedBy(DateOnly date) => date > End;
}
