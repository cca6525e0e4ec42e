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
    KOfNRows? Group,
    string? Interpretation = null);

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
        "yes" => "认定机关组织现场核查",
        "no" => "不进行现场核查",
        "ifNeeded" => "必要时进行现场核查",
        _ => "文本未规定，由申报批次确定",
    };

    public static string ExpertReview(string mode) => mode switch
    {
        ExpertReviewRule.Required => "组织专家评审",
        ExpertReviewRule.PerCall => "文本未规定是否组织专家评审，由申报批次确定",
        _ => "文本未规定",
    };

    /// <summary>Officer role names in the policy files (CountyOfficer …) as the product shows them.</summary>
    public static string Role(string role) =>
        Enum.TryParse<Exemplar.Web.Infrastructure.Security.Role>(role, out var r) ? Exemplar.Web.Infrastructure.Security.RoleNames.Label(r) : role;

    public static string Subject(string subject) => subject switch
    {
        Undertaking.Unit => "申报单位（盖章）",
        Undertaking.LegalRepresentative => "法定代表人（签字）",
        _ => subject,
    };

    public static string SubjectOf(string subject) => subject switch
    {
        Undertaking.Unit => "单位",
        Undertaking.LegalRepresentative => "法定代表人",
        _ => subject,
    };

    public static string Consequence(RevocationConsequence? c) => c is null
        ? "文本未写明处理"
        : (c.Action == RevocationConsequence.ChangeOrRevoke ? "视情况变更或撤销称号" : "撤销（取消）称号") + (c.PlaqueRecall ? "，收回牌匾" : "") + (c.Published ? "，并向社会公示" : "");

    public static string EvaluationAction(EvaluationOutcome o) => o.Action switch
    {
        EvaluationOutcome.Revoke => "撤销称号",
        EvaluationOutcome.KeepWithoutFunding => "保留称号，不予资金支持",
        EvaluationOutcome.FundingByTier => "分级分档给予资金奖励",
        _ => o.Action,
    };

    public static string Reapplication(ManagementRules m) => m.Reapplication.WhileValid switch
    {
        ReapplicationRule.Forbidden => "有效期内不得重复申报",
        ReapplicationRule.ExpiryYearOnly => "有效期满当年可再次申报",
        _ => m.Validity.Years is null ? "文本未规定（无固定有效期）" : "文本未规定",
    };

    public static string ChangeActions(ChangeOutcome o) =>
        string.Join("或", o.Actions.Select(a => a == "change" ? "变更" : "撤销")) + "的处理决定" + (o.Published ? "，并向社会公示" : "");

    public static string SamplingPopulation(SatisfactionSamplingRule s) => string.IsNullOrEmpty(s.PopulationLabel)
        ? (s.Population == "residentSmallMicro" ? "入驻小微企业" : "入驻企业")
        : s.PopulationLabel;

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

    /// <summary>The text's own words with the article: “每年1月10日前将上一年度工作总结报县工信部门（第十四条）”.</summary>
    public static string Deadline(MonthDayDeadline? d) =>
        d is null ? "文本未规定" : $"{d.Wording}（{d.Citation}）";

    public static IReadOnlyList<RequirementRow> Rows(PolicyVersion policy) => policy.Conditions.Select(Row).ToList();

    public static RequirementRow Row(Condition c) => c switch
    {
        ThresholdCondition { RegisteredIn: { } region } t => Make(c, "threshold", "数量", QualifierText(t.Bound),
            $"{FactCatalogue.LabelOf(t.Fact).Replace("按注册地统计", "", StringComparison.Ordinal)}中注册在{region.PlaceName}的 {Phrase(t.Bound)}"),
        ThresholdCondition t => Make(c, "threshold", "数量", QualifierText(t.Bound), $"{FactCatalogue.LabelOf(t.Fact)} {Phrase(t.Bound)}"),
        CarrierTypeCondition t => Make(c, "carrierType", "可申报载体", null,
            string.Join("、", t.Types.Select(x => x.Label)) + (t.OpenEnded ? "等载体（未列明的由认定机关判断）" : "")),
        RatioCondition r => Make(c, "ratio", "比例", QualifierText(r.Bound),
            $"{FactCatalogue.LabelOf(r.Numerator)}占{FactCatalogue.LabelOf(r.Denominator)} {Phrase(r.Bound)}"),
        DurationCondition d => Make(c, "duration", "年限", QualifierText(d.Bound), $"{FactCatalogue.LabelOf(d.Fact)}起 {Phrase(d.Bound.QualifierWord, $"{Number(d.Bound.Value)} 年", d.Bound.Hedge)}"),
        GrowthCondition g => Make(c, "growth", "增长", QualifierText(g.Bound),
            $"{FactCatalogue.LabelOf(g.Fact)}同比增长 {Phrase(g.Bound)}"),
        RegistrationCondition r => r.Fact == "locationDivisionCode"
            ? Make(c, "location", "所在地", null, $"位于{r.PlaceName}（区划代码 {string.Join("、", r.DivisionPrefixes)} 开头）")
            : Make(c, "registration", "注册地", null, $"注册在{r.PlaceName}（区划代码 {string.Join("、", r.DivisionPrefixes)} 开头）"),
        LookbackCondition l => Make(c, "lookback", "回溯期", l.QualifierWord,
            $"申报截止日前 {l.Years} 年{l.QualifierWord}无{string.Join("、", l.DisqualifyingKinds.Select(PenaltyKind))}"),
        AttestationCondition a => Make(c, "attestation", "承诺与证明", null,
            FactCatalogue.LabelOf(FactCatalogue.AttestationKey(a.Attestation)) + (a.EvidenceRequired ? "（须附证明材料）" : "")),
        ReviewCondition => Make(c, "review", "专家评审", null, "由评审专家判断"),
        AlternativesCondition a => Make(c, "alternatives", "择一满足", null, "满足下列情形之一") with
        {
            Branches = a.Branches.Select(b => new BranchRows(b.Id, b.Label,
                b.AppliesWhen is { } w ? AppliesWhen(w) : null,
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
        new(c.Id, type, typeText, c.Citation, c.Requirement, qualifier, required, c.Quote, c.Checklist, null, null, c.Interpretation);

    /// <summary>An alternatives branch's applicability in words: “基地产业类型为以制造业为主”.</summary>
    public static string AppliesWhen(AppliesWhen w) =>
        $"{FactCatalogue.LabelOf(w.Fact)}：{FactCatalogue.ValueText(w.Fact, w.EqualsValue)}";

    public static string PenaltyKind(string kind) => kind switch
    {
        "criminal" => "刑事处罚",
        "seriousAdministrative" => "严重行政处罚",
        "administrative" => "行政处罚",
        "seriousDishonesty" => "严重失信行为",
        _ => kind,
    };
}
