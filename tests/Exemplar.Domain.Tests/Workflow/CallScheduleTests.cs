using Exemplar.Domain.Workflow;

namespace Exemplar.Domain.Tests.Workflow;

public sealed class CallScheduleTests
{
    private static readonly CallSchedule Kunming2026 = new(new DateOnly(2026, 11, 16), new DateOnly(2026, 12, 18), new DateOnly(2027, 1, 15), new DateOnly(2026, 12, 18));

    [Fact]
    public void The_deadline_day_counts_in_full_and_the_day_after_does_not()
    {
        Assert.False(Kunming2026.AcceptsApplicationsOn(new DateOnly(2026, 11, 15)));
        Assert.True(Kunming2026.AcceptsApplicationsOn(new DateOnly(2026, 11, 16)));
        Assert.True(Kunming2026.AcceptsApplicationsOn(new DateOnly(2026, 12, 18)));
        Assert.False(Kunming2026.AcceptsApplicationsOn(new DateOnly(2026, 12, 19)));
    }

    [Fact]
    public void The_profile_year_is_the_last_full_year_before_the_reference_date() => Assert.Equal(2025, Kunming2026.ProfileYear);

    [Fact]
    public void Dates_that_cannot_stand_together_are_named()
    {
        Assert.Empty(Kunming2026.Problems(2026));
        var bad = new CallSchedule(new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 29), new DateOnly(2027, 2, 1));
        var fields = bad.Problems(2026).Select(p => p.Field).ToList();
        Assert.Equal(["ApplicationDeadline", "RecommendationDeadline", "ReferenceDate"], fields);
        Assert.Contains(("OpensOn", "开始受理日期应在2025年至2027年之间。"), new CallSchedule(new DateOnly(2029, 1, 1), new DateOnly(2029, 2, 1), new DateOnly(2029, 3, 1), new DateOnly(2029, 2, 1)).Problems(2026));
    }

    [Theory]
    [InlineData("KM", 2026, 7, "KM-2026-0007")]
    [InlineData("LC", 2026, 123, "LC-2026-0123")]
    public void Receipt_numbers_read_prefix_year_and_order(string prefix, int year, int n, string expected) =>
        Assert.Equal(expected, ReceiptNumber.Format(prefix, year, n));

    [Theory]
    [InlineData("KM", true)]
    [InlineData("K", false)]
    [InlineData("km", false)]
    [InlineData("KMABCDE", false)]
    [InlineData("K1", false)]
    public void Receipt_prefixes_are_two_to_six_capitals(string prefix, bool valid) => Assert.Equal(valid, ReceiptNumber.IsValidPrefix(prefix));
}
