using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Documents.Applications;
using Exemplar.Web.Features.Documents.Building;
using static Exemplar.Web.Features.Documents.Building.Cells;

namespace Exemplar.Web.Features.Documents.Tibet;

/// <summary>One condition as the recommending officer checked it: the engine's result beside her own judgement.</summary>
public sealed record ConditionCheck(string Citation, string Requirement, string Actual, ResultState EngineState, bool? OfficerMet, string Note = "")
{
    /// <summary>From an engine result of the application's snapshot and the officer's judgement of it.</summary>
    public static ConditionCheck From(ConditionResult r, bool? officerMet, string note = "") =>
        new(r.Citation, r.Requirement, r.Actual ?? "", r.State, officerMet, note);
}

/// <summary>The officer's 测评 of one aspect (运营情况、服务业绩、满意度): a grade and what it rests on.</summary>
public sealed record EvaluationAspect(string Grade, string Basis);

/// <summary>西藏自治区小型微型企业创业创新示范基地推荐表 data: what a 地（市）bureau records when it recommends (第十二条).</summary>
public sealed record TibetRecommendationData
{
    /// <summary>推荐单位 — the 地（市）工业和信息化局.</summary>
    public required string RecommendingUnit { get; init; }
    public required DateOnly Date { get; init; }
    public required BaseParticulars Base { get; init; }
    public required IReadOnlyList<ConditionCheck> Conditions { get; init; }
    public required EvaluationAspect Operation { get; init; }
    public required EvaluationAspect Performance { get; init; }
    public required EvaluationAspect Satisfaction { get; init; }
    public required string Opinion { get; init; }
    public required bool Recommended { get; init; }
    public string Reference { get; init; } = "";
}

/// <summary>
/// 西藏自治区小型微型企业创业创新示范基地推荐表 (西藏办法第十二条, 附件1). The text says what the bureau does — checks
/// the conditions of 第六条至第九条 and 测评 the base's 运营情况、服务业绩、满意度 — but publishes no layout, so the form
/// is laid out from those duties and says so on its first page.
/// </summary>
public static class TibetRecommendationForm
{
    /// <summary>The officer's judgement and note; a note alone where the worksheet records notes only (核查意见 / 无异议).</summary>
    private static string Officer(ConditionCheck c)
    {
        var parts = new[] { c.OfficerMet switch { true => "符合", false => "不符合", null => "" }, c.Note }.Where(x => x.Length > 0).ToList();
        return parts.Count == 0 ? "未审核" : string.Join("\n", parts);
    }

    public const string Title = "西藏自治区小型微型企业创业创新示范基地推荐表";

    public static byte[] Render(TibetRecommendationData data) => DocxRenderer.Render(Describe(data));

    public static DocSpec Describe(TibetRecommendationData data)
    {
        var p = data.Base;
        var b = new DocBuilder(DocProfile.Form with { TableSizePt = FontSizes.Wu }, new DocInfo($"{p.BaseName} {Title}", data.Date, Title));
        b.Section(PageOrientation.Portrait, restartNumbering: true);
        b.FormTitle(Title);
        b.Note(EvidenceTables.LayoutNotice(TibetApplicationReport.Programme, "第六条至第九条、第十二条"));
        b.Line([new Span("推荐单位（公章）："), new Span(data.RecommendingUnit)]);
        b.Heading(1, "一、基地基本情况");
        b.Table(new TableBuilder(2.2, 4.4, 2.0, 2.6)
            .Row(H("基地名称"), L(p.BaseName, span: 3))
            .Row(H("运营主体"), L(p.OperatorName), H("统一社会信用代码"), T(p.OperatorUscc))
            .Row(H("基地地址"), L(p.Address, span: 3))
            .Row(H("基地成立时间"), T(ChineseFormat.Date(p.EstablishedOn)), H("法定代表人"), T(p.LegalRepresentative))
            .Row(H("联系人"), T(p.ContactName), H("联系电话"), T(TibetApplicationReport.Phones(p)))
            .Build());
        b.Heading(1, "二、申报条件审核（第六条至第九条）");
        var t = new TableBuilder(2.3, 3.4, 2.6, 1.4, 1.5).Header("条款", "条件", "申报数据", "系统核验", "推荐单位审核");
        foreach (var c in data.Conditions)
            t.Row(T(c.Citation), L(c.Requirement), L(c.Actual), T(c.EngineState.ToChinese()), T(Officer(c)));
        b.Table(t.Build());
        b.Note("“系统核验”为系统按申报数据对量化条件的核验结果，定性条件（第七条、第九条等）以推荐单位审核为准。");
        b.Heading(1, "三、测评情况（第十二条）");
        b.Table(new TableBuilder(2.2, 1.6, 7.4)
            .Header("测评内容", "测评等级", "测评依据和说明")
            .Row(H("运营情况"), T(data.Operation.Grade), Box(data.Operation.Basis))
            .Row(H("服务业绩"), T(data.Performance.Grade), Box(data.Performance.Basis))
            .Row(H("满意度"), T(data.Satisfaction.Grade), Box(data.Satisfaction.Basis))
            .Build());
        b.Heading(1, "四、推荐意见");
        var opinion = DocBuilder.Paragraphs(data.Opinion).Select(x => (IReadOnlyList<Span>)[new Span(x)]).ToList();
        opinion.Add([new Span("是否同意推荐：" + ChineseFormat.YesNo(data.Recommended))]);
        opinion.Add([new Span("")]);
        opinion.Add([new Span("推荐单位（公章）　　　　")]);
        opinion.Add([new Span(ChineseFormat.Date(data.Date) + "　　")]);
        var aligns = opinion.Select((_, i) => i >= opinion.Count - 2 ? Align.Right : (Align?)null).ToList();
        b.Table(new TableBuilder(1).Add(new FormRow(new FormCell(opinion) { Align = Align.Left, VAlign = VAlign.Top, LineAligns = aligns }) { MinHeightMm = 50 }).Build());
        if (data.Reference.Length > 0) b.Note($"申报编号：{data.Reference}");
        return b.Build();
    }
}
