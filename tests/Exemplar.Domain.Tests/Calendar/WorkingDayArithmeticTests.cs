using Exemplar.Domain.Calendar;
using static Exemplar.Domain.Tests.Calendar.ShippedCalendar;

namespace Exemplar.Domain.Tests.Calendar;

public class WorkingDayArithmeticTests
{
    private static readonly HolidayCalendar Calendar = Instance;

    [Fact]
    public void FifteenDayNoticePublishedBeforeNationalDay2025EndsOnOctober22()
    {
        // 9/26(1) 9/28 Sun 调休(2) 9/29(3) 9/30(4) | 10/1–10/8 off | 10/9(5) 10/10(6) 10/11 Sat 调休(7)
        // 10/13(8) 10/14(9) 10/15(10) 10/16(11) 10/17(12) 10/20(13) 10/21(14) 10/22(15)
        var notice = Calendar.PublicNotice(D(2025, 9, 26), 15);
        Assert.Equal(D(2025, 9, 26), notice.Start);
        Assert.Equal(D(2025, 10, 22), notice.End);
        Assert.False(notice.IsProvisional);
    }

    [Fact]
    public void ChangeCompletedBeforeNationalDay2025MustBeFiledByOctober16()
    {
        // 9/28 Sun 调休(1) 9/29(2) 9/30(3) | off | 10/9(4) 10/10(5) 10/11 Sat 调休(6) 10/13(7) 10/14(8) 10/15(9) 10/16(10)
        Assert.Equal(new ComputedDate(D(2025, 10, 16), false), Calendar.WithinWorkingDaysAfter(D(2025, 9, 26), 10));
    }

    [Fact]
    public void SevenDayNoticeAcrossSpringFestival2024()
    {
        // 2/8(1) 2/9(2) | 2/10–2/17 off | 2/18 Sun 调休(3) 2/19(4) 2/20(5) 2/21(6) 2/22(7)
        Assert.Equal(D(2024, 2, 22), Calendar.PublicNotice(D(2024, 2, 8), 7).End);
    }

    [Fact]
    public void TenWorkingDaysAcrossSpringFestival2025()
    {
        // 1/26 Sun 调休(1) 1/27(2) | 1/28–2/4 off | 2/5(3) 2/6(4) 2/7(5) 2/8 Sat 调休(6) 2/10(7) 2/11(8) 2/12(9) 2/13(10)
        Assert.Equal(D(2025, 2, 13), Calendar.WithinWorkingDaysAfter(D(2025, 1, 24), 10).Date);
    }

    [Fact]
    public void TenWorkingDaysAcrossTheExtendedSpringFestival2020()
    {
        // 1/24–2/2 off (2/1 Sat no longer a working day) | 2/3(1) 2/4(2) 2/5(3) 2/6(4) 2/7(5) 2/10(6) 2/11(7) 2/12(8) 2/13(9) 2/14(10)
        Assert.Equal(D(2020, 2, 14), Calendar.WithinWorkingDaysAfter(D(2020, 1, 23), 10).Date);
    }

    [Fact]
    public void FifteenDayNoticeAcrossNationalDay2023()
    {
        // 9/28(1) | 9/29–10/6 off | 10/7 Sat 调休(2) 10/8 Sun 调休(3) 10/9(4) 10/10(5) 10/11(6) 10/12(7) 10/13(8)
        // 10/16(9) 10/17(10) 10/18(11) 10/19(12) 10/20(13) 10/23(14) 10/24(15)
        Assert.Equal(D(2023, 10, 24), Calendar.PublicNotice(D(2023, 9, 28), 15).End);
    }

    [Fact]
    public void NoticePublishedOnAnAdjustedWorkingSaturdayStartsThatDay()
    {
        // 2024-09-14 Sat 调休(1) | 9/15–9/17 中秋 off | 9/18(2) 9/19(3) 9/20(4) 9/23(5) 9/24(6) 9/25(7)
        var notice = Calendar.PublicNotice(D(2024, 9, 14), 7);
        Assert.Equal(D(2024, 9, 14), notice.Start);
        Assert.Equal(D(2024, 9, 25), notice.End);
    }

