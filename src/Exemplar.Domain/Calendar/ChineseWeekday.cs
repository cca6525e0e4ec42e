namespace Exemplar.Domain.Calendar;

public static class ChineseWeekday
{
    private static readonly string[] Names = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    /// <summary>星期一 … 星期日.</summary>
    public static string Of(DayOfWeek day) => Names[(int)day];

    public static string Of(DateOnly date) => Of(date.DayOfWeek);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
