using Exemplar.Domain.Calendar;
using static Exemplar.Domain.Tests.Calendar.ShippedCalendar;

namespace Exemplar.Domain.Tests.Calendar;

public class HolidayCalendarTests
{
    private static readonly HolidayCalendar Calendar = Instance;

    [Theory]
    [InlineData(2024, 2, 10, DayKind.StatutoryHoliday, "春节", "星期六")]
    [InlineData(2024, 2, 18, DayKind.AdjustedWorkingDay, "春节", "星期日")]
    [InlineData(2025, 10, 8, DayKind.StatutoryHoliday, "国庆节、中秋节", "星期三")]
    [InlineData(2025, 10, 11, DayKind.AdjustedWorkingDay, "国庆节、中秋节", "星期六")]
    [InlineData(2018, 12, 29, DayKind.AdjustedWorkingDay, "元旦", "星期六")] // listed in the 2019 notice
    [InlineData(2018, 12, 31, DayKind.StatutoryHoliday, "元旦", "星期一")]
    [InlineData(2020, 2, 1, DayKind.StatutoryHoliday, "春节", "星期六")] // COVID-19 extension cancelled the working Saturday
    [InlineData(2025, 9, 26, DayKind.Workday, null, "星期五")]
    [InlineData(2025, 9, 27, DayKind.Weekend, null, "星期六")]
    public void ClassifiesNamedDays(int y, int m, int d, DayKind kind, string? holiday, string weekday)
    {
        var info = Calendar.Classify(D(y, m, d));
        Assert.Equal(kind, info.Kind);
        Assert.Equal(holiday, info.HolidayName);
        Assert.Equal(weekday, info.Weekday);
        Assert.False(info.IsProvisional);
    }

    [Fact]
    public void ReasonAndDescriptionAreChinese()
    {
        Assert.Equal("调休上班（春节）", Calendar.Classify(D(2026, 2, 28)).Reason);
        Assert.Equal("2025年10月1日 星期三 法定节假日（国庆节、中秋节）", Calendar.Classify(D(2025, 10, 1)).Describe());
    }

    [Fact]
    public void UncoveredYearIsComputedMondayToFridayButFlagged()
    {
        var friday = Calendar.Classify(D(2027, 1, 1));
        Assert.True(friday.IsProvisional);
        Assert.True(friday.IsWorkingDay);
        Assert.Contains("尚未录入", friday.Describe());
        Assert.True(Calendar.Classify(D(2027, 1, 2)).IsDayOff);
    }

    [Fact]
    public void LateDecemberStaysProvisionalUntilTheNextNoticeIsEntered()
    {
        // The 2027 notice could still list late-December 2026 days, as the 2019 notice did for 2018-12-29.
        Assert.False(Calendar.Classify(D(2026, 12, 21)).IsProvisional);
        Assert.True(Calendar.Classify(D(2026, 12, 22)).IsProvisional);
        Assert.False(Calendar.Classify(D(2025, 12, 31)).IsProvisional);
        Assert.True(Calendar.WithNotice(TestNotices.Hypothetical2027).Classify(D(2026, 12, 31)) is { IsProvisional: false });
    }

    [Fact]
    public void WithNoticeReturnsANewCalendarAndKeepsTheOld()
    {
        var updated = Calendar.WithNotice(TestNotices.Hypothetical2027);
        Assert.True(updated.Covers(2027));
        Assert.False(Calendar.Covers(2027));
        Assert.Equal(DayKind.StatutoryHoliday, updated.Classify(D(2027, 1, 1)).Kind);
        Assert.False(updated.WithoutYear(2027).Covers(2027));
    }
}

internal static class TestNotices
{
    /// <summary>An invented 2027 arrangement for tests only (no 2027 notice exists in the data).</summary>
    public static readonly HolidayNotice Hypothetical2027 = new(2027, "（测试用）2027年部分节假日安排", null,
    [
        new StatutoryHoliday("元旦", [new DateRange(D(2027, 1, 1), D(2027, 1, 3))], []),
        new StatutoryHoliday("春节", [new DateRange(D(2027, 2, 5), D(2027, 2, 12))], [D(2027, 2, 20)]),
    ]);
}
