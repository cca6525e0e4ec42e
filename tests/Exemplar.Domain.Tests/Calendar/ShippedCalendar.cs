using Exemplar.Domain.Calendar;

namespace Exemplar.Domain.Tests.Calendar;

/// <summary>The calendar file the product ships, copied next to the test assembly.</summary>
internal static class ShippedCalendar
{
    private static readonly Lazy<HolidayCalendar> Loaded = new(() =>
        HolidayCalendarJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "calendar", "cn-holidays.json"))));

    public static HolidayCalendar Instance => Loaded.Value;

    public static DateOnly D(int y, int m, int d) => new(y, m, d);
}
