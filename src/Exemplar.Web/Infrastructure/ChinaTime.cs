namespace Exemplar.Web.Infrastructure;

/// <summary>Calendar dates in this product are Asia/Shanghai dates.</summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The Asia/Shanghai calendar day of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset t) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, Zone).DateTime);

    public static string Format(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    public static string Format(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, Zone).ToString("yyyy年M月d日 HH:mm:ss");
}
