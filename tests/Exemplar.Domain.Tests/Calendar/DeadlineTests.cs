using Exemplar.Domain.Calendar;
using static Exemplar.Domain.Tests.Calendar.ShippedCalendar;

namespace Exemplar.Domain.Tests.Calendar;

public class DeadlineTests
{
    [Theory]
    [InlineData("每年1月底前", 2026, "2026-01-31")]
    [InlineData("1月10日前", 2026, "2026-01-10")]
    [InlineData("2月底", 2024, "2024-02-29")]
    [InlineData("2月底前", 2025, "2025-02-28")]
    [InlineData("每年 1月20日 前", 2024, "2024-01-20")]
    public void AnnualDeadlinesParseAndResolve(string text, int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AnnualDeadline.Parse(text).DateIn(year));
    }

    [Theory]
    [InlineData("13月底")]
    [InlineData("2月30日")]
    [InlineData("一月底")]
    public void InvalidDeadlinesAreRejected(string text) => Assert.False(AnnualDeadline.TryParse(text, out _));

    [Fact]
    public void DeadlineOnAWeekendStaysAsWrittenAndSaysItIsADayOff()
    {
        // 每年1月底前 in 2026: Saturday 2026-01-31 — not moved to Monday 2026-02-02.
        var due = AnnualDeadline.EndOf(1).DateIn(2026);
        var day = Instance.Classify(due);
        Assert.Equal(D(2026, 1, 31), due);
        Assert.Equal("星期六", day.Weekday);
        Assert.True(day.IsDayOff);
        // 1月10日 2026 is a Saturday too; 2月底 2026 is a Saturday made a working day (春节调休).
        Assert.True(Instance.Classify(AnnualDeadline.On(1, 10).DateIn(2026)).IsDayOff);
        Assert.Equal(DayKind.AdjustedWorkingDay, Instance.Classify(AnnualDeadline.EndOf(2).DateIn(2026)).Kind);
    }

    [Theory]
    [InlineData("2020-02-29", 3, "2023-02-28")] // no 29 February in 2023: last day of the month (民法典第二百零二条)
    [InlineData("2020-02-29", 4, "2024-02-29")]
    [InlineData("2022-10-08", 3, "2025-10-08")]
    [InlineData("2021-12-31", 5, "2026-12-31")]
    public void ValidityEndsOnTheCorrespondingDay(string announced, int years, string lastDay)
    {
        var v = new ValidityPeriod(DateOnly.Parse(announced, System.Globalization.CultureInfo.InvariantCulture), years);
        var last = DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(last, v.LastDay);
        Assert.True(v.IsValidOn(last));
        Assert.True(v.IsValidOn(v.AnnouncedOn));
        Assert.False(v.IsValidOn(last.AddDays(1)));
        Assert.True(v.HasExpiredBy(last.AddDays(1)));
        Assert.Equal(last.Year, v.ExpiryYear);
    }

    [Fact]
    public void LiaochengPolicyWindowIsInclusive()
    {
        var window = new PolicyWindow(D(2021, 12, 4), D(2026, 12, 3));
        Assert.False(window.IsInForceOn(D(2021, 12, 3)));
        Assert.True(window.IsInForceOn(D(2021, 12, 4)));
        Assert.True(window.IsInForceOn(D(2026, 12, 3)));
        Assert.False(window.IsInForceOn(D(2026, 12, 4)));
        Assert.True(window.HasLapsedBy(D(2026, 12, 4)));
        Assert.False(window.HasLapsedBy(D(2026, 12, 3)));
    }

    [Fact]
    public void LapseWarningStartsAtTheLeadTime()
    {
        var window = new PolicyWindow(D(2021, 12, 4), D(2026, 12, 3));
        Assert.False(window.IsAboutToLapse(D(2026, 10, 3), 60));
        Assert.True(window.IsAboutToLapse(D(2026, 10, 4), 60));
        Assert.True(window.IsAboutToLapse(D(2026, 12, 3), 60));
        Assert.False(window.IsAboutToLapse(D(2026, 12, 4), 60)); // lapsed, no longer "about to"
        Assert.False(new PolicyWindow(D(2022, 10, 8), null).IsAboutToLapse(D(2030, 1, 1), 365));
    }

    [Fact]
    public void NoNewCallAfterExpiryUntilASuccessorIsEntered()
    {
        var first = new PolicyWindow(D(2021, 12, 4), D(2026, 12, 3));
        Assert.True(PolicyWindow.AcceptsNewCall([first], D(2026, 12, 3)));
        Assert.False(PolicyWindow.AcceptsNewCall([first], D(2026, 12, 4)));
        var successor = new PolicyWindow(D(2027, 1, 1), null);
        Assert.False(PolicyWindow.AcceptsNewCall([first, successor], D(2026, 12, 20)));
        Assert.True(PolicyWindow.AcceptsNewCall([first, successor], D(2027, 1, 1)));
    }

    [Fact]
    public void ChinaDateUsesUtcPlusEight()
    {
        Assert.Equal(D(2026, 1, 1), ChinaDate.At(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(D(2025, 12, 31), ChinaDate.At(new DateTimeOffset(2025, 12, 31, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal("2026年11月21日", ChinaDate.Format(D(2026, 11, 21)));
    }
}
