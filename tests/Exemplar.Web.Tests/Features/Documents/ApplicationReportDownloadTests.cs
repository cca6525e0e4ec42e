using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Exemplar.Web.Tests.Features.Documents.OpenXmlChecks;

namespace Exemplar.Web.Tests.Features.Documents;

/// <summary>
/// 下载申请报告（Word） of a real application: 盘龙众创空间's records are replaced by a small hand-made set (below), the
/// application is started, completed and locked through the real handlers, and the Word file downloaded from the Report
/// page is read back — every figure compared with what was counted by hand from that set, and with the HTML report.
/// </summary>
public sealed class ApplicationReportDownloadTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ApplicationTestData data = new(app.Services);
    private const string Base = "盘龙众创空间";

    // Residents (profile year 2025):
    //   丁 Other (medium), 2019, leading; 2024: 80 人 5000 万; 2025: 85 人 5200 万, 高新 1
    //   甲 Small, 2020-03, leading;       2024: 10 人 100.5 万, 专利申请 1; 2025: 12 人 150 万, 专利申请 2, 拥有专利 1
    //   戊 Micro, 2020-09, left 2025-06-30, leading; 2024: 4 人 30 万; 2025: 4 人 10 万
    //   乙 Micro, 2021-06, leading;       2024: 5 人 40 万; 2025: 6 人 55.25 万, 科技型中小企业 1
    //   丙 Micro, 2025-04, not leading;   2025: 3 人 20 万
    // End of 2024: 丁 甲 戊 乙 = 4, small/micro 甲 戊 乙 = 3, 10+4+5 = 19 人, 100.5+30+40 = 170.5 万, outcomes 1.
    // End of 2025: 丁 甲 乙 丙 = 4, small/micro 甲 乙 丙 = 3, 12+6+3 = 21 人, 150+55.25+20 = 225.25 万, outcomes 3+1 = 4;
    //   leading 丁 甲 乙 = 3.
    // Staff: 3 full-time (本科 mentor; 大专 中级; 高中), 1 part-time (硕士 高级 mentor): 2 of 3 qualified = 66.66 %, mentors 2.
    // Ledger 2025: 信息服务 event 甲 乙 + 区外企业甲 (free), 信息服务 one-to-one 甲 (market), 人员培训 training 甲 乙 丙 (low fee),
    //   投融资服务 bank-enterprise event 乙 丁 (free), 创业辅导 one-to-one 丙 (free); one 2024 entry that must not count.
    //   信息服务 3 户 1 场, 创业辅导 1 户 0 场, 人员培训 3 户 1 场, 投融资服务 2 户 1 场; 家次 10, free or low fee 9 = 90 %.
    // Survey 2025: 甲 satisfied, 乙 satisfied, 丙 not: 2 of 3 = 66.66 %.
    // Partners: 云南信诚会计师事务所 2023–2026 (runs at the end of 2025), 昆明旧约律师事务所 2022 – 2024-06-30 (does not).

    [Fact]
    public async Task The_word_report_carries_the_locked_figures_the_html_report_shows_and_the_dossier_holds_the_same_bytes()
    {
        await ReplaceRecordsAsync();
        var call = await data.CallIdAsync();
        var id = await data.StartAsync(call, Base);
        var applicant = await app.SignedInAsync("km.applicant2");

        // Not locked yet: no Word link, and the download sends the applicant back to the report.
        var preview = await applicant.GetDocumentAsync($"/Applications/{id}/Report");
        Assert.Null(preview.QuerySelector("#report-word"));
        using (var early = await applicant.GetAsync($"/Applications/{id}/Report?handler=Word"))
        {
            Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
            Assert.Equal($"/Applications/{id}/Report", early.Headers.Location!.OriginalString);
        }

        var org = (await data.CarrierAsync(Base)).Organization;
        var saved = await data.WithAsync(async (s, _) => await s.GetRequiredService<SaveNarrativesHandler>().HandleAsync(new SaveNarrativesCommand(id, org,
            await data.VersionTokenAsync(id), new Dictionary<string, string?> { ["basic"] = "盘龙众创空间成立于2018年。", ["plan"] = "三年内入驻企业达到20家。" }), default));
        Assert.True(saved.Ok);
        await data.CompleteAsync(id); // details (1250.5 万, 86 万), lock, materials, declaration
        var page = await applicant.GetDocumentAsync($"/Applications/{id}/Report");
        Assert.Equal($"/Applications/{id}/Report?handler=Word", page.QuerySelector("#report-word")!.GetAttribute("href"));
        AssertHtmlFigures(page);

        using var response = await applicant.GetAsync($"/Applications/{id}/Report?handler=Word");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("盘龙众创空间-示范基地认定申请报告.docx", Uri.UnescapeDataString(response.Content.Headers.ContentDisposition!.ToString()));
        var word = await response.Content.ReadAsByteArrayAsync();
        AssertValidDocx(word);
        var lockedHash = await data.WithAsync((_, db) => db.Set<ApplicationVersion>()
            .Where(v => v.ApplicationId == id).Select(v => v.LockedHash!).SingleAsync());
        AssertWordFigures(word, lockedHash);
        Assert.Equal(word, await applicant.GetByteArrayAsync($"/Applications/{id}/Report?handler=Word")); // same record, same bytes

        // Other applicants never see it; after submission the county officer of 盘龙区 may, the city (content goes through the county) not.
        var other = await app.SignedInAsync("km.applicant");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Applications/{id}/Report?handler=Word")).StatusCode);

        var outcome = await data.SubmitAsync(id);
        Assert.True(outcome.Result.Ok, string.Join(" ", outcome.Result.Errors.SelectMany(e => e.Value)));
        Assert.Equal(word, await applicant.GetByteArrayAsync($"/Applications/{id}/Versions/1/Word"));
        var version = await applicant.GetDocumentAsync($"/Applications/{id}/Versions/1");
        Assert.Equal($"/Applications/{id}/Versions/1/Word", version.QuerySelector("#version-word")!.GetAttribute("href"));
        var county = await app.SignedInAsync("km.panlong");
        Assert.Equal(word, await county.GetByteArrayAsync($"/Applications/{id}/Versions/1/Word"));
        var city = await app.SignedInAsync("km.city");
        using (var refused = await city.GetAsync($"/Applications/{id}/Versions/1/Word")) // sees the status, not the content: 403 page
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Error/403", refused.Headers.Location!.PathAndQuery.Length > 0 && refused.Headers.Location.IsAbsoluteUri ? refused.Headers.Location.PathAndQuery : refused.Headers.Location.OriginalString);
        }

        var zip = await applicant.GetByteArrayAsync($"/Applications/{id}/Versions/1/Dossier");
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entry = archive.GetEntry("report/盘龙众创空间-示范基地认定申请报告.docx");
        Assert.NotNull(entry);
        using var ms = new MemoryStream();
        using (var s = entry.Open()) await s.CopyToAsync(ms);
        Assert.Equal(word, ms.ToArray());
        using var sums = new StreamReader(archive.GetEntry("SHA256SUMS")!.Open());
        Assert.Contains($"{Convert.ToHexStringLower(SHA256.HashData(word))}  report/盘龙众创空间-示范基地认定申请报告.docx", await sums.ReadToEndAsync());
    }

    private static void AssertHtmlFigures(AngleSharp.Dom.IDocument page)
    {
        static string T(AngleSharp.Dom.IElement? e) => Regex.Replace(e!.TextContent, @"\s+", " ").Trim();
        static List<string> Cells(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("td").Select(T).ToList();
        Assert.Equal("3", T(page.QuerySelector("#r-leading")));
        Assert.Equal("专职 3 人，其中本科及以上学历和中级及以上职称 2 人，占总人数 66.66%，创业导师 2 人", T(page.QuerySelector("#r-staff")));
        Assert.Equal(["4", "3", "19", "170.5", "1"], Cells(page.QuerySelector("#r-residents-years tr[data-year='2024']")!));
        Assert.Equal(["4", "3", "21", "225.25", "4"], Cells(page.QuerySelector("#r-residents-years tr[data-year='2025']")!));
        Assert.Equal(["3", "1"], Cells(page.QuerySelector("#r-functions tr[data-function='信息服务']")!));
        Assert.Equal(["1", "0"], Cells(page.QuerySelector("#r-functions tr[data-function='创业辅导']")!));
        Assert.Equal(["3", "1"], Cells(page.QuerySelector("#r-functions tr[data-function='人员培训']")!));
        Assert.Equal(["2", "1"], Cells(page.QuerySelector("#r-functions tr[data-function='投融资服务']")!));
        Assert.Equal(["0", "0"], Cells(page.QuerySelector("#r-functions tr[data-function='专业服务']")!));
    }

    private static void AssertWordFigures(byte[] word, string lockedHash)
    {
        var text = Paragraphs(word);
        Assert.Contains(text, p => p.StartsWith("基地名称：盘龙众创空间", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("申请单位（公章）：昆明盘龙众创空间管理有限公司", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("填报日期：2026年11月21日", StringComparison.Ordinal)); // the day it was locked
        Assert.Contains($"锁定数据哈希：{lockedHash[..16]}", text);
        Assert.Contains("盘龙众创空间成立于2018年。", text); // narrative sections as saved
        Assert.Contains("三年内入驻企业达到20家。", text);

        var basic = TableWith(word, "基地名称");
        Assert.Equal("3", RowStarting(basic, "主营业务属于主导产业的入驻企业数（户）")[1]);
        Assert.Equal(["运营单位名称", "昆明盘龙众创空间管理有限公司", "单位性质", "有限责任公司", "法人代表", "李明"], RowStarting(basic, "运营单位名称"));
        Assert.Contains(["服务人员3人　其中：本科及以上学历和中级及以上职称2人，占总人数66.66%，创业导师2人"], basic);

        var startup = TableWith(word, "入驻小微企业户数");
        Assert.Equal(["2024年", "4", "3", "19", "170.5"], RowStarting(startup, "2024年"));
        Assert.Equal(["2025年", "4", "3", "21", "225.25"], RowStarting(startup, "2025年"));
        var innovation = TableWith(word, "可统计创新成果项目");
        Assert.Equal(["基地内小微企业专利申请（件）", "1", "2", "3"], RowStarting(innovation, "基地内小微企业专利申请（件）"));
        Assert.Equal(["基地内小微企业拥有专利（件）", "0", "1", "1"], RowStarting(innovation, "基地内小微企业拥有专利（件）"));
        Assert.Equal(["高新技术企业（户）", "0", "0", "0"], RowStarting(innovation, "高新技术企业（户）")); // 丁 is not small or micro
        Assert.Equal(["科技型中小企业（户）", "0", "1", "1"], RowStarting(innovation, "科技型中小企业（户）"));

        var service = TableWith(word, "获得专业资质情况");
        Assert.Equal(["信息服务", "3", "1", "创业辅导", "1", "0"], RowStarting(service, "信息服务"));
        Assert.Equal(["创新支持", "0", "0", "人员培训", "3", "1"], RowStarting(service, "创新支持"));
        Assert.Equal(["市场营销", "0", "0", "投融资服务", "2", "1"], RowStarting(service, "市场营销"));
        Assert.Equal(["管理咨询", "0", "0", "专业服务", "0", "0"], RowStarting(service, "管理咨询"));
        Assert.Contains(["上一年度营业收入1250.5万元，减免小微企业各类服务费用86万元。"], service);
        Assert.Equal("1. 云南信诚会计师事务所", service[^1][1]);

        var directory = TableWith(word, "入驻基地时间");
        Assert.Equal(["盘龙丁制造有限公司", "盘龙甲科技有限公司", "盘龙乙电商有限公司", "盘龙丙设计有限公司"], directory.Skip(1).SkipLast(1).Select(r => r[1]).ToList());
        Assert.Equal(["合计（共4户）", "106", "", "5425.25", ""], directory[^1]);

        var activities = TableWith(word, "服务活动类型");
        Assert.Equal(["1", "信息服务"], RowStarting(activities, "1", "信息服务")[..2]);
        Assert.Equal("1", RowStarting(activities, "1", "信息服务")[3]);
        Assert.Equal("3家次，占75%", RowStarting(activities, "1", "信息服务")[5]);
        Assert.Contains(text, p => p.StartsWith("注：2025年服务台账共服务企业10家次，其中公益性或低收费服务9家次，占总服务量90%。", StringComparison.Ordinal));

        var satisfaction = TableWith(word, "服务内容简述");
        Assert.Equal(["盘龙甲科技有限公司", "√", ""], Pick(RowStarting(satisfaction, "1"), 1, 5, 6));
        Assert.Equal(["盘龙乙电商有限公司", "√", ""], Pick(RowStarting(satisfaction, "2"), 1, 5, 6));
        Assert.Equal(["盘龙丙设计有限公司", "", "√"], Pick(RowStarting(satisfaction, "3"), 1, 5, 6));
        Assert.Contains(text, p => p.StartsWith("注：共3户入驻企业作答，满意2户，满意度66.66%。", StringComparison.Ordinal));
    }

    private static List<string> Pick(List<string> row, params int[] columns) => columns.Select(c => row[c]).ToList();

    /// <summary>Replaces the demo carrier's records with the hand-made set described above.</summary>
    private Task ReplaceRecordsAsync() => data.WithAsync<int>(async (_, db) =>
    {
        var carrier = await db.Set<Carrier>().SingleAsync(c => c.Name == Base);
        await db.Set<LedgerEntry>().Where(e => e.CarrierId == carrier.Id).ExecuteDeleteAsync();
        await db.Set<ResidentEnterprise>().Where(e => e.CarrierId == carrier.Id).ExecuteDeleteAsync(); // cascades years, survey invitations and answers
        await db.Set<ServiceStaff>().Where(e => e.CarrierId == carrier.Id).ExecuteDeleteAsync();
        await db.Set<PartnerAgency>().Where(e => e.CarrierId == carrier.Id).ExecuteDeleteAsync();

        var n = 0;
        ResidentEnterprise Resident(string name, DateOnly entry, DateOnly? exit, SizeClass size, bool leading, params ResidentYearFigure[] years)
        {
            var r = new ResidentEnterprise
            {
                CarrierId = carrier.Id, Name = "盘龙" + name, Uscc = $"91530103MA6K1{++n:D4}X", EntryDate = entry, ExitDate = exit, SizeClass = size,
                InLeadingIndustry = leading, Industry = leading ? "电子商务" : "文化创意", ContactName = "联系人" + n, ContactPhone = $"1398712{n:D4}",
            };
            foreach (var y in years) { y.EnterpriseId = r.Id; r.Years.Add(y); }
            db.Add(r);
            return r;
        }
        var ding = Resident("丁制造有限公司", new(2019, 1, 10), null, SizeClass.Other, true,
            new() { Year = 2024, Employees = 80, RevenueWan = 5000 }, new() { Year = 2025, Employees = 85, RevenueWan = 5200, HighTechRecognitions = 1 });
        var jia = Resident("甲科技有限公司", new(2020, 3, 1), null, SizeClass.Small, true,
            new() { Year = 2024, Employees = 10, RevenueWan = 100.5m, PatentsApplied = 1 }, new() { Year = 2025, Employees = 12, RevenueWan = 150, PatentsApplied = 2, PatentsHeld = 1 });
        Resident("戊咨询有限公司", new(2020, 9, 1), new(2025, 6, 30), SizeClass.Micro, true,
            new() { Year = 2024, Employees = 4, RevenueWan = 30 }, new() { Year = 2025, Employees = 4, RevenueWan = 10 });
        var yi = Resident("乙电商有限公司", new(2021, 6, 15), null, SizeClass.Micro, true,
            new() { Year = 2024, Employees = 5, RevenueWan = 40 }, new() { Year = 2025, Employees = 6, RevenueWan = 55.25m, TechSmeRecognitions = 1 });
        var bing = Resident("丙设计有限公司", new(2025, 4, 1), null, SizeClass.Micro, false, new ResidentYearFigure { Year = 2025, Employees = 3, RevenueWan = 20 });

        db.AddRange(
            new ServiceStaff { CarrierId = carrier.Id, Name = "赵一", Position = "运营总监", FullTime = true, Education = Education.Bachelor, MentorCertificate = "创业导师资格证", YearsAtBase = 5 },
            new ServiceStaff { CarrierId = carrier.Id, Name = "钱二", Position = "服务专员", FullTime = true, Education = Education.JuniorCollege, Title = TitleLevel.Intermediate, YearsAtBase = 3 },
            new ServiceStaff { CarrierId = carrier.Id, Name = "孙三", Position = "服务专员", FullTime = true, Education = Education.HighSchool, YearsAtBase = 1 },
            new ServiceStaff { CarrierId = carrier.Id, Name = "李四", Position = "兼职导师", FullTime = false, Education = Education.Master, Title = TitleLevel.Senior, MentorCertificate = "创业导师资格证", YearsAtBase = 2 },
            new PartnerAgency { CarrierId = carrier.Id, Name = "云南信诚会计师事务所", AgreementFrom = new(2023, 1, 1), AgreementTo = new(2026, 12, 31), Services = "财税服务" },
            new PartnerAgency { CarrierId = carrier.Id, Name = "昆明旧约律师事务所", AgreementFrom = new(2022, 1, 1), AgreementTo = new(2024, 6, 30), Services = "法律服务" });

        LedgerEntry Entry(ServiceFunction f, DateOnly date, ServiceForm form, FeeClass fee, int persons, ResidentEnterprise[] residents, string[]? others = null, EventTopic topic = EventTopic.None) => new()
        {
            CarrierId = carrier.Id, Function = f, Date = date, Form = form, Fee = fee, PersonCount = persons, Topic = topic, Place = "基地三楼会议室",
            ResidentIds = residents.Select(r => r.Id).ToList(), OtherNames = [.. others ?? []], RequestText = "需求", OutcomeText = "完成服务",
        };
        db.AddRange(
            Entry(ServiceFunction.InformationService, new(2025, 2, 10), ServiceForm.Event, FeeClass.Free, 10, [jia, yi], ["区外企业甲"]),
            Entry(ServiceFunction.InformationService, new(2025, 3, 5), ServiceForm.OneToOne, FeeClass.Market, 1, [jia]),
            Entry(ServiceFunction.Training, new(2025, 4, 20), ServiceForm.Training, FeeClass.LowFee, 15, [jia, yi, bing]),
            Entry(ServiceFunction.Financing, new(2025, 5, 8), ServiceForm.Event, FeeClass.Free, 8, [yi, ding], topic: EventTopic.BankEnterprise),
            Entry(ServiceFunction.EntrepreneurshipCoaching, new(2025, 7, 1), ServiceForm.OneToOne, FeeClass.Free, 2, [bing]),
            Entry(ServiceFunction.InformationService, new(2024, 11, 1), ServiceForm.Event, FeeClass.Free, 6, [jia, ding]));

        var answeredAt = new DateTimeOffset(2026, 1, 10, 2, 0, 0, TimeSpan.Zero);
        foreach (var (resident, satisfied) in new[] { (jia, true), (yi, true), (bing, false) })
        {
            var invitation = new SurveyInvitation
            {
                CarrierId = carrier.Id, EnterpriseId = resident.Id, Year = 2025, TokenHash = SurveyTokens.Hash(SurveyTokens.New()),
                CreatedAt = answeredAt.AddDays(-5), ExpiresAt = answeredAt.AddDays(25), AnsweredAt = answeredAt,
            };
            db.Add(invitation);
            db.Add(new SurveyAnswer { InvitationId = invitation.Id, Function = null, Satisfied = satisfied });
        }
        db.Actor.Operation = "测试.手工数据";
        await db.SaveChangesAsync();
        return 0;
    });
}
