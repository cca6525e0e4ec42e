using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

public class PolicyCaseTests
{
    public static IEnumerable<object[]> Ids() => PolicyFiles.Ids();

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_case_in_the_cases_file_gives_the_expected_results(string policyId)
    {
        var failures = PolicyCaseRunner.Run(policyId)
            .Where(o => o.Failures.Count > 0)
            .Select(o => $"{o.Name}: {string.Join("; ", o.Failures)}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// Each cited quantitative item needs a passing and a failing case; items that only a reviewer can judge
    /// (or that have no numeric volume) need at least one case that names them.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_cited_article_is_covered_by_a_passing_and_a_failing_case(string policyId)
    {
        var policy = PolicyFiles.Get(policyId);
        var outcomes = PolicyCaseRunner.Run(policyId).Where(o => o.Failures.Count == 0).ToList();
        var seen = outcomes.SelectMany(o => o.Expectations).ToLookup(e => e.ConditionId, e => e.Expected);
        var gaps = new List<string>();
        foreach (var (id, citation, quantitative) in PolicyCaseRunner.Citable(policy))
        {
            var states = seen[id].ToHashSet();
            if (quantitative && !(states.Contains(ResultState.Met) && states.Contains(ResultState.NotMet)))
            {
                gaps.Add($"{citation} {id}: 缺少{(states.Contains(ResultState.Met) ? string.Empty : "符合")}{(states.Contains(ResultState.NotMet) ? string.Empty : "不符合")}用例");
            }
            else if (!quantitative && states.Count == 0)
            {
                gaps.Add($"{citation} {id}: 没有任何用例");
            }
        }

        Assert.True(gaps.Count == 0, string.Join(Environment.NewLine, gaps));
    }
}
