namespace Exemplar.Domain.Calendar;

/// <summary>A number of working days; provisional if any day counted is not decided by a notice yet.</summary>
public readonly record struct WorkingDayCount(int Count, bool IsProvisional);
