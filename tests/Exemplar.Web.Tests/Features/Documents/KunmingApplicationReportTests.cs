using DocumentFormat.OpenXml.Packaging;
using Exemplar.Web.Features.Documents.Kunming;
using W = DocumentFormat.OpenXml.Wordprocessing;
using static Exemplar.Web.Tests.Features.Documents.OpenXmlChecks;

namespace Exemplar.Web.Tests.Features.Documents;

/// <summary>The Kunming 申请报告 read back: hand-counted figures of <see cref="DocumentFixtures.Kunming"/> in the right cells.</summary>
public sealed class KunmingApplicationReportTests
{
    private static readonly byte[] Report = KunmingApplicationReport.Render(DocumentFixtures.Kunming());

    [Fact]
    public void Report_is_valid_open_xml() => AssertValidDocx(Report);

    [Fact]
    public void Cover_commitment_and_contents_follow_the_seed()
    {
        var text = Paragraphs(Report);
        Assert.Contains(text, p => p.StartsWith("基地名称：昆明五华创新创业园", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("申请单位（公章）：昆明五华创业服务有限公司", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("填报日期：2026年3月15日", StringComparison.Ordinal));
        Assert.Contains("昆明市工业和信息化局制", text);
        Assert.Contains("申请报告主要内容", text);
        Assert.Contains("承诺书", text);
        Assert.Contains(text, p => p.StartsWith("一、按照规定组织申报材料", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("二、遵守国家相关法律法规，上年度未发生偷漏税", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("三、按照规定程序申报昆明市小型微型企业创业创新示范基地", StringComparison.Ordinal));
        Assert.Contains("申报单位（公章）：", text);
        Assert.Contains("法定代表人（签字）：", text);
        foreach (var heading in new[] { "（一）基地的基本情况", "（二）入驻企业和创业团队情况", "（三）基地运营管理情况", "（四）服务小微企业情况", "（五）其他需要说明的事项", "（六）下一步发展计划、目标" })
            Assert.Equal(2, text.Count(p => p == heading)); // once in the contents, once over the applicant's text
        Assert.Contains("园区成立于2019年，位于五华区学府路。", text);
        Assert.Contains("三年内入驻企业达到80家。", text);
    }

    [Fact]
    public void Part_one_counts_leading_industry_residents_and_staff()
    {
        var basic = TableWith(Report, "基地名称");
        Assert.Equal(["基地名称", "昆明五华创新创业园", "所属县区", "五华区"], basic[0]);
        // Residents on 2026-03-15 in a leading industry: 五华机械, 云岭软件, 滇池生物.
        Assert.Equal("3", RowStarting(basic, "主营业务属于主导产业的入驻企业数（户）")[1]);
        Assert.Equal(["运营单位名称", "昆明五华创业服务有限公司", "单位性质", "有限责任公司", "法人代表", "周建国"], RowStarting(basic, "运营单位名称"));
        // The row below 基地基础设施及场地面积 starts with that label's vertical merge.
        Assert.Equal(["", "总场地面积：12500.5平方米，其中：公共服务区域面积2600平方米"], basic[8]);
        // Full-time 4; qualified 张明 (硕士), 李华 (本科), 王芳 (中级职称) = 3 = 75%; mentors 张明, 王芳, 陈静 = 3.
        Assert.Equal("服务人员4人　其中：本科及以上学历和中级及以上职称3人，占总人数75%，创业导师3人", basic[9].Single());
    }

    [Fact]
    public void Part_two_startup_and_innovation_years()
    {
        var startup = TableWith(Report, "入驻小微企业户数");
        Assert.Equal(["2024年", "5", "4", "53", "1100"], RowStarting(startup, "2024年"));
        Assert.Equal(["2025年", "4", "3", "58", "1285.75"], RowStarting(startup, "2025年"));
        var innovation = TableWith(Report, "可统计创新成果项目");
        Assert.Equal(["基地内小微企业专利申请（件）", "3", "4", "7"], RowStarting(innovation, "基地内小微企业专利申请（件）"));
        Assert.Equal(["基地内小微企业拥有专利（件）", "3", "5", "8"], RowStarting(innovation, "基地内小微企业拥有专利（件）"));
        Assert.Equal(["其他创新成果（个）", "1", "3", "4"], RowStarting(innovation, "其他创新成果（个）"));
    }

    [Fact]
    public void Part_three_counts_distinct_enterprises_and_events_per_function()
    {
        var service = TableWith(Report, "获得专业资质情况");
        Assert.Equal(["信息服务", "4", "2", "创业辅导", "1", "0"], RowStarting(service, "信息服务"));
        Assert.Equal(["创新支持", "0", "0", "人员培训", "4", "1"], RowStarting(service, "创新支持"));
        Assert.Equal(["市场营销", "0", "0", "投融资服务", "2", "1"], RowStarting(service, "市场营销"));
        Assert.Equal(["管理咨询", "0", "0", "专业服务", "2", "0"], RowStarting(service, "管理咨询"));
        Assert.Contains(["上一年度营业收入1234.56万元，减免小微企业各类服务费用45.5万元。"], service);
        // Partners whose agreement runs on 2026-03-15 (昆明信达 ended 2025-12-31), under the 签约合作服务机构 merge.
        Assert.Equal(["", "1. 云南明理律师事务所\n2. 滇中知识产权代理有限公司", "云南省中小企业服务中心"], service[^1]);
    }

    [Fact]
    public void Part_four_leaves_the_county_opinion_box_with_seal_and_date()
    {
        var support = TableWith(Report, "得到政府扶持的情况");
        Assert.Equal("2025年获五华区中小企业发展专项资金50万元。", RowStarting(support, "得到政府扶持的情况")[1]);
        Assert.StartsWith("县（市）区、开发（度假）区中小企业主管部门审查推荐意见：", support[2].Single(), StringComparison.Ordinal);
        Assert.Contains("（公章）", support[2].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Staff_table_has_the_two_level_header_and_every_member()
    {
        var staff = TableWith(Report, "教育情况");
        Assert.Equal(["学历", "毕业院校及专业", "资格证名称", "发证机关"], staff[1].Where(c => c.Length > 0).ToList());
        var rows = staff.Skip(2).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal(["3", "王芳", "服务专员", "大专", "", "中级经济师", "云南省人力资源和社会保障厅", "2.5", "13700000003", "是"], rows[2]);
        Assert.Equal("否", rows[1][9]);
    }

    [Fact]
    public void Resident_directory_is_ordered_by_entry_and_totalled()
    {
        var directory = TableWith(Report, "入驻基地时间");
        var rows = directory.Skip(1).ToList();
        // Residents on 2026-03-15 by entry: 五华机械 2020-01, 云岭软件 2021-03, 滇池生物 2022-06, 春城电商 2024-05 (老城文化 left).
        Assert.Equal(["五华机械制造有限公司", "云岭软件有限公司", "滇池生物科技有限公司", "春城电商有限公司"], rows.Take(4).Select(r => r[1]).ToList());
        Assert.Equal(["2", "云岭软件有限公司", "2021年3月", "35", "工业软件开发", "软件和信息技术服务", "950.5", "专利申请3件、拥有专利4件、高新技术企业、科技型中小企业", "李云", "13900000001"], rows[1]);
        // 合计: employees 130+35+15+8 = 188; revenue 5600+950.5+260.25+75 = 6885.75.
        Assert.Equal(["合计（共4户）", "188", "", "6885.75", ""], rows[4]);
    }

    [Fact]
    public void Activity_table_has_the_eight_functions_with_events_and_free_share()
    {
        var activities = TableWith(Report, "服务活动简介");
        var rows = activities.Skip(1).ToList();
        Assert.Equal(["信息服务", "创业辅导", "创新支持", "人员培训", "市场营销", "投融资服务", "管理咨询", "专业服务"], rows.Select(r => r[1]).ToList());
        // 信息服务: events E1, E2 = 2; free/low-fee E1 (3) + E3 (1) = 4 of 6 家次 = 66.66% (truncated).
        Assert.Equal(["1", "信息服务", "发布政策信息，开展政策宣讲。", "2", "覆盖全部入驻企业。", "4家次，占66.66%", "线上线下结合"], rows[0]);
        // 人员培训 without the applicant's text: the ledger's own summary (4 户, 4 家次, 1 场次, 40 人次).
        Assert.Equal("全年服务企业4户、4家次，开展活动1场次，参加40人次。", rows[3][2]);
        Assert.Equal("1", rows[3][3]);
        Assert.Contains(Paragraphs(Report), p => p.Contains("共服务企业15家次，其中公益性或低收费服务9家次，占总服务量60%", StringComparison.Ordinal));
    }

    [Fact]
    public void Satisfaction_table_lists_each_answer_with_the_services_received()
    {
        var satisfaction = TableWith(Report, "企业满意度");
        var rows = satisfaction.Skip(2).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["1", "五华机械制造有限公司", "赵华", "13900000004", "信息服务1次、人员培训1次、专业服务1次", "√", ""], rows[0]);
        Assert.Equal(["2", "云岭软件有限公司", "李云", "13900000001", "信息服务2次、人员培训1次、投融资服务1次", "√", ""], rows[1]);
        Assert.Equal(["", "√"], rows[3][5..]);
        Assert.Contains(Paragraphs(Report), p => p.StartsWith("注：共4户入驻企业作答，满意3户，满意度75%。", StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_repeat_their_header_rows_and_the_four_tables_are_landscape()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Report), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var directory = body.Elements<W.Table>().Single(t => t.Descendants<W.Text>().Any(x => x.Text == "入驻基地时间"));
        Assert.NotNull(directory.Elements<W.TableRow>().First().TableRowProperties!.GetFirstChild<W.TableHeader>());
        var orientations = body.Descendants<W.SectionProperties>().Select(s => s.GetFirstChild<W.PageSize>()!.Orient?.Value).ToList();
        Assert.Equal([W.PageOrientationValues.Portrait, W.PageOrientationValues.Portrait, W.PageOrientationValues.Landscape, W.PageOrientationValues.Portrait], orientations);
    }

    [Fact]
    public void Same_record_gives_the_same_bytes() => Assert.Equal(Report, KunmingApplicationReport.Render(DocumentFixtures.Kunming()));
}