    [Fact]
    public void NoticePublishedOnAHolidayStartsOnTheNextWorkingDay()
    {
        // published 2025-10-03 (off) → 10/9(1) 10/10(2) 10/11 Sat 调休(3) 10/13(4) 10/14(5) 10/15(6) 10/16(7) 10/17(8) 10/20(9) 10/21(10)
        var notice = Calendar.PublicNotice(D(2025, 10, 3), 10);
        Assert.Equal(D(2025, 10, 9), notice.Start);
        Assert.Equal(D(2025, 10, 21), notice.End);
        Assert.True(notice.IsRunningOn(D(2025, 10, 21)));
        Assert.True(notice.HasEndedBy(D(2025, 10, 22)));
    }

    [Fact]
    public void KunmingTenDayNoticeAcrossNationalDay2022()
    {
        // 9/30(1) | 10/1–10/7 off | 10/8 Sat 调休(2) 10/9 Sun 调休(3) 10/10(4) 10/11(5) 10/12(6) 10/13(7) 10/14(8) 10/17(9) 10/18(10)
        Assert.Equal(D(2022, 10, 18), Calendar.PublicNotice(D(2022, 9, 30), 10).End);
    }

    [Fact]
    public void NextAndPreviousWorkingDaysSkipHolidaysAndUseAdjustedWeekends()
    {
        Assert.Equal(D(2025, 10, 9), Calendar.NextWorkingDay(D(2025, 9, 30)).Date);
        Assert.Equal(D(2025, 9, 28), Calendar.PreviousWorkingDay(D(2025, 9, 29)).Date); // Sunday 调休
        Assert.Equal(D(2018, 12, 29), Calendar.PreviousWorkingDay(D(2019, 1, 2)).Date); // Saturday 调休 from the 2019 notice
    }

    [Fact]
    public void CountsWorkingDaysInclusive()
    {
        // October 2025: 31 days − 8 holiday days (10/1–10/8) − 6 ordinary weekend days (10/12, 18, 19, 25, 26) ... counted below
        // working: 10/9, 10/10, 10/11(调休), 10/13–17 (5), 10/20–24 (5), 10/27–31 (5) = 18
        Assert.Equal(new WorkingDayCount(18, false), Calendar.CountWorkingDays(D(2025, 10, 1), D(2025, 10, 31)));
        Assert.Equal(0, Calendar.CountWorkingDays(D(2025, 10, 2), D(2025, 10, 1)).Count);
    }

    [Fact]
    public void ResultsReachingAnUncoveredYearAreProvisionalAndBecomeFinalWhenTheYearIsAdded()
    {
        // Thu 2026-12-24, 10 working days: 12/25(1) 12/28(2) 12/29(3) 12/30(4) 12/31(5), then Mon–Fri in 2027:
        // 1/1(6) 1/4(7) 1/5(8) 1/6(9) 1/7(10) — provisional.
        var provisional = Calendar.WithinWorkingDaysAfter(D(2026, 12, 24), 10);
        Assert.Equal(new ComputedDate(D(2027, 1, 7), true), provisional);

        // With a (test-only) 2027 notice making 1/1–1/3 off: 1/4(6) 1/5(7) 1/6(8) 1/7(9) 1/8(10) — final.
        var final = Calendar.WithNotice(TestNotices.Hypothetical2027).WithinWorkingDaysAfter(D(2026, 12, 24), 10);
        Assert.Equal(new ComputedDate(D(2027, 1, 8), false), final);
    }

    [Fact]
    public void RejectsNonPositiveCounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.NthWorkingDayAfter(D(2025, 1, 1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.PublicNotice(D(2025, 1, 1), 0));
    }
}
