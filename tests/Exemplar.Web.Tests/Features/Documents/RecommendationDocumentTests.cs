using Exemplar.Web.Features.Documents.Kunming;
using Exemplar.Web.Features.Documents.Liaocheng;
using Exemplar.Web.Features.Documents.Tibet;
using static Exemplar.Web.Tests.Features.Documents.OpenXmlChecks;

namespace Exemplar.Web.Tests.Features.Documents;

/// <summary>附件2 推荐汇总表 (DOCX, XLSX), the Tibet forms and the Liaocheng 认定申请表 read back.</summary>
public sealed class RecommendationDocumentTests
{
    [Fact]
    public void Summary_docx_has_one_row_per_reviewed_application_with_the_officers_and_the_engines_verdict()
    {
        var bytes = KunmingRecommendationSummary.RenderDocx(DocumentFixtures.Summary());
        AssertValidDocx(bytes);
        var table = TableWith(bytes, "是否满足各项申报条件");
        Assert.Equal(["序号", "基地名称", "地址", "运营机构名称", "负责人", "联系人", "联系电话（手机）", "是否满足各项申报条件", "是否同意推荐", "备注"], table[0]);
        Assert.Equal(3, table.Count);
        Assert.Equal(["1", "昆明五华创新创业园", "昆明市五华区学府路100号", "昆明五华创业服务有限公司", "周建国", "刘洋", "13800000000", "满足\n（系统核验：符合全部量化条件（定性事项待评审））", "是", ""], table[1]);
        Assert.Equal(["不满足\n（系统核验：不符合）", "否", "入驻企业不足40家"], table[2][7..]);
        var text = Paragraphs(bytes);
        Assert.Contains("推荐单位（公章）：昆明市五华区工业和信息化局", text);
        Assert.Contains("注：本表由县（市）区、开发（度假）区中小企业主管部门填写\t填表人：王芳　　联系电话：0871-64100000", text);
        Assert.Equal(bytes, KunmingRecommendationSummary.RenderDocx(DocumentFixtures.Summary()));
    }

    [Fact]
    public void Summary_xlsx_neutralises_formulas_and_freezes_below_the_header()
    {
        var bytes = KunmingRecommendationSummary.RenderXlsx(DocumentFixtures.Summary());
        AssertValidXlsx(bytes);
        var cells = SheetCells(bytes);
        Assert.Equal(KunmingRecommendationSummary.Title, cells["A1"]);
        Assert.Equal("推荐单位（公章）：昆明市五华区工业和信息化局", cells["A2"]);
        Assert.Equal(("序号", "是否满足各项申报条件", "系统核验（参考）", "是否同意推荐"), (cells["A3"], cells["H3"], cells["I3"], cells["J3"]));
        Assert.Equal(("1", "昆明五华创新创业园", "满足", "符合全部量化条件（定性事项待评审）", "是"), (cells["A4"], cells["B4"], cells["H4"], cells["I4"], cells["J4"]));
        Assert.Equal("'=HYPERLINK(\"http://x\")众创空间", cells["B5"]);
        Assert.Equal(("不满足", "否"), (cells["H5"], cells["J5"]));
        Assert.StartsWith("注：本表由县（市）区、开发（度假）区中小企业主管部门填写", cells["A6"], StringComparison.Ordinal);
        Assert.Contains("填表人：王芳", cells["A6"], StringComparison.Ordinal);
        Assert.Equal(bytes, KunmingRecommendationSummary.RenderXlsx(DocumentFixtures.Summary()));
    }

