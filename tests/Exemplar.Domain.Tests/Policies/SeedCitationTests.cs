using System.Globalization;
using System.Text.RegularExpressions;
using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Tests.Policies;

/// <summary>Every quote and every number a policy file cites must be in the text of the article it cites.</summary>
public partial class SeedCitationTests
{
    [GeneratedRegex(@"^\s*(第[一二三四五六七八九十百]+条)", RegexOptions.Multiline)]
    private static partial Regex ArticleStart();

    [GeneratedRegex(@"^#*\s*([一二三四五六七八九十]+、[^\s（(]+)", RegexOptions.Multiline)]
    private static partial Regex SectionStart();

    private static readonly string[] ChineseDigits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static IEnumerable<object[]> Ids() => PolicyFiles.Ids();

    /// <summary>Splits a seed into articles (第X条) or, for the call text, numbered sections (二、申报条件); whitespace removed.</summary>
    public static Dictionary<string, string> Articles(string seed)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var regex in new[] { ArticleStart(), SectionStart() })
        {
            var matches = regex.Matches(seed);
            for (var i = 0; i < matches.Count; i++)
            {
                var end = i + 1 < matches.Count ? matches[i + 1].Index : seed.Length;
                var key = matches[i].Groups[1].Value;
                result.TryAdd(key, PolicyLoader.Normalise(seed[matches[i].Index..end]));
            }
        }

        return result;
    }

    private static IEnumerable<(string Where, string Article, string? Quote, decimal[] Numbers)> Citations(PolicyVersion policy)
    {
        foreach (var c in policy.AllConditions())
        {
            decimal[] numbers = c switch
            {
                ThresholdCondition t => [t.Bound.Value],
                RatioCondition r => [r.Bound.Value],
                DurationCondition d => [d.Bound.Value],
                GrowthCondition g => [g.Bound.Value],
                LookbackCondition l => [l.Years],
                KOfNCondition k => [k.K],
                _ => [],
            };
            yield return (c.JsonPath, c.Article, c.Quote, numbers);
            if (c is KOfNCondition kn)
            {
                foreach (var f in kn.Functions)
                {
                    yield return ($"{c.JsonPath} {f.Function}", c.Article, f.Quote, []);
                    foreach (var m in f.Measures)
                    {
                        yield return ($"{c.JsonPath} {f.Function}.{m.Measure}", c.Article, m.Quote, [m.Bound.Value]);
                    }
                }
            }
        }
    }

    private static bool NumberAppears(string text, decimal value)
    {
        if (value == 0)
        {
            return true;
        }

        var digits = value.ToString("0.##", CultureInfo.InvariantCulture);
        if (Regex.IsMatch(text, $@"(?<![0-9.]){Regex.Escape(digits)}(?![0-9])"))
        {
            return true;
        }

        return value is >= 1 and <= 10 && value == decimal.Truncate(value)
            && (text.Contains(ChineseDigits[(int)value], StringComparison.Ordinal) || (value == 2 && text.Contains('两', StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_quote_and_number_appears_in_the_cited_article(string policyId)
    {
        var policy = PolicyFiles.Get(policyId);
        var articles = Articles(PolicyFiles.SeedText(policyId));
        var problems = new List<string>();
        foreach (var (where, article, quote, numbers) in Citations(policy))
        {
            if (!articles.TryGetValue(article, out var text))
            {
                problems.Add($"{where}: 原文中找不到 {article}");
                continue;
            }

            if (quote is not null && !text.Contains(PolicyLoader.Normalise(quote), StringComparison.Ordinal))
            {
                problems.Add($"{where}: 引文“{quote}”不在 {article} 中");
            }

            foreach (var n in numbers.Where(n => !NumberAppears(text, n)))
            {
                problems.Add($"{where}: 数值 {n} 不在 {article} 中");
            }

            foreach (var n in numbers.Where(n => quote is not null && n != 0 && !NumberAppears(PolicyLoader.Normalise(quote), n)))
            {
                problems.Add($"{where}: 数值 {n} 不在其引文“{quote}”中");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Compares texts with the seed's punctuation folded to full width: the seeds mix “,” and “，”, “(” and “（”
    /// (聊城第十八条第（三）项, the Tibet platform call), and the file keeps the seed's own characters.
    /// </summary>
    public static string Fold(string text) => PolicyLoader.Normalise(text)
        .Replace(',', '，').Replace(';', '；').Replace(':', '：').Replace('(', '（').Replace(')', '）');

    /// <summary>
    /// Who may apply, undertakings, materials, procedure and management keep the text's words (issue 10): each quote
    /// is in the article it cites; a citation of an annex (附件1 承诺书) or a form name is looked up in the whole text.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_rule_quote_appears_in_the_cited_article(string policyId)
    {
        var policy = PolicyFiles.Get(policyId);
        var seed = PolicyFiles.SeedText(policyId);
        var articles = Articles(seed).ToDictionary(a => a.Key, a => Fold(a.Value), StringComparer.Ordinal);
        var whole = Fold(seed);
        var problems = new List<string>();
        var quotes = PolicyQuotes.Rules(policy).ToList();
        Assert.True(quotes.Count >= 20, $"{policyId}: only {quotes.Count} rule quotes");
        foreach (var q in quotes)
        {
            var article = PolicyLoader.ArticleOf(q.Citation);
            var inArticle = !q.IsFormName && articles.ContainsKey(article);
            var text = inArticle ? articles[article] : whole;
            if (!q.IsFormName && !inArticle && !q.Citation.StartsWith("附件", StringComparison.Ordinal))
            {
                problems.Add($"{q.Path}: 原文中找不到 {q.Citation}");
            }
            else if (!text.Contains(Fold(q.Text), StringComparison.Ordinal))
            {
                problems.Add($"{q.Path}: “{q.Text}”不在{(inArticle ? article : "原文")}中");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_quote_changed_by_one_character_is_caught()
    {
        var articles = Articles(PolicyFiles.SeedText("beijing-base"));
        Assert.Contains(Fold("撤销已授予的示范基地称号，两年内不得再次申请"), Fold(articles["第十五条"]), StringComparison.Ordinal);
        Assert.DoesNotContain(Fold("撤销已授予的示范基地称号，两年内不得再次申请"), Fold(articles["第十四条"]), StringComparison.Ordinal);
        Assert.DoesNotContain(Fold("撤销已授予的示范基地称号，三年内不得再次申请"), Fold(articles["第十五条"]), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_material_and_condition_cites_an_article_that_exists(string policyId)
    {
        var policy = PolicyFiles.Get(policyId);
        var articles = Articles(PolicyFiles.SeedText(policyId));
        var cited = policy.AllConditions().Select(c => c.Article)
            .Concat(policy.Materials.Select(m => PolicyLoader.ArticleOf(m.Citation)));
        Assert.Empty(cited.Where(a => !articles.ContainsKey(a)).Distinct());
    }

    [Fact]
    public void A_number_broken_across_lines_in_the_seed_is_still_found()
    {
        var articles = Articles(PolicyFiles.SeedText("xizang-base-2017"));
        Assert.Contains("从业人员1000人以上", articles["第六条"], StringComparison.Ordinal);
        Assert.False(NumberAppears(articles["第六条"], 51m));
    }
}
