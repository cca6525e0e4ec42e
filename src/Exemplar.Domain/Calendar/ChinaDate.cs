namespace Exemplar.Domain.Calendar;

public static class ChinaDate
{
    /// <summary>China Standard Time, UTC+8 all year (no daylight saving since 1991).</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The calendar date in Asia/Shanghai at <paramref name="instant"/> (pass TimeProvider.GetUtcNow()).</summary>
    public static DateOnly At(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>2026年11月21日.</summary>
    public static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
