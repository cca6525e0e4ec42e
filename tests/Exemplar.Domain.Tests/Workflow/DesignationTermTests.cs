using Exemplar.Domain.Tests.Policies;
using Exemplar.Domain.Workflow;
using static Exemplar.Domain.Tests.Calendar.ShippedCalendar;

namespace Exemplar.Domain.Tests.Workflow;

/// <summary>Validity of a designation from each policy file (昆明第十五条 3 years, 西藏第十六条 3, 聊城第十六条 5, 北京 none).</summary>
public sealed class DesignationTermTests
{
    [Theory]
    // 2024-02-29 + 3 years: 2027 has no 29 February, so the month's last day (民法典第二百零二条).
    [InlineData("kunming-base-2022", 2024, 2, 29, 2027, 2, 28)]
    [InlineData("xizang-base-2017", 2026, 12, 15, 2029, 12, 15)]
    [InlineData("liaocheng-base-2021", 2024, 2, 29, 2029, 2, 28)]
    [InlineData("liaocheng-base-2021", 2023, 2, 28, 2028, 2, 28)]
    public void The_last_valid_day_follows_the_policy(string id, int y, int m, int d, int ey, int em, int ed) =>
        Assert.Equal(D(ey, em, ed), DesignationTerm.Of(PolicyFiles.Get(id)).LastDay(D(y, m, d)));

    [Fact]
    public void Beijing_states_no_validity_and_none_is_invented()
    {
        var term = DesignationTerm.Of(PolicyFiles.Get("beijing-base"));
        Assert.Null(term.LastDay(D(2026, 12, 15)));
        Assert.Contains("文本未规定有效期", term.Describe());
        Assert.Contains("第十三条", term.Describe());
    }
}
