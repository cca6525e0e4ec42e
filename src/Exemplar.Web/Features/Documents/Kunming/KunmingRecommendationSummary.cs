using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Documents.Building;
using static Exemplar.Web.Features.Documents.Building.Cells;

namespace Exemplar.Web.Features.Documents.Kunming;

/// <summary>
/// One county's recommendations for the 昆明市小型微型企业创业创新示范基地推荐汇总表 (附件2): every application the
/// county reviewed, with the officer's judgement of 是否满足各项申报条件 (only a reviewer can pass the qualitative
/// items) and the engine's verdict beside it for reference.
/// </summary>
public sealed record KunmingRecommendationSummaryData
{
    /// <summary>推荐单位 — the county or zone authority.</summary>
    public required string RecommendingUnit { get; init; }
    public required string FilledBy { get; init; }
    public required string FilledByPhone { get; init; }
    /// <summary>The day the summary was produced (document date); never the clock.</summary>
    public required DateOnly Date { get; init; }
    public required IReadOnlyList<KunmingRecommendationRow> Rows { get; init; }
}

public sealed record KunmingRecommendationRow
{
    public required string BaseName { get; init; }
    public required string Address { get; init; }
    /// <summary>运营机构名称.</summary>
    public required string OperatorName { get; init; }
    /// <summary>负责人.</summary>
    public required string Principal { get; init; }
    public required string ContactName { get; init; }
    public required string ContactMobile { get; init; }
    /// <summary>The officer's judgement in the recommendation: 满足 / 不满足.</summary>
    public required bool MeetsConditions { get; init; }
    /// <summary>The eligibility engine's verdict on the application's snapshot, for reference.</summary>
    public required Verdict EngineVerdict { get; init; }
    /// <summary>是否同意推荐.</summary>
    public required bool Recommended { get; init; }
    public string Remark { get; init; } = "";
}

/// <summary>附件2 as DOCX (landscape, for stamping) and as XLSX (for the officer's own list).</summary>
public static class KunmingRecommendationSummary
{
    public const string Title = "昆明市小型微型企业创业创新示范基地推荐汇总表";
    public const string NoteText = "注：本表由县（市）区、开发（度假）区中小企业主管部门填写";

    /// <summary>The cell text of 是否满足各项申报条件: the officer's judgement, then the engine's verdict for reference.</summary>
    public static string Conditions(KunmingRecommendationRow r) =>
        (r.MeetsConditions ? "满足" : "不满足") + "\n（系统核验：" + r.EngineVerdict.ToChinese() + "）";

    public static byte[] RenderDocx(KunmingRecommendationSummaryData data) => DocxRenderer.Render(Describe(data));

    public static DocSpec Describe(KunmingRecommendationSummaryData data)
    {
        var b = new DocBuilder(DocProfile.Form with { TableSizePt = FontSizes.Wu, NoteSizePt = FontSizes.XiaoSi }, new DocInfo($"{data.RecommendingUnit} {Title}", data.Date, Title));
        b.Section(PageOrientation.Landscape);
        b.FormTitle(Title);
        b.Line([new Span("推荐单位（公章）："), new Span(data.RecommendingUnit)]);
        var t = new TableBuilder(0.7, 3.0, 3.0, 3.0, 1.3, 1.3, 2.8, 3.0, 1.3, 1.8)
            .Header("序号", "基地名称", "地址", "运营机构名称", "负责人", "联系人", "联系电话（手机）", "是否满足各项申报条件", "是否同意推荐", "备注");
        var n = 0;
        foreach (var r in data.Rows)
            t.Row(N(++n), L(r.BaseName), L(r.Address), L(r.OperatorName), T(r.Principal), T(r.ContactName), T(r.ContactMobile),
                T(Conditions(r)), T(ChineseFormat.YesNo(r.Recommended)), L(r.Remark));
        b.Table(t.Build());
        b.Add(new Para(NoteText, ParaStyle.Note) { SpaceBeforeLines = 0.5, RightText = $"填表人：{data.FilledBy}　　联系电话：{data.FilledByPhone}" });
        b.Note("“是否满足各项申报条件”为推荐单位审查结论；括号内为系统按申报数据对量化条件的核验结果，仅供参考，定性条件以审查意见为准。");
        return b.Build();
    }

    public static byte[] RenderXlsx(KunmingRecommendationSummaryData data) => XlsxListWriter.Write(List(data));

    public static XlsxList List(KunmingRecommendationSummaryData data) => new(
        "推荐汇总表",
        [
            new ListColumn("序号", ListCellKind.Integer), new ListColumn("基地名称"), new ListColumn("地址"), new ListColumn("运营机构名称"),
            new ListColumn("负责人"), new ListColumn("联系人"), new ListColumn("联系电话（手机）"), new ListColumn("是否满足各项申报条件"),
            new ListColumn("系统核验（参考）"), new ListColumn("是否同意推荐"), new ListColumn("备注"),
        ],
        data.Rows.Select((r, i) => (IReadOnlyList<object?>)
        [
            i + 1, r.BaseName, r.Address, r.OperatorName, r.Principal, r.ContactName, r.ContactMobile,
            r.MeetsConditions ? "满足" : "不满足", r.EngineVerdict.ToChinese(), ChineseFormat.YesNo(r.Recommended), r.Remark,
        ]).ToList())
    {
        Title = Title,
        Preamble = [$"推荐单位（公章）：{data.RecommendingUnit}"],
        Footer = [$"{NoteText}　　填表人：{data.FilledBy}　　联系电话：{data.FilledByPhone}"],
        Info = new DocInfo($"{data.RecommendingUnit} {Title}", data.Date, Title),
    };
}
