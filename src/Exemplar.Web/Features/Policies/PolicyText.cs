using System.Globalization;
using Exemplar.Domain.Policies;
using Exemplar.Web.Infrastructure;

namespace Exemplar.Web.Features.Policies;

/// <summary>One requirement as a readable row: citation, plain Chinese, qualifier word, required value, quote.</summary>
public sealed record RequirementRow(
    string Id,
    string Type,
    string TypeText,
    string Citation,
    string Requirement,
    string? Qualifier,
    string? Required,
    string? Quote,
    IReadOnlyList<string> Checklist,
    IReadOnlyList<BranchRows>? Branches,
    KOfNRows? Group);

public sealed record BranchRows(string Id, string Label, string? AppliesWhen, IReadOnlyList<RequirementRow> Conditions);

public sealed record KOfNRows(int K, string Qualifier, IReadOnlyList<FunctionRow> Functions);

public sealed record FunctionRow(string Function, string Label, string Citation, IReadOnlyList<string> Volumes, string? Quote, IReadOnlyList<string> Checklist);

/// <summary>Chinese wording for policies: requirement rows, bounds, dates, kinds, procedure terms.</summary>
public static class PolicyText
{
    private static readonly HashSet<string> PostfixQualifiers = ["以上", "以下", "以内", "届满"];

    public static string Number(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"40 家", "80%", "3 年".</summary>
    public static string Amount(decimal value, string unit) => unit == "%" ? $"{Number(value)}%" : $"{Number(value)} {unit}";

    /// <summary>"不少于 500 人", "40 家以上", "原则上不少于 5000 平方米".</summary>
    public static string Phrase(Bound b) => Phrase(b.QualifierWord, Amount(b.Value, b.Unit), b.Hedge);

    public static string Phrase(string qualifier, string amount, string? hedge = null) =>
        PostfixQualifiers.Contains(qualifier) ? $"{hedge}{amount}{qualifier}" : $"{hedge}{qualifier} {amount}";

    public static string QualifierText(Bound b) => $"{b.QualifierWord}（{Qualifier.Symbol(b.Comparison)}）";

    public static string Date(DateOnly? d) => d is { } x ? ChinaTime.Format(x) : "—";

    public static string Kind(CarrierKind kind) => kind == CarrierKind.Platform ? "公共服务示范平台" : "创业创新示范基地";

    public static string SiteInspection(string value) => value switch
    {
        "yes" => "要求现场考察",
        "no" => "不要求现场考察",
        "ifNeeded" => "必要时现场考察",
        _ => "文本未规定",
    };

    public static string StateClass(ResultState state) => state switch
    {
        ResultState.Met => "status-met",
        ResultState.NotMet => "status-notmet",
        ResultState.PendingReview => "status-pending",
        ResultState.MissingData => "status-missing",
        _ => "status-na",
    };

    public static string VerdictClass(Verdict verdict) => verdict switch
    {
        Verdict.MeetsAllQuantitative => "status-met",
        Verdict.DoesNotMeet => "status-notmet",
        Verdict.PendingReview => "status-pending",
        _ => "status-missing",
    };

    public static string Deadline(MonthDayDeadline? d) =>
        d is null ? "文本未规定" : $"{d.Wording}报送{d.SubmitTo}（{d.Citation}）";

    public static IReadOnlyList<RequirementRow> Rows(PolicyVersion policy) => policy.Conditions.Select(Row).ToList();

    public static RequirementRow Row(Condition c) => c switch
    {
        ThresholdCondition t => Make(c, "threshold", "数量", QualifierText(t.Bound), Phrase(t.Bound)),
        RatioCondition r => Make(c, "ratio", "比例", QualifierText(r.Bound),
            $"{FactCatalogue.LabelOf(r.Numerator)}占{FactCatalogue.LabelOf(r.Denominator)} {Phrase(r.Bound)}"),
        DurationCondition d => Make(c, "duration", "年限", QualifierText(d.Bound), $"{FactCatalogue.LabelOf(d.Fact)}起 {Phrase(d.Bound.QualifierWord, $"{Number(d.Bound.Value)} 年", d.Bound.Hedge)}"),
        GrowthCondition g => Make(c, "growth", "增长", QualifierText(g.Bound),
            $"{FactCatalogue.LabelOf(g.Fact)}同比增长 {Phrase(g.Bound)}"),
        RegistrationCondition r => Make(c, "registration", "注册地", null, $"注册在{r.PlaceName}（区划代码 {string.Join("、", r.DivisionPrefixes)} 开头）"),
        LookbackCondition l => Make(c, "lookback", "回溯期", l.QualifierWord,
            $"申报截止日前 {l.Years} 年{l.QualifierWord}无{string.Join("、", l.DisqualifyingKinds.Select(PenaltyKind))}"),
        AttestationCondition a => Make(c, "attestation", "承诺与证明", null,
            FactCatalogue.LabelOf(FactCatalogue.AttestationKey(a.Attestation)) + (a.EvidenceRequired ? "（须附证明材料）" : "")),
        ReviewCondition => Make(c, "review", "专家评审", null, "由评审专家判断"),
        AlternativesCondition a => Make(c, "alternatives", "择一满足", null, "满足下列情形之一") with
        {
            Branches = a.Branches.Select(b => new BranchRows(b.Id, b.Label,
                b.AppliesWhen is { } w ? $"{FactCatalogue.LabelOf(w.Fact)} = {w.EqualsValue}" : null,
                b.Conditions.Select(Row).ToList())).ToList(),
        },
        KOfNCondition k => Make(c, "kOfN", "服务功能", k.QualifierWord, $"{k.QualifierWord} {k.K} 项（共 {k.Functions.Count} 项）") with
        {
            Group = new KOfNRows(k.K, k.QualifierWord, k.Functions.Select(f => new FunctionRow(
                f.Function, f.Label, f.Citation,
                f.Measures.Count == 0
                    ? ["提供该服务（无数量要求，由专家评审）"]
                    : f.Measures.Select(m => $"{FactCatalogue.Get(FactCatalogue.FunctionKey(f.Function, m.Measure)).Label.Split('：').Last()} {Phrase(m.Bound)}").ToList(),
                f.Quote, f.Checklist)).ToList()),
        },
        _ => Make(c, "other", "其他", null, null),
    };

    private static RequirementRow Make(Condition c, string type, string typeText, string? qualifier, string? required) =>
        new(c.Id, type, typeText, c.Citation, c.Requirement, qualifier, required, c.Quote, c.Checklist, null, null);

    public static string PenaltyKind(string kind) => kind switch
    {
        "criminal" => "刑事处罚",
        "seriousAdministrative" => "严重行政处罚",
        "administrative" => "行政处罚",
        "seriousDishonesty" => "严重失信行为",
        _ => kind,
    };
}
