using Exemplar.Domain.Calendar;
using Exemplar.Domain.Tests.Policies;
using Exemplar.Domain.Workflow;
using static Exemplar.Domain.Tests.Calendar.ShippedCalendar;

namespace Exemplar.Domain.Tests.Workflow;

/// <summary>
/// 公示期 per programme on the shipped calendar. Every expected end is counted by hand from the State Council notices
/// for 2026 (春节 off 02-15..02-23, 调休 Saturdays 02-14 and 02-28; 中秋 off 09-25..09-27, 国庆 off 10-01..10-07,
/// 调休 Sunday 09-20 and Saturday 10-10); 2027 has no notice entered.
/// </summary>
public sealed class NoticeTermTests
{
    private static NoticeTerm Term(string id) => NoticeTerm.Of(PolicyFiles.Get(id));

    [Fact]
    public void Kunming_ten_working_days_across_the_spring_festival_count_both_adjusted_saturdays()
    {
        // Wed 02-11 (1), Thu 12 (2), Fri 13 (3), Sat 14 调休 (4), 15–23 off, Tue 24 (5) … Fri 27 (8), Sat 28 调休 (9), Mon 03-02 (10).
        var term = Term("kunming-base-2022");
        Assert.Null(term.Check(10));
        var p = NoticeTerm.Period(Instance, D(2026, 2, 11), 10);
        Assert.Equal(D(2026, 2, 11), p.Start);
        Assert.Equal(D(2026, 3, 2), p.End);
        Assert.False(p.IsProvisional);
    }

    [Fact]
    public void Kunming_allows_a_longer_notice_but_never_a_shorter_one()
    {
        var term = Term("kunming-base-2022");
        Assert.True(term.AuthorityChooses);
        Assert.Equal("公示期不能少于10个工作日（第十三条）。", term.Check(9));
        Assert.Null(term.Check(12));
        Assert.Null(term.Check(NoticeTerm.MaxWorkingDays));
        Assert.NotNull(term.Check(NoticeTerm.MaxWorkingDays + 1));
        Assert.NotNull(term.Check(null));
    }

    [Fact]
    public void Tibet_base_fifteen_working_days_across_mid_autumn_and_national_day()
    {
        // Fri 09-18 (1), Sun 20 调休 (2), Mon 21 … Thu 24 (6), 25–27 off, Mon 28 (7), Tue 29 (8), Wed 30 (9),
        // 10-01–07 off, Thu 08 (10), Fri 09 (11), Sat 10 调休 (12), Mon 12 (13), Tue 13 (14), Wed 14 (15).
        var term = Term("xizang-base-2017");
        Assert.False(term.AuthorityChooses);
        Assert.Null(term.Check(15));
        Assert.Equal("公示期应为15个工作日（第十三条），不能更改。", term.Check(16));
        Assert.Equal(D(2026, 10, 14), NoticeTerm.Period(Instance, D(2026, 9, 18), 15).End);
    }

    [Fact]
    public void Tibet_platform_seven_working_days_published_on_a_saturday_start_on_the_adjusted_sunday()
    {
        // Published Sat 09-19: the next working day is Sun 09-20 (调休, day 1); Mon 21 (2) … Thu 24 (5), 25–27 off, Mon 28 (6), Tue 29 (7).
        var term = Term("xizang-platform-2022");
        Assert.Null(term.Check(7));
        Assert.NotNull(term.Check(10));
        var p = NoticeTerm.Period(Instance, D(2026, 9, 19), 7);
        Assert.Equal(D(2026, 9, 20), p.Start);
        Assert.Equal(D(2026, 9, 29), p.End);
    }

    [Theory]
    [InlineData("liaocheng-base-2021", "第十二条")]
    [InlineData("beijing-base", "第十一条")]
    public void Liaocheng_and_Beijing_are_silent_and_the_authority_sets_the_length(string id, string citation)
    {
        var term = Term(id);
        Assert.True(term.IsSilent);
        Assert.Null(term.Default);
        Assert.Equal($"政策文本（{citation}）未规定公示期长度，由认定机关确定。", term.Describe());
        Assert.Equal("请填写公示期（工作日数）。", term.Check(null));
        Assert.Null(term.Check(5));
    }

    [Fact]
    public void A_notice_running_into_a_year_without_a_holiday_notice_is_provisional()
    {
        // Kunming, 12 days (the authority chose more than 10) from Mon 2026-12-21: 21 … 31 Thu is 9 days; 2027 is not
        // entered, so Fri 2027-01-01 counts as a weekday (10), Mon 04 (11), Tue 05 (12) — provisional.
        Assert.Null(Term("kunming-base-2022").Check(12));
        var p = NoticeTerm.Period(Instance, D(2026, 12, 21), 12);
        Assert.Equal(D(2027, 1, 5), p.End);
        Assert.True(p.IsProvisional);
        Assert.Equal([2027], NoticeTerm.MissingYears(Instance, p));
    }

    [Fact]
    public void A_notice_ending_before_late_december_of_a_covered_year_is_final()
    {
        var p = NoticeTerm.Period(Instance, D(2026, 11, 30), 10);
        // Mon 11-30 (1), Tue 12-01 … Fri 12-04 (5), Mon 07 … Fri 11 (10).
        Assert.Equal(D(2026, 12, 11), p.End);
        Assert.False(p.IsProvisional);
        Assert.Empty(NoticeTerm.MissingYears(Instance, p));
    }
}
