namespace Exemplar.Domain.Designations;

/// <summary>The title a programme confers, read from its text's title (昆明市小型微型企业创业创新示范基地认定管理办法 → 昆明市小型微型企业创业创新示范基地).</summary>
public static class DesignationTitle
{
    public static string Of(string policyTitle)
    {
        foreach (var word in new[] { "示范基地", "示范平台" })
        {
            var i = policyTitle.IndexOf(word, StringComparison.Ordinal);
            if (i >= 0) return policyTitle[..(i + word.Length)];
        }
        return policyTitle;
    }
}
