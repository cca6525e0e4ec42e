using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Applications;

/// <summary>
/// Who may apply, what blocks a submission and what only warns, the frozen package, the dossier and concurrent submissions
/// (issue 11). The clock stays at 2026-11-21 10:00 in Beijing: the demo Kunming call (2026-11-16 to 2026-12-18) is open.
/// </summary>
public sealed class ApplicationRulesTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ApplicationTestData data = new(app.Services);

    private async Task<IReadOnlyList<string>> StartRefusalsAsync(Guid callId, string carrierName)
    {
        var (carrier, org, user) = await data.CarrierAsync(carrierName);
        var r = await data.WithAsync((s, _) => s.GetRequiredService<StartApplicationHandler>().HandleAsync(new StartApplicationCommand(callId, carrier, org, user), default));
        Assert.False(r.Ok, "申报应被拒绝");
        return r.Errors.SelectMany(e => e.Value).ToList();
    }

    [Fact]
    public async Task A_carrier_outside_the_calls_region_may_not_apply()
    {
        using var _ = app.CreateClient();
        // 昆明市 2026 call; 拉萨城关创业园 is in 西藏拉萨市 (第三条: bases within Kunming's administrative area).
        var refusals = await StartRefusalsAsync(await data.CallIdAsync(), "拉萨城关创业园");
        Assert.Contains(refusals, m => m.Contains("不在本批次的受理范围"));
    }

    [Fact]
    public async Task A_platform_may_not_apply_to_a_call_for_bases()
    {
        using var _ = app.CreateClient();
        var km = await data.CarrierAsync("昆明五华创新创业园");
        await data.WithAsync(async (_, db) =>
        {
            db.Actor.Operation = "测试.新增载体";
            db.Add(new Carrier
            {
                OrganizationId = km.Organization, Name = "五华中小企业公共服务平台", JurisdictionCode = "530102", Kind = Exemplar.Domain.Ledger.CarrierKind.Platform,
                LeadingIndustries = ["软件"], PrimaryType = Exemplar.Domain.Ledger.CarrierPrimaryType.ProducerServices, Area = 2000, PublicServiceArea = 600,
                EstablishedOn = new DateOnly(2019, 1, 1), CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var refusals = await StartRefusalsAsync(await data.CallIdAsync(), "五华中小企业公共服务平台");
        Assert.Contains(refusals, m => m.Contains("本批次受理示范基地") && m.Contains("示范平台"));
    }

    [Fact]
    public async Task A_base_designated_under_the_kunming_measures_applies_again_only_in_the_year_its_title_expires()
    {
        using var _ = app.CreateClient();
        var (carrier, _, _) = await data.CarrierAsync("盘龙众创空间");
        // 第十五条: valid three years; designated 2025-01-10 the title runs to 2028-01-09, so a 2026 call is not its year.
        await data.WithAsync(async (_, db) =>
        {
            db.Actor.Operation = "测试.认定";
            db.Add(new Designation
            {
                CarrierId = carrier, ProgrammeId = "kunming-base-2022", PolicyVersion = "2022", AnnouncementNumber = "昆工信〔2025〕1号",
                AnnouncedOn = new DateOnly(2025, 1, 10), ValidFrom = new DateOnly(2025, 1, 10), ValidUntil = new DateOnly(2028, 1, 9),
            });
            return await db.SaveChangesAsync();
        });
        var refusals = await StartRefusalsAsync(await data.CallIdAsync(), "盘龙众创空间");
        Assert.Contains(refusals, m => m.Contains("有效期至2028年1月9日"));
    }

    [Fact]
    public async Task A_liaocheng_base_with_a_valid_title_may_not_apply_again_and_asks_for_re_review_in_its_expiry_year()
    {
        using var _ = app.CreateClient();
        var call = await data.CallAsync("liaocheng-base-2021", "lc.city", "LV", title: "聊城有效期测试批次");
        var (carrier, _, _) = await data.CarrierAsync("聊城东昌创业孵化园");
        await DesignateAsync(carrier, "liaocheng-base-2021", new DateOnly(2025, 6, 1), new DateOnly(2028, 5, 31));
        // 聊城办法第十六条: 有效期内的示范基地不得重复申报; 期满当年申请复核.
        var refusals = await StartRefusalsAsync(call, "聊城东昌创业孵化园");
        Assert.Contains(refusals, m => m.Contains("有效期内的示范基地不得重复申报"));
    }

    [Fact]
    public async Task A_beijing_base_whose_title_was_revoked_with_a_ban_may_not_apply_until_the_ban_ends()
    {
        using var _ = app.CreateClient();
        var call = await data.CallAsync("beijing-base", "bj.city", "BJ", title: "北京禁入期测试批次");
        var carrier = await data.WithAsync(async (_, db) =>
        {
            var org = await db.Set<Exemplar.Web.Features.Organizations.Organization>().SingleAsync(o => o.Name == "北京海淀科创孵化器有限公司");
            var c = new Carrier
            {
                OrganizationId = org.Id, Name = "海淀科创孵化基地", JurisdictionCode = "110108", Kind = Exemplar.Domain.Ledger.CarrierKind.Base,
                LeadingIndustries = ["软件"], PrimaryType = Exemplar.Domain.Ledger.CarrierPrimaryType.ProducerServices, Area = 8000, PublicServiceArea = 1200,
                EstablishedOn = new DateOnly(2018, 1, 1), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Actor.Operation = "测试.新增载体";
            db.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        // 北京办法第十五条: 撤销已授予的示范基地称号，两年内不得再次申请 — revoked 2025-03-01, so barred through 2027-02-28.
        await DesignateAsync(carrier, "beijing-base", new DateOnly(2023, 1, 10), null, revokedOn: new DateOnly(2025, 3, 1),
            bannedUntil: new DateOnly(2027, 2, 28), citation: "第十五条");
        var refusals = await StartRefusalsAsync(call, "海淀科创孵化基地");
        Assert.Contains(refusals, m => m.Contains("禁止申请至2027年2月28日，2027年3月1日起可再次申请"));
    }

    private Task<int> DesignateAsync(Guid carrier, string programme, DateOnly from, DateOnly? until, DateOnly? revokedOn = null,
        DateOnly? bannedUntil = null, string? citation = null) => data.WithAsync(async (_, db) =>
    {
        db.Actor.Operation = "测试.认定";
        db.Add(new Designation
        {
            CarrierId = carrier, ProgrammeId = programme, PolicyVersion = "测试", AnnouncedOn = from, ValidFrom = from, ValidUntil = until,
            RevokedOn = revokedOn, ReapplyBannedUntil = bannedUntil, RevocationCitation = citation,
        });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Missing_materials_block_the_submission_while_unmet_conditions_only_warn_and_are_kept()
    {
        using var _ = app.CreateClient();
        var id = await data.StartAsync(await data.CallIdAsync(), "五华创新创业园高新分园");
        var blocked = await data.SubmitAsync(id);
        Assert.False(blocked.Result.Ok);
        var errors = blocked.Result.Errors.SelectMany(e => e.Value).ToList();
        Assert.Contains(errors, m => m.StartsWith("缺少必需材料"));
        Assert.Contains(errors, m => m.Contains("承诺书"));
        Assert.Null(blocked.ReceiptNumber);
        Assert.Equal(ApplicationStatus.Draft, await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        await data.CompleteAsync(id);
        var submitted = await data.SubmitAsync(id);
        Assert.True(submitted.Result.Ok, string.Join(" ", submitted.Result.Errors.SelectMany(e => e.Value)));
        // The branch park's demo ledger is small: Kunming's quantitative conditions (第五条) are not all met. That warns, never blocks.
        Assert.NotEmpty(submitted.Warnings);
        var kept = await data.WithAsync((_, db) => db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id && v.Number == 1).Select(v => v.WarningsJson).SingleAsync());
        Assert.Equal(submitted.Warnings, ApplicationJson.Read<List<string>>(kept));
    }

    [Fact]
    public async Task Disguised_and_active_files_are_refused_as_materials_and_nothing_is_stored()
    {
        using var _ = app.CreateClient();
        var id = await data.StartAsync(await data.CallAsync("kunming-base-2022", "km.city", "HF", title: "恶意文件测试批次"), "昆明五华创新创业园");
        var (_, org, user) = await data.CarrierAsync("昆明五华创新创业园");
        var slot = await data.WithAsync((_, db) => db.Set<CallMaterialSlot>().Where(s => s.CallId == db.Set<Application>().Where(a => a.Id == id).Select(a => a.CallId).First())
            .OrderBy(s => s.Order).Select(s => s.Id).FirstAsync());
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        var exe = new byte[] { (byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF };
        var pdfWithScript = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var cases = new (string Name, byte[] Content, string Expected)[]
        {
            ("营业执照.pdf", html, "按文件内容判断"),              // an HTML page renamed
            ("发票.pdf", exe, "按文件内容判断"),                  // a Windows program renamed
            ("承诺书\u202Efdp.exe", exe, "按文件内容判断"),       // right-to-left override hiding .exe
            ("审计报告.pdf", pdfWithScript, "/JavaScript"),       // a PDF that runs a script when opened
            ("制度文件.docx", ZipBomb(), "压缩炸弹"),               // 300 MB of zeros in a 300 KB package
            ("空白.pdf", [], "空文件"),
            ("扫描件.pdf", [.. ApplicationTestData.Pdf, .. new byte[20 * 1024 * 1024]], "20 MB"),
        };
        foreach (var (name, content, expected) in cases)
        {
            var r = await data.WithAsync((s, _) => s.GetRequiredService<UploadMaterialHandler>().HandleAsync(new UploadMaterialCommand(id, org, user, slot, name, content), default));
            Assert.False(r.Ok, name);
            Assert.Contains(r.Errors["File"], m => m.Contains(expected));
        }
        Assert.Equal(0, await data.WithAsync((_, db) => db.Set<ApplicationMaterial>().CountAsync(m => db.Set<ApplicationVersion>().Any(v => v.Id == m.VersionId && v.ApplicationId == id))));

        // A path in the name is not a path: only its last part is kept, with the extension of what the file is.
        var traversal = await data.WithAsync((s, _) => s.GetRequiredService<UploadMaterialHandler>().HandleAsync(
            new UploadMaterialCommand(id, org, user, slot, "../../etc/营业执照.exe", ApplicationTestData.Pdf), default));
        Assert.True(traversal.Ok);
        Assert.Equal("营业执照.pdf", await data.WithAsync((_, db) => db.Set<ApplicationMaterial>()
            .Where(m => db.Set<ApplicationVersion>().Any(v => v.Id == m.VersionId && v.ApplicationId == id)).Select(m => m.FileName).SingleAsync()));
    }

    private static byte[] ZipBomb()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) w.Write("<Types/>");
            using var s = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++) s.Write(zeros);
        }
        return ms.ToArray();
    }

    [Fact]
    public async Task The_submitted_package_keeps_its_figures_when_the_ledger_changes_later()
    {
        using var _ = app.CreateClient();
        var id = await data.SubmittedAsync("昆明五华创新创业园");
        var (snapshot, hash) = await data.WithAsync((_, db) => db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id && v.Number == 1)
            .Select(v => new ValueTuple<string, string>(v.SnapshotJson!, v.PackageHash!)).SingleAsync());
        var resident = JsonDocument.Parse(snapshot).RootElement.GetProperty("report").GetProperty("residents")[0];
        var residentId = resident.GetProperty("id").GetGuid();
        var before = resident.GetProperty("name").GetString();

        await data.WithAsync(async (_, db) =>
        {
            var e = await db.Set<ResidentEnterprise>().SingleAsync(x => x.Id == residentId);
            e.Name = before + "（已更名）";
            db.Actor.Operation = "测试.更名";
            return await db.SaveChangesAsync();
        });

        var (after, afterHash) = await data.WithAsync((_, db) => db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id && v.Number == 1)
            .Select(v => new ValueTuple<string, string>(v.SnapshotJson!, v.PackageHash!)).SingleAsync());
        Assert.Equal(snapshot, after);
        Assert.Equal(hash, afterHash);
        Assert.Equal(ApplicationJson.Sha256(after), afterHash);
        // The ledger did change: a report built now would carry the new name.
        var fresh = await data.WithAsync(async (s, _) =>
        {
            var f = (await s.GetRequiredService<ApplicationLoader>().LoadAsync(id, tracked: false, default))!;
            return await s.GetRequiredService<ReportDataBuilder>().BuildAsync(f.Policy, f.Call, f.Carrier, f.Current, default);
        });
        Assert.Contains(fresh.Residents, r => r.Id == residentId && r.Name == before + "（已更名）");

        using var officer = await app.SignedInAsync("km.wuhua");
        var page = await officer.GetStringAsync($"/Applications/{id}/Versions/1");
        Assert.Contains(WebUtility.HtmlEncode(before!), page);
        Assert.DoesNotContain(before + "（已更名）", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task The_dossier_checks_out_offline_and_is_the_same_bytes_every_time()
    {
        using var _ = app.CreateClient();
        var id = await data.SubmittedAsync("昆明五华创新创业园");
        using var officer = await app.SignedInAsync("km.wuhua");
        var url = $"/Applications/{id}/Versions/1/Dossier";
        var first = await officer.GetByteArrayAsync(url);
        var second = await officer.GetByteArrayAsync(url);
        Assert.Equal(first, second);

        using var zip = new ZipArchive(new MemoryStream(first));
        var sums = new StreamReader(zip.GetEntry("SHA256SUMS")!.Open()).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(sums, l => l.EndsWith("  package.json"));
        Assert.True(sums.Count(l => l.Contains("  materials/")) >= 2, "每个材料文件都在清单中");
        foreach (var line in sums)
        {
            var (sum, name) = (line[..64], line[66..]);
            using var s = zip.GetEntry(name)!.Open();
            Assert.Equal(sum, Convert.ToHexStringLower(SHA256.HashData(s)));
        }
        using var package = zip.GetEntry("package.json")!.Open();
        var packageHash = Convert.ToHexStringLower(SHA256.HashData(package));
        var stored = await data.WithAsync((_, db) => db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id && v.Number == 1).Select(v => v.PackageHash).SingleAsync());
        Assert.Equal(stored, packageHash);
    }

    [Fact]
    public async Task Two_submissions_of_one_application_at_once_give_one_receipt_number()
    {
        using var _ = app.CreateClient();
        var call = await data.CallAsync("kunming-base-2022", "km.city", "CC", title: "并发提交测试批次");
        var id = await data.StartAsync(call, "盘龙众创空间");
        await data.CompleteAsync(id);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => data.SubmitAsync(id))));
        Assert.Single(outcomes, o => o.Result.Ok);
        Assert.All(outcomes.Where(o => !o.Result.Ok), o => Assert.Contains(o.Result.Errors.SelectMany(e => e.Value),
            m => m == SubmitApplicationHandler.AlreadySubmitted || m == "该版本已提交。"));
        var (receipt, issued) = await data.WithAsync(async (_, db) => (
            await db.Set<Application>().Where(a => a.Id == id).Select(a => a.ReceiptNumber).SingleAsync(),
            await db.Set<Call>().Where(c => c.Id == call).Select(c => c.ReceiptsIssued).SingleAsync()));
        Assert.Equal("CC-2026-0001", receipt);
        Assert.Equal(1, issued);
    }

    [Fact]
    public async Task Receipt_numbers_drawn_at_once_are_consecutive_and_each_application_keeps_the_one_it_was_given()
    {
        using var _ = app.CreateClient();
        var call = await data.CallAsync("kunming-base-2022", "km.city", "RD", title: "编号预留测试批次");
        var panlong = await data.StartAsync(call, "盘龙众创空间");
        var wuhua = await data.StartAsync(call, "昆明五华创新创业园");
        var at = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);
        // Eight draws for each of two drafts at once, interleaved: as if each were submitted eight times concurrently.
        var draws = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            var application = i % 2 == 0 ? panlong : wuhua;
            using var scope = app.Services.CreateScope();
            return (application, number: await scope.ServiceProvider.GetRequiredService<ReceiptDesk>().DrawAsync(call, application, at, default));
        })));
        var byApplication = draws.GroupBy(d => d.application).ToDictionary(g => g.Key, g => g.Select(d => d.number).Distinct().ToList());
        Assert.Single(byApplication[panlong]);
        Assert.Single(byApplication[wuhua]);
        Assert.Equal([1, 2], byApplication.Values.Select(n => n[0]).Order());
        var (issued, reservations) = await data.WithAsync(async (_, db) => (
            await db.Set<Call>().Where(c => c.Id == call).Select(c => c.ReceiptsIssued).SingleAsync(),
            await db.Set<ReceiptReservation>().CountAsync(r => r.CallId == call)));
        Assert.Equal(2, issued);
        Assert.Equal(2, reservations);

        // The submission takes the number its draft was given, not the next one.
        await data.CompleteAsync(wuhua);
        var submitted = await data.SubmitAsync(wuhua);
        Assert.Equal($"RD-2026-{byApplication[wuhua][0]:D4}", submitted.ReceiptNumber);
    }

    [Fact]
    public async Task The_officer_list_shows_the_countys_applications_and_exports_them()
    {
        using var _ = app.CreateClient();
        var wuhua = await data.SubmittedAsync("昆明五华创新创业园");
        using var county = await app.SignedInAsync("km.panlong");
        var page = await county.GetStringAsync("/Applications");
        Assert.DoesNotContain("昆明五华创新创业园", page);
        using var officer = await app.SignedInAsync("km.wuhua");
        page = await officer.GetStringAsync("/Applications");
        Assert.Contains("昆明五华创新创业园", page);
        Assert.Contains("KM-2026-", page);
        var export = await officer.GetAsync("/Applications/Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var xlsx = new ZipArchive(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        var text = string.Concat(xlsx.Entries.Where(e => e.FullName.EndsWith(".xml")).Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains("受理编号", text);
        Assert.Contains("昆明五华创新创业园", text);
        Assert.DoesNotContain("盘龙众创空间", text);
        Assert.NotEqual(Guid.Empty, wuhua);
    }
}
