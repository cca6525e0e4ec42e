namespace Exemplar.Domain.Calendar;

public enum DayKind
{
    /// <summary>An ordinary Monday–Friday.</summary>
    Workday,
    /// <summary>An ordinary Saturday or Sunday.</summary>
    Weekend,
    /// <summary>A day off under a State Council notice (法定节假日及调休休息日).</summary>
    StatutoryHoliday,
    /// <summary>A Saturday or Sunday that a notice makes a working day (调休上班).</summary>
    AdjustedWorkingDay,
}
