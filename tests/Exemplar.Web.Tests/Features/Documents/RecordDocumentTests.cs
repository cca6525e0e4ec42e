using System.Net;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Decisions;
using Exemplar.Web.Features.Documents.Official;
using Exemplar.Web.Features.Notices;
using Exemplar.Web.Features.Recommendations;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Features.ChangeFilings;
using Exemplar.Web.Tests.Features.Notices;
using Exemplar.Web.Tests.Features.Recommendations;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Exemplar.Web.Tests.Features.Documents.OpenXmlChecks;
using static Exemplar.Web.Tests.Features.Notices.NoticeTestData;

namespace Exemplar.Web.Tests.Features.Documents;

/// <summary>
/// The 公示, the 公告, the 撤销决定 and the Tibet 推荐表 generated from records made through the workflow (clock Saturday
/// 2026-11-21), downloaded from the pages that show those records, read back and compared with values written here by
/// hand from the seeds, the demo directory and the calendar; same record → same bytes; outsiders get 404.
/// </summary>
public sealed class RecordDocumentTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string KunmingText = "《昆明市小型微型企业创业创新示范基地认定管理办法（修订）》（昆工信规〔2022〕1号）";
    private const string KunmingTitle = "昆明市小型微型企业创业创新示范基地";

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string fileName)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Docx, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(fileName, Uri.UnescapeDataString(response.Content.Headers.ContentDisposition!.ToString()));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        AssertValidDocx(bytes);
        Assert.Equal(bytes, await client.GetByteArrayAsync(url)); // same record, same bytes
        return bytes;
    }

    [Fact]
    public async Task The_notice_and_the_announcement_of_a_kunming_call_download_as_published_and_as_announced()
    {
        var data = new NoticeTestData(app.Services);
        var n = await data.PublishedAsync();
        var anyone = app.Client();

        // 公示 — published Saturday 2026-11-21; 第十三条 不少于10个工作日: the first working day is Monday 11-23, and the
        // tenth working day after it (no holiday between) is Friday 12-04: 23 24 25 26 27 | 30 1 2 3 4.
        var notice = await DownloadAsync(anyone, $"/Notices/{n.Id}?handler=Word", "2026年度昆明市小型微型企业创业创新示范基地拟认定名单公示.docx");
        var text = Paragraphs(notice);
        Assert.Equal("昆明市工业和信息化局文件", text[0]);
        Assert.Contains("2026年度昆明市小型微型企业创业创新示范基地拟认定名单公示", text);
        Assert.Contains($"根据{KunmingText}第十三条规定，经县（市）区中小企业主管部门、开发（度假）区中小企业主管部门推荐、专家评审和现场核查，" +
            $"拟认定以下2家基地为“{KunmingTitle}”，现予以公示。", text);
        Assert.Contains(text, p => p.StartsWith("公示期为2026年11月23日至2026年12月4日（10个工作日）。", StringComparison.Ordinal));
        Assert.Contains("受理异议的联系方式：昆明市工业和信息化局中小企业处 0871-63100000", text);
        Assert.Contains("2026年11月21日", text); // 成文日期 = the day of publication
        var bases = TableWith(notice, "基地名称");
        Assert.Equal(["序号", "基地名称", "运营单位", "所在地区"], bases[0]);
        Assert.Equal(3, bases.Count);
        var wuhua = bases.Single(r => r[1] == Wuhua);
        Assert.Equal("昆明五华创新创业园运营管理有限公司", wuhua[2]);
        Assert.Equal("云南省昆明市五华区", wuhua[3]); // the record's 云南省 / 昆明市 / 五华区, written as a place name
        Assert.Equal("昆明盘龙众创空间管理有限公司", bases.Single(r => r[1] == Panlong)[2]);
        Assert.Equal(["　昆明市工业和信息化局办公室", "2026年11月21日印发　"], Tables(notice).Last()[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/Notices/{Guid.NewGuid()}?handler=Word")).StatusCode);
        var manage = await (await app.SignedInAsync("km.city")).GetDocumentAsync($"/Notices/Manage/{n.Id}");
        Assert.Equal($"/Notices/{n.Id}?handler=Word", manage.QuerySelector("#notice-word")!.GetAttribute("href"));

        // Not announced yet: no 公告.
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/Decisions/Notices/{n.Id}/Announcement?handler=Word")).StatusCode);

        // After the period (Saturday 12-05): the collective decision (第十四条) and the announcement, both bases designated.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero));
        var who = await data.PrincipalAsync("km.city");
        var version = await data.Db(db => db.Set<PublicNotice>().Where(x => x.Id == n.Id).Select(x => x.Version).SingleAsync());
        Ok(await data.Reviews.WithAsync((s, _) => s.GetRequiredService<RecordDecisionHandler>().HandleAsync(new RecordDecisionCommand(
            n.Id, who, version, new DateOnly(2026, 12, 5), "局长办公会", "王强，主持人\n李娜，参会委员\n张伟，参会委员\n赵敏，记录人", 4, 4, true,
            new Exemplar.Web.Features.Notices.EvidenceUpload("会议纪要.pdf", ApplicationTestData.Pdf), [.. n.Entries.Select(e => new DecisionChoice(e.Id, true, null))]), default)));
        var decision = await data.Db(db => db.Set<DesignationDecision>().SingleAsync(d => d.NoticeId == n.Id));
        Ok(await data.Reviews.WithAsync((s, _) => s.GetRequiredService<AnnounceHandler>().HandleAsync(new AnnounceCommand(n.Id, who, decision.Version,
            "昆工信发〔2026〕120号", "关于认定2026年度昆明市小型微型企业创业创新示范基地的公告", new DateOnly(2026, 12, 5)), default)));

        // 第十五条 有效期为三年, counted from the announcement (the day itself not counted): 2026-12-05 → 2029-12-05.
        var announcement = await DownloadAsync(anyone, $"/Decisions/Notices/{n.Id}/Announcement?handler=Word", "关于认定2026年度昆明市小型微型企业创业创新示范基地的公告.docx");
        var a = Paragraphs(announcement);
        Assert.Equal("昆明市工业和信息化局文件", a[0]);
        Assert.Contains("昆工信发〔2026〕120号", a);
        Assert.Contains("关于认定2026年度昆明市小型微型企业创业创新示范基地的公告", a);
        Assert.Contains($"根据{KunmingText}，经县（市）区中小企业主管部门、开发（度假）区中小企业主管部门推荐、专家评审、现场核查、社会公示和集体决策，" +
            $"决定认定以下2家基地为“{KunmingTitle}”，并颁发牌匾，有效期自2026年12月5日至2029年12月5日。现予公告。", a);
        Assert.Contains("被认定的基地要不断完善创业创新基础设施环境，增强服务能力，按规定报送年度工作总结，发挥示范带动作用。", a); // 第十六条
        Assert.Contains("2026年12月5日", a);
        Assert.Equal(3, TableWith(announcement, "基地名称").Count);
        Assert.Contains(TableWith(announcement, "基地名称"), r => r[1] == Wuhua && r[2] == "昆明五华创新创业园运营管理有限公司");
        Assert.Equal(["　昆明市工业和信息化局办公室", "2026年12月5日印发　"], Tables(announcement).Last()[0]);
        var page = await anyone.GetDocumentAsync($"/Decisions/Notices/{n.Id}/Announcement");
        Assert.Equal($"/Decisions/Notices/{n.Id}/Announcement?handler=Word", page.QuerySelector("#announcement-word")!.GetAttribute("href"));
        await RenderAsync("announcement", ("notice", notice), ("announcement", announcement));
    }

    [Fact]
    public void A_programme_without_a_fixed_validity_is_announced_without_a_period()
    {
        var beijing = OfficialNotices.Announcement(new DesignationAnnouncementData
        {
            Issuer = Issuer.Of("北京市经济和信息化局"), Programme = new("北京市小型微型企业创业创新示范基地", "《北京市小型微型企业创业创新示范基地管理办法》"),
            Procedure = "经认定评价、社会公示", Bases = [new("海淀中关村创业示范基地", "北京海淀科创孵化器有限公司", "北京市海淀区")], Date = new DateOnly(2026, 12, 10),
        });
        var body = string.Concat(beijing.Body.OfType<OfficialParagraph>().Select(p => p.Text));
        Assert.DoesNotContain("有效期", body);
        Assert.Contains("决定认定以下1家基地为“北京市小型微型企业创业创新示范基地”。现予公告。", body);
        Assert.Equal("北京市经济和信息化局文件", beijing.IssuerMark);
        Assert.Equal("北京市经济和信息化局办公室", beijing.PrintedBy);
    }

    [Fact]
    public async Task A_beijing_revocation_decision_states_the_ground_the_ban_the_hearing_and_the_remedies()
    {
        app.Clock.AdjustTime(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero)); // Saturday, whatever ran before in this class
        var (designation, _) = await CaseForms.DemoAsync(app.Services, "海淀中关村创业示范基地");
        var city = await app.SignedInAsync("bj.city");
        var start = "/Revocations/Start?designation=" + designation + "&ground=false-materials";
        var id = CaseForms.IdFrom(await CaseForms.PostAsync(city, start, [("designation", designation.ToString()), ("Grounds", "false-materials"),
            ("Facts", "经核查，该基地在2025年度绩效评价中提供的服务企业数据与台账不符。"), ("StatementDays", "7")]));
        Assert.Equal(HttpStatusCode.Redirect, (await city.GetAsync($"/Revocations/{id}/Word")).StatusCode); // nothing decided yet

        var applicant = await app.SignedInAsync("bj.applicant");
        await applicant.GetDocumentAsync($"/Revocations/{id}"); // 送达 on Saturday 11-21
        Assert.Equal(HttpStatusCode.Redirect, (await CaseForms.PostAsync(applicant, $"/Revocations/{id}", [("Statement", "数据差异系统计口径不同所致，并非虚假。")],
            action: $"/Revocations/{id}/Statement")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostFormAsync($"/Revocations/{id}", new Dictionary<string, string>
        {
            ["Outcome"] = "Revoke", ["DecisionNumber"] = "京经信发〔2026〕120号", ["Reasons"] = "经核实，所报服务企业数据与台账和抽查结果不符，属提供虚假数据。",
            ["StatementAccepted"] = "false", ["StatementHandlingReason"] = "统计口径已在申报通知中明确，申辩理由不成立。", ["Confirmed"] = "true",
        }, postUrl: $"/Revocations/{id}/Decide")).StatusCode);

        var word = await DownloadAsync(city, $"/Revocations/{id}/Word", "海淀中关村创业示范基地-撤销称号决定-京经信发〔2026〕120号.docx");
        Assert.Equal(word, await applicant.GetByteArrayAsync($"/Revocations/{id}/Word")); // the base reads the same decision
        foreach (var outsider in new[] { "km.city", "lc.city", "km.applicant" })
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(outsider)).GetAsync($"/Revocations/{id}/Word")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync($"/Revocations/{id}/Word")).StatusCode); // to sign-in

        var r = Paragraphs(word);
        Assert.Equal("北京市经济和信息化局文件", r[0]);
        Assert.Contains("京经信发〔2026〕120号", r);
        Assert.Contains("关于撤销海淀中关村创业示范基地", r);
        Assert.Contains("“北京市小型微型企业创业创新示范基地”称号的决定", r);
        Assert.Contains("北京海淀科创孵化器有限公司：", r);
        // The demo designation: 京经信发〔2024〕56号 of 2024-06-01.
        Assert.Contains("海淀中关村创业示范基地（运营单位：北京海淀科创孵化器有限公司）于2024年6月1日（京经信发〔2024〕56号）被认定为“北京市小型微型企业创业创新示范基地”。", r);
        Assert.Contains("经核查，该基地在2025年度绩效评价中提供的服务企业数据与台账不符。", r);
        Assert.Contains("2026年11月21日，本机关将拟撤销称号的事实、理由和依据告知你单位，并告知你单位享有陈述、申辩的权利。你单位于2026年11月21日提出陈述、申辩，称：数据差异系统计口径不同所致，并非虚假。", r);
        Assert.Contains("经审查，本机关不予采纳你单位的陈述、申辩意见，理由是：统计口径已在申报通知中明确，申辩理由不成立。", r);
        Assert.Contains("经核实，所报服务企业数据与台账和抽查结果不符，属提供虚假数据。", r);
        // 北京第十五条第（一）项 in the text's words, and 第十五条's two-year ban counted from the revocation day (not counted).
        Assert.Contains("依据《北京市小型微型企业创业创新示范基地管理办法》第十五条第（一）项“在申请认定和绩效评价中提供虚假材料和数据”的规定，经研究，" +
            "决定撤销海淀中关村创业示范基地“北京市小型微型企业创业创新示范基地”称号，自本决定作出之日起两年内（至2028年11月21日）不得再次申请（第十五条）。", r);
        Assert.Contains("如对本决定不服，可以自知道本决定之日起60日内依法申请行政复议（《中华人民共和国行政复议法》第二十条），" +
            "或者自知道或者应当知道本决定之日起6个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。", r);
        Assert.Contains("2026年11月21日", r);
        Assert.Contains("下载撤销决定书（Word）", (await city.GetDocumentAsync($"/Revocations/{id}")).QuerySelector("#revocation-word")!.TextContent);
        await RenderAsync("revocation", ("revocation", word));
    }

    [Fact]
    public async Task A_tibet_recommendation_form_carries_the_prefectures_assessment_and_the_snapshot_figures()
    {
        var data = new ApplicationTestData(app.Services);
        var recommendations = new RecommendationTestData(data);
        var call = await data.CallAsync("xizang-base-2017", "xz.region", "XR", title: "西藏推荐表测试批次");
        var id = await data.SubmittedAsync("拉萨城关创业园", call);
        var officer = await recommendations.OfficerAsync("xz.lasa");
        var slots = await data.WithAsync((_, db) => db.Set<Exemplar.Web.Features.Calls.CallMaterialSlot>().Where(s => s.CallId == call).Select(s => s.Id).ToListAsync());
        SaveWorksheetCommand Save(uint version, IReadOnlyList<AssessmentInput> assessment) => new(id, officer, version, slots.ToDictionary(s => s.ToString(), _ => true),
            new Dictionary<string, string?> { ["resident-count"] = "抽查入驻合同，与申报一致。" }, null, null, null, "该基地符合申报条件，同意推荐。", true) { Assessment = assessment };

        var refused = await recommendations.RunAsync(h => h.SaveAsync(Save(0, [new("运营情况", "很好", null), new("服务业绩", null, "全年服务活动较多。")]), default));
        Assert.Contains("运营情况的测评等级应为优秀、良好、合格、不合格之一。", Messages(refused));
        Assert.Contains("请选择服务业绩的测评等级。", Messages(refused));
        Assert.Null(await recommendations.SheetAsync(id)); // nothing half-saved
        // 第十二条 names three items: the form is not signed with 满意度 left ungraded.
        Ok(await recommendations.RunAsync(h => h.SaveAsync(Save(0, [new("运营情况", "良好", "治理结构完善，服务台账规范。"), new("服务业绩", "优秀", "全年开展服务活动，服务企业覆盖全部入驻企业。")]), default)));
        var unsigned = await recommendations.RunAsync(async h => await h.SignAsync(new(id, officer, (await recommendations.SheetAsync(id))!.Version, true), default));
        Assert.Contains("签署前请在推荐表中测评满意度（第十二条），并保存工作表。", Messages(unsigned));
        Assert.Null((await recommendations.SheetAsync(id))!.SignedAt);
        Ok(await recommendations.RunAsync(async h => await h.SaveAsync(Save((await recommendations.SheetAsync(id))!.Version, [new("运营情况", "良好", "治理结构完善，服务台账规范。"), new("服务业绩", "优秀", "全年开展服务活动，服务企业覆盖全部入驻企业。"),
            new("满意度", "合格", null)]), default)));
        var lasa = await app.SignedInAsync("xz.lasa");
        Assert.Equal(HttpStatusCode.Redirect, (await lasa.GetAsync($"/Applications/{id}/Recommendation/Word")).StatusCode); // not signed yet
        Ok(await recommendations.RunAsync(async h => await h.SignAsync(new(id, officer, (await recommendations.SheetAsync(id))!.Version, true), default)));

        var word = await DownloadAsync(lasa, $"/Applications/{id}/Recommendation/Word", "拉萨城关创业园-示范基地推荐表.docx");
        Assert.Equal(word, await (await app.SignedInAsync("xz.region")).GetByteArrayAsync($"/Applications/{id}/Recommendation/Word")); // the region reads it once signed
        foreach (var outsider in new[] { "km.wuhua", "km.city", "xz.applicant" })
            Assert.NotEqual(HttpStatusCode.OK, (await (await app.SignedInAsync(outsider)).GetAsync($"/Applications/{id}/Recommendation/Word")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("km.wuhua")).GetAsync($"/Applications/{id}/Recommendation/Word")).StatusCode);

        Assert.Contains("推荐单位（公章）：拉萨市工业和信息化局", Paragraphs(word));
        var assessed = TableWith(word, "测评内容");
        Assert.Equal(["运营情况", "良好", "治理结构完善，服务台账规范。"], RowStarting(assessed, "运营情况"));
        Assert.Equal(["服务业绩", "优秀", "全年开展服务活动，服务企业覆盖全部入驻企业。"], RowStarting(assessed, "服务业绩"));
        Assert.Equal(["满意度", "合格", ""], RowStarting(assessed, "满意度"));
        var head = TableWith(word, "基地名称");
        Assert.Equal(["基地名称", "拉萨城关创业园"], RowStarting(head, "基地名称"));
        Assert.Equal("拉萨城关创业园运营有限公司", RowStarting(head, "运营主体")[1]);
        // Each condition's figure is the applicant's, frozen in the submitted snapshot; the officer's note beside the one she checked.
        var snapshot = await data.WithAsync((_, db) => db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id && v.SnapshotJson != null).Select(v => v.SnapshotJson!).SingleAsync());
        var frozen = System.Text.Json.JsonSerializer.Deserialize<ReportData>(ApplicationJson.ReadRecord<ApplicationPackage>(snapshot).Report, ApplicationJson.Options)!
            .Eligibility.Conditions.Single(c => c.ConditionId == "resident-count");
        Assert.Equal("第六条第（二）项", frozen.Citation);
        var checkedRow = RowStarting(TableWith(word, "条款"), "第六条第（二）项");
        Assert.Equal(frozen.Actual ?? "—", checkedRow[2]);
        Assert.Equal("核查意见：抽查入驻合同，与申报一致。", checkedRow[4]);
        Assert.Contains(Tables(word).SelectMany(t => t).SelectMany(r => r), c => c.Contains("该基地符合申报条件，同意推荐。\n是否同意推荐：是", StringComparison.Ordinal));
        await RenderAsync("recommendation", ("tibet-recommendation", word));

        // The officer's list exports as XLSX: title, then the frozen header in row 2, one row per application in her queue.
        using var export = await lasa.GetAsync("/Recommendations?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var xlsx = await export.Content.ReadAsByteArrayAsync();
        AssertValidXlsx(xlsx);
        var cells = SheetCells(xlsx);
        Assert.Equal(("受理编号", "基地（平台）", "签署人"), (cells["A2"], cells["B2"], cells["H2"]));
        var receipt = await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.Id == id).Select(a => a.ReceiptNumber!).SingleAsync());
        var row = cells.Single(c => c.Value == receipt).Key[1..];
        Assert.Equal(("拉萨城关创业园", "已推荐", "该基地符合申报条件，同意推荐。"), (cells["B" + row], cells["E" + row], cells["G" + row]));
        using (var sheet = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
            Assert.Equal("A3", sheet.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single().TopLeftCell!.Value);
    }

    /// <summary>
    /// Renders the files with LibreOffice (scripts/render-documents.sh) into artifacts/screenshots/documents/records for a
    /// person to look at, and checks every page is A4 portrait and the official documents fit on two pages.
    /// </summary>
    private static async Task RenderAsync(string set, params (string Name, byte[] Bytes)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("exemplar-record-documents-").FullName;
        try
        {
            foreach (var (name, bytes) in files) await File.WriteAllBytesAsync(Path.Combine(folder, $"record-{name}.docx"), bytes);
            var pngs = Path.Combine(TestDatabase.RepositoryRoot(), "artifacts", "screenshots", "documents", "records", set);
            var (code, output) = RenderedDocuments.Run("bash", Path.Combine(TestDatabase.RepositoryRoot(), "scripts", "render-documents.sh"), folder, pngs);
            Assert.True(code == 0, output);
            foreach (var (name, _) in files)
            {
                var (info, text) = RenderedDocuments.Run("pdfinfo", Path.Combine(folder, $"record-{name}.pdf"));
                Assert.Equal(0, info);
                var size = System.Text.RegularExpressions.Regex.Match(text, @"Page size:\s+([\d.]+) x ([\d.]+)");
                var (width, height) = (double.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(size.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
                Assert.InRange(width, 594, 597); // A4 portrait: 210 × 297 mm = 595.3 × 841.9 pt
                Assert.InRange(height, 841, 843);
                var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(pages, 1, name == "tibet-recommendation" ? 3 : 2);
                if (name is "notice" or "announcement" or "revocation")
                {
                    // GB/T 9704 7.3.5.4: the page with 署名 and 成文日期 also carries text (they never stand alone on a page).
                    var (_, last) = RenderedDocuments.Run("pdftotext", "-f", pages.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l",
                        pages.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.Combine(folder, $"record-{name}.pdf"), "-");
                    var lines = last.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(l, @"^[—–-]\s*\d+\s*[—–-]$")).ToList();
                    var dateLine = lines.FindIndex(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$"));
                    Assert.True(dateLine >= 2, $"{name}: 成文日期 on page {pages} has no text above its 署名:\n{last}");
                }
            }
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }
}