    [Fact]
    public void Tibet_application_report_says_the_layout_is_the_systems_and_evidences_articles_six_to_nine()
    {
        var bytes = TibetApplicationReport.Render(DocumentFixtures.Kunming(), "拉萨市工业和信息化局");
        AssertValidDocx(bytes);
        var text = Paragraphs(bytes);
        Assert.StartsWith("说明：发文机关未印发本表格式。", text[1], StringComparison.Ordinal);
        Assert.Contains("不是发文机关印发的格式", text[1], StringComparison.Ordinal);
        var conditions = TableWith(bytes, "办法要求");
        // 2025 year end: small/micro R1 R2 R3 = 3; all residents' employees 130+35+15+8 = 188.
        Assert.Equal("3家（2025年末）", RowStarting(conditions, "入驻小微企业（第六条（二））")[2]);
        Assert.Equal("188人（2025年末入驻企业合计）", RowStarting(conditions, "从业人员（第六条（二））")[2]);
        Assert.Equal("4人", RowStarting(conditions, "专职从事创业创新服务的人员（第六条（三））")[2]);
        Assert.Equal("3人", RowStarting(conditions, "其中创业辅导师（第六条（三））")[2]);
        Assert.Equal("2家", RowStarting(conditions, "引入或战略合作的外部专业服务机构（第六条（三））")[2]);
        Assert.Equal("60%（9/15家次）", RowStarting(conditions, "公益性服务或低收费服务占总服务量（第六条（四））")[2]);
        Assert.Equal("2019年3月1日成立，已满7年", RowStarting(conditions, "基地成立时间（第六条（一））")[2]);
        var functions = TableWith(bytes, "服务功能（条款）");
        // 信息服务: 3+2+1 = 6 家次, 4 户, 2 次, 10+4+1 = 15 人次, free/low 4.
        Assert.Equal(["信息服务（第八条（一））", "6", "4", "2", "15", "4"], functions[1]);
        Assert.Equal(["人员培训（第八条（四））", "4", "4", "1", "40", "4"], functions[4]);
        // 合计: 15 家次; events 2+1+1 = 4; 人次 15+1+40+6+2 = 64; free/low 9.
        Assert.Equal(["合计", "15", "—", "4", "64", "9"], functions[^1]);
        Assert.Contains(text, p => p.StartsWith("本单位郑重声明", StringComparison.Ordinal));
    }

    [Fact]
    public void Tibet_recommendation_form_records_conditions_evaluation_and_opinion()
    {
        var bytes = TibetRecommendationForm.Render(DocumentFixtures.TibetRecommendation());
        AssertValidDocx(bytes);
        var text = Paragraphs(bytes);
        Assert.StartsWith("说明：发文机关未印发本表格式。", text[1], StringComparison.Ordinal);
        Assert.Contains("推荐单位（公章）：拉萨市工业和信息化局", text);
        var conditions = TableWith(bytes, "系统核验");
        Assert.Equal(["第六条第（二）项", "入驻小微企业50家以上", "56家", "符合", "符合"], conditions[2]);
        Assert.Equal(["第九条", "运营模式、管理模式创新", "见申请报告", "待评审", "符合\n线上服务平台运行良好"], conditions[4]);
        var evaluation = TableWith(bytes, "测评等级");
        Assert.Equal(["运营情况", "良好", "治理结构完善，台账规范。"], evaluation[1]);
        Assert.Equal(["服务业绩", "优秀", "全年服务企业420家次。"], evaluation[2]);
        Assert.Equal(["满意度", "良好", "抽查6户，满意5户，满意度83.33%。"], evaluation[3]);
        var opinion = Tables(bytes).Last().Single().Single();
        Assert.Equal("该基地符合申报条件，同意推荐。\n是否同意推荐：是\n\n推荐单位（公章）　　　　\n2026年5月20日　　", opinion);
    }

    [Fact]
    public void Liaocheng_form_evidences_articles_five_to_eight_and_lists_the_materials()
    {
        var bytes = LiaochengApplicationForm.Render(DocumentFixtures.Kunming(), new HashSet<int> { 0, 1, 2, 3, 4 });
        AssertValidDocx(bytes);
        var text = Paragraphs(bytes);
        Assert.StartsWith("说明：发文机关未印发本表格式。", text[1], StringComparison.Ordinal);
        Assert.Contains("第五条至第八条", text[1], StringComparison.Ordinal);
        var conditions = TableWith(bytes, "办法要求");
        Assert.Equal(["独立法人资格并运营管理本基地的时间（第五条（一））", "一年以上", "2019年3月1日起，已满7年"], conditions[1]);
        Assert.Equal(["入驻小型微型企业（第五条（二））", "25家以上", "3家（2025年末）"], conditions[3]);
        Assert.Equal(["公益性免费服务或低收费服务占总服务工作量（第五条（四））", "不少于20%", "60%（9/15家次）"], conditions[7]);
        var materials = TableWith(bytes, "材料名称");
        Assert.Equal(11, materials.Count);
        Assert.Equal(["1", "市级小型微型企业创业创新示范基地申请报告", "☑ 已提交"], materials[1]);
        Assert.Equal(["10", "对申报材料真实性的声明（加盖申报单位公章）", "☐ 未提交"], materials[10]);
        Assert.Contains("八、县（市、区）工信部门初审意见（第十二条）", text);
    }
}
