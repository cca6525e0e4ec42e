namespace Exemplar.Domain.Calendar;

/// <summary>
/// One holiday of a State Council notice: its name (元旦, 春节, 国庆节、中秋节 …), the days off as the notice
/// states them, and the adjusted working days (调休上班, normally a Saturday or Sunday).
/// </summary>
public sealed record StatutoryHoliday(string Name, IReadOnlyList<DateRange> OffDays, IReadOnlyList<DateOnly> AdjustedWorkingDays);
