using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

public class PolicyLintTests
{
    [Fact]
    public void The_tibet_platform_call_lists_base_materials()
    {
        var findings = PolicyLint.Check(PolicyFiles.Get("xizang-platform-2022"));
        var mismatch = findings.Where(f => f.Code == "materials-kind-mismatch").ToList();
        Assert.Contains(mismatch, f => f.Path == "$.materials[0].text" && f.Message.Contains("基地", StringComparison.Ordinal));
        Assert.True(mismatch.Count >= 3);
    }

    [Fact]
    public void The_stray_english_word_in_liaocheng_article_7_is_reported()
    {
        var finding = Assert.Single(PolicyLint.Check(PolicyFiles.Get("liaocheng-base-2021")), f => f.Code == "latin-word-in-chinese-text");
        Assert.Contains("provide", finding.Message, StringComparison.Ordinal);
        Assert.Contains("第七条第（八）项", finding.Message, StringComparison.Ordinal);
        Assert.Equal("liaocheng-base-2021.json", finding.Source);
    }

    [Fact]
    public void Beijing_has_no_effective_date_in_the_text()
    {
        Assert.Contains(PolicyLint.Check(PolicyFiles.Get("beijing-base")), f => f.Code == "no-effective-date" && f.Path == "$.effectiveFrom");
    }

    /// <summary>
    /// Kunming's text leaves nothing out the workflow needs; the Tibet base text has no document defects but sets no
    /// change filing and leaves the site inspection open (issue 10: the lint reports what is missing too).
    /// </summary>
    [Fact]
    public void Kunming_has_no_findings_and_the_tibet_base_only_the_rules_its_text_leaves_out()
    {
        Assert.Empty(PolicyLint.Check(PolicyFiles.Get("kunming-base-2022")));
        Assert.Equal(["no-change-filing", "site-inspection-unspecified"],
            PolicyLint.Check(PolicyFiles.Get("xizang-base-2017")).Select(f => f.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lint_works_from_the_data_not_the_policy_id()
    {
        var kunming = PolicyFiles.Get("kunming-base-2022");
        var renamed = kunming with { Id = "somewhere-else", Kind = CarrierKind.Platform };
        Assert.Contains(PolicyLint.Check(renamed), f => f.Code == "materials-kind-mismatch");
    }
}
