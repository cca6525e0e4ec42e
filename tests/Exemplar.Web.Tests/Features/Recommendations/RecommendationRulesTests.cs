using System.IO.Compression;
using System.Net;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Recommendations;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Recommendations;

/// <summary>
/// The rules around a recommendation on real PostgreSQL: no withdrawal once 已推荐, the sample drawn in one transaction with
/// its worksheet, a redraw only with a reason, an unreachable sampled enterprise counted only with its reason, the
/// on-site audit's photos (聊城第十二条), the 推荐汇总表 (昆明第十条 附件2) and what goes on to the expert review.
/// </summary>
public sealed class RecommendationRulesTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ApplicationTestData data = new(app.Services);
    private RecommendationTestData R => new(data);
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];

    [Fact]
    public async Task An_application_once_recommended_cannot_be_withdrawn_and_goes_to_the_expert_review_while_a_merely_submitted_one_does_not()
    {
        using var _ = app.CreateClient();
        var call = await data.CallIdAsync();
        var wuhua = await R.RecommendedAsync("昆明五华创新创业园", call);
        var gaoxin = await data.SubmittedAsync("五华创新创业园高新分园", call);

        var withdrawn = await data.WithAsync(async (s, db) =>
        {
            var a = await db.Set<Application>().AsNoTracking().SingleAsync(x => x.Id == wuhua);
            return await s.GetRequiredService<WithdrawApplicationHandler>().HandleAsync(new WithdrawApplicationCommand(wuhua, a.OrganizationId, a.Version, "改为明年申报", true), default);
        });
        Assert.False(withdrawn.Ok);
        Assert.Contains(withdrawn.Errors[""], m => m.Contains("已推荐") && m.Contains("不能再撤回"));
        Assert.Equal(ApplicationStatus.Recommended, await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.Id == wuhua).Select(a => a.Status).SingleAsync()));
        using var applicant = await app.SignedInAsync("km.applicant");
        Assert.DoesNotContain("撤回申报", await applicant.GetStringAsync($"/Applications/{wuhua}"));

        // 昆明第十条 → 第十一条: the expert review takes what the county recommended, not what is merely submitted.
        var queue = await data.WithAsync((s, _) => s.GetRequiredService<ReviewQueue>().ReadyAsync(call, default));
        Assert.Contains(queue, a => a.Id == wuhua);
        Assert.DoesNotContain(queue, a => a.Id == gaoxin);
    }

    [Fact]
    public async Task Two_draws_at_once_leave_one_sample_bound_to_the_worksheet_and_a_redraw_needs_its_reason()
    {
        using var _ = app.CreateClient();
        var id = await data.SubmittedAsync("五华创新创业园高新分园");
        var officer = await R.OfficerAsync("km.gaoxin");

        async Task<bool> Draw()
        {
            try { return (await R.RunAsync(h => h.DrawSampleAsync(new(id, officer, false, null), default))).Ok; }
            catch (DbUpdateException) { return false; }
        }
        var results = await Task.WhenAll(Draw(), Draw());
        Assert.Contains(true, results);
        // The losing draw saved nothing: no sample without its worksheet.
        var samples = await data.WithAsync((_, db) => db.Set<SurveySample>().AsNoTracking().Where(s => s.ApplicationId == id).ToListAsync());
        var sample = Assert.Single(samples);
        Assert.Equal(sample.Id, (await R.SheetAsync(id))!.SampleId);

        var noReason = await R.RunAsync(h => h.DrawSampleAsync(new(id, officer, true, "  "), default));
        Assert.Contains(noReason.Errors[DrawSampleHandler.RedrawField], m => m.Contains("再次抽取须勾选确认并填写原因"));
        var redrawn = await R.RunAsync(h => h.DrawSampleAsync(new(id, officer, true, "两家样本企业已迁出，按局务会意见重新抽取"), default));
        Assert.True(redrawn.Ok, string.Join(" ", redrawn.Errors.SelectMany(e => e.Value)));
        var second = await data.WithAsync((_, db) => db.Set<SurveySample>().AsNoTracking().SingleAsync(s => s.ApplicationId == id && s.Id != sample.Id));
        Assert.Equal("两家样本企业已迁出，按局务会意见重新抽取", second.RedrawReason);
        Assert.Equal(second.Id, (await R.SheetAsync(id))!.SampleId);
    }

    [Fact]
    public async Task An_unreachable_sampled_enterprise_counts_as_answered_only_with_its_reason_and_is_kept_in_the_signed_record()
    {
        using var _ = app.CreateClient();
        var id = await data.SubmittedAsync("盘龙众创空间");
        var officer = await R.OfficerAsync("km.panlong");
        Assert.True((await R.SaveAsync(id, officer)).Ok);
        Assert.True((await R.RunAsync(h => h.DrawSampleAsync(new(id, officer, false, null), default))).Ok);
        var sample = await data.WithAsync((_, db) => db.Set<SurveySample>().AsNoTracking().SingleAsync(s => s.ApplicationId == id));
        var first = sample.MemberIds[0];

        Task<Web.Infrastructure.Forms.SaveResult> Record(string? reason) => data.WithAsync(async (s, db) =>
        {
            var version = await db.Set<SurveySample>().Where(x => x.Id == sample.Id).Select(x => x.Version).SingleAsync();
            return await s.GetRequiredService<RecordSampleAnswersHandler>().HandleAsync(new RecordSampleAnswersCommand(sample.CarrierId, sample.Id, version,
                sample.MemberIds.Select(m => m == first ? new SampleAnswerInput(m, null, SampleContactMethod.Unreachable, reason)
                    : new SampleAnswerInput(m, true, SampleContactMethod.Phone, null)).ToList(), "张伟（盘龙区工信局）"), default);
        });
        var withoutReason = await Record(null);
        Assert.Contains(withoutReason.Errors["Comment"], m => m.Contains("无法联系的原因"));
        Assert.True((await Record("电话已停机，企业已搬离注册地址")).Ok);

        var signed = await R.RunAsync(h => h.SignAsync(new(id, officer, R.SheetAsync(id).Result!.Version, true), default));
        Assert.True(signed.Ok, string.Join(" ", signed.Errors.SelectMany(e => e.Value)));
        var json = (await R.SheetAsync(id))!.SignedJson!;
        Assert.Contains("电话已停机，企业已搬离注册地址", json);
        Assert.Contains("\"Unreachable\"", json);

        // The satisfaction rate leaves the unreachable one out: n − 1 answers, all satisfied.
        using var officerClient = await app.SignedInAsync("km.panlong");
        var page = await officerClient.GetStringAsync($"/Base/{sample.CarrierId}/Sampling/{sample.Id}");
        Assert.Contains($"满意 {sample.MemberIds.Count - 1} 家 / 已答复 {sample.MemberIds.Count - 1} 家", page);
        Assert.Contains("无法联系", page);
    }

    [Fact]
    public async Task The_Liaocheng_county_audit_needs_a_photo_checked_by_content_and_the_photo_is_part_of_the_record()
    {
        using var _ = app.CreateClient();
        var call = await data.CallAsync("liaocheng-base-2021", "lc.city", "LA", title: "聊城现场审核测试批次");
        var id = await data.SubmittedAsync("聊城东昌创业孵化园", call);
        var officer = await R.OfficerAsync("lc.dongchangfu");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);
        Assert.True((await R.SaveAsync(id, officer, auditDate: today)).Ok);
        var noPhoto = await R.RunAsync(h => h.SignAsync(new(id, officer, R.SheetAsync(id).Result!.Version, true), default));
        Assert.Contains(noPhoto.Errors["AuditPhotos"], m => m == "请上传至少一张现场审核照片作为佐证。");

        var sheet = (await R.SheetAsync(id))!;
        SaveWorksheetCommand With(params EvidenceUpload[] photos) => new(id, officer, R.SheetAsync(id).Result!.Version,
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, bool>>(sheet.MaterialsJson)!, new Dictionary<string, string?>(),
            today, "周婷、李强", "场地、台账与申报一致。", "材料真实完整，同意推荐。", true) { NewPhotos = photos };
        var disguised = await R.RunAsync(h => h.SaveAsync(With(new EvidenceUpload("现场.jpg", "<html><script>alert(1)</script></html>"u8.ToArray())), default));
        Assert.Contains(disguised.Errors["AuditPhotos"], m => m.Contains("现场审核照片“现场.jpg”不是"));
        Assert.Empty((await R.SheetAsync(id))!.AuditPhotoIds);

        Assert.True((await R.RunAsync(h => h.SaveAsync(With(new EvidenceUpload("孵化园大厅.png", Png)), default))).Ok);
        var photo = Assert.Single((await R.SheetAsync(id))!.AuditPhotoIds);
        var signed = await R.RunAsync(h => h.SignAsync(new(id, officer, R.SheetAsync(id).Result!.Version, true), default));
        Assert.True(signed.Ok, string.Join(" ", signed.Errors.SelectMany(e => e.Value)));
        Assert.Contains(photo.ToString(), (await R.SheetAsync(id))!.SignedJson);

        // The city reads the signed worksheet and downloads the photo; the applicant never reaches it.
        using var city = await app.SignedInAsync("lc.city");
        var download = await city.GetAsync($"/Applications/{id}/Recommendation/Photo?fileId={photo}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/Applications/{id}/Recommendation/Photo?fileId={Guid.NewGuid()}")).StatusCode);
        using var applicant = await app.SignedInAsync("lc.applicant");
        Assert.NotEqual(HttpStatusCode.OK, (await applicant.GetAsync($"/Applications/{id}/Recommendation/Photo?fileId={photo}")).StatusCode);
    }

    [Fact]
    public async Task The_county_downloads_its_recommendation_summary_with_each_signed_application()
    {
        using var _ = app.CreateClient();
        var call = await data.CallIdAsync();
        await R.RecommendedAsync("昆明五华创新创业园", call);
        using var wuhua = await app.SignedInAsync("km.wuhua");
        var list = await wuhua.GetStringAsync("/Recommendations");
        Assert.Contains("推荐汇总表", list);
        var docx = await wuhua.GetAsync($"/Recommendations?handler=Summary&call={call}&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Contains("推荐汇总表", docx.Content.Headers.ContentDisposition!.FileNameStar);
        using var zip = new ZipArchive(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("昆明市小型微型企业创业创新示范基地推荐汇总表", xml);
        Assert.Contains("昆明五华创新创业园", xml);
        Assert.Contains("五华区工业和信息化局", xml);
        Assert.Equal(HttpStatusCode.OK, (await wuhua.GetAsync($"/Recommendations?handler=Summary&call={call}&format=xlsx")).StatusCode);
        // The city fills no summary (the county levels do).
        using var city = await app.SignedInAsync("km.city");
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/Recommendations?handler=Summary&call={call}&format=docx")).StatusCode);
    }
}
