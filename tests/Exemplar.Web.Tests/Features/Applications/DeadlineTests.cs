using System.Net;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Applications;

/// <summary>
/// Deadlines in Beijing time (the demo Kunming call closes on 2026-12-18), correction after a return, withdrawal, and the
/// Liaocheng measures lapsing on 2026-12-03. Each test sets the clock it needs.
/// </summary>
public sealed class DeadlineTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ApplicationTestData data = new(app.Services);

    private void At(int year, int month, int day, int hour, int minute, int second) =>
        app.Clock.AdjustTime(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(8)).ToUniversalTime());

    private async Task<Guid> CompletedDraftAsync(string carrier, string prefix)
    {
        At(2026, 11, 21, 10, 0, 0);
        var call = await data.CallAsync("kunming-base-2022", "km.city", prefix, title: $"截止测试批次{prefix}");
        var id = await data.StartAsync(call, carrier);
        await data.CompleteAsync(id);
        return id;
    }

    [Fact]
    public async Task The_last_second_of_the_deadline_day_in_beijing_is_in_time_and_midnight_is_late()
    {
        using var _ = app.CreateClient();
        var inTime = await CompletedDraftAsync("昆明五华创新创业园", "DA");
        var late = await CompletedDraftAsync("盘龙众创空间", "DB");

        At(2026, 12, 18, 23, 59, 59);
        Assert.True((await data.SubmitAsync(inTime)).Result.Ok);

        At(2026, 12, 19, 0, 0, 0);
        var refused = await data.SubmitAsync(late);
        Assert.False(refused.Result.Ok);
        Assert.Contains("本批次已于2026年12月18日截止受理（以北京时间为准）。", refused.Result.Errors.SelectMany(e => e.Value));
        Assert.Equal(ApplicationStatus.Draft, await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.Id == late).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_returned_material_is_replaced_after_the_deadline_and_resubmitted_as_version_two_with_the_same_receipt()
    {
        using var _ = app.CreateClient();
        var id = await CompletedDraftAsync("五华创新创业园高新分园", "DC");
        var first = await data.SubmitAsync(id);
        Assert.True(first.Result.Ok);
        var slot = await data.WithAsync((_, db) => db.Set<CallMaterialSlot>().Where(s => s.CallId == db.Set<Application>().Where(a => a.Id == id).Select(a => a.CallId).First()
            && s.Required && !s.Generated && !s.IsDeclaration).OrderBy(s => s.Order).Select(s => s.Id).FirstAsync());
        var otherSlot = await data.WithAsync((_, db) => db.Set<CallMaterialSlot>().Where(s => s.CallId == db.Set<Application>().Where(a => a.Id == id).Select(a => a.CallId).First()
            && s.Required && !s.Generated && !s.IsDeclaration && s.Id != slot).OrderBy(s => s.Order).Select(s => s.Id).FirstAsync());
        var (_, owner, uploader) = await data.CarrierAsync("五华创新创业园高新分园");
        var intoSubmitted = await data.WithAsync((s, _) => s.GetRequiredService<UploadMaterialHandler>().HandleAsync(
            new UploadMaterialCommand(id, owner, uploader, slot, "补充.pdf", ApplicationTestData.Pdf), default));
        Assert.Contains("该版本已提交，不能再修改。", intoSubmitted.Errors.SelectMany(e => e.Value));

        // 昆明办法第十条: the county or development-zone authority examines and recommends; the branch park lies in the 高新区.
        using var officer = await app.SignedInAsync("km.gaoxin");
        var returned = await officer.PostFormAsync($"/Applications/{id}/Return", new Dictionary<string, string>
        {
            ["Version"] = (await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.Id == id).Select(a => a.Version).SingleAsync())).ToString(),
            ["Reason"] = "营业执照复印件不清晰。", [$"Items[{slot}]"] = "请上传清晰的加盖公章的复印件。", ["CorrectionDeadline"] = "2027-01-08",
        });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var (status, current, notice) = await data.WithAsync(async (_, db) =>
        {
            var a = await db.Set<Application>().SingleAsync(x => x.Id == id);
            return (a.Status, a.CurrentVersion, await db.Set<Notice>().AnyAsync(n => n.Ref.StartsWith("application-return:") && n.Title == "退回补正通知：" + first.ReceiptNumber));
        });
        Assert.Equal(ApplicationStatus.Returned, status);
        Assert.Equal(2, current);
        Assert.True(notice, "申报单位收到退回补正通知");

        At(2026, 12, 25, 9, 0, 0);
        var (_, org, user) = await data.CarrierAsync("五华创新创业园高新分园");
        // Only the returned item may change: the unit's details stay as submitted.
        var details = await data.WithAsync((s, _) => s.GetRequiredService<SaveDetailsHandler>().HandleAsync(
            new SaveDetailsCommand(id, org, data.VersionTokenAsync(id).Result, ApplicationTestData.Details with { ContactName = "王芳" }), default));
        Assert.False(details.Ok);
        var notReturned = await data.WithAsync((s, _) => s.GetRequiredService<UploadMaterialHandler>().HandleAsync(
            new UploadMaterialCommand(id, org, user, otherSlot, "其他材料.pdf", ApplicationTestData.Pdf), default));
        Assert.Contains("本次退回补正未要求修改此项，不能修改。", notReturned.Errors.SelectMany(e => e.Value));
        var upload = await data.WithAsync((s, _) => s.GetRequiredService<UploadMaterialHandler>().HandleAsync(
            new UploadMaterialCommand(id, org, user, slot, "营业执照（清晰）.pdf", (byte[])[.. ApplicationTestData.Pdf, (byte)'\n']), default));
        Assert.True(upload.Ok, string.Join(" ", upload.Errors.SelectMany(e => e.Value)));

        var second = await data.SubmitAsync(id);
        Assert.True(second.Result.Ok, string.Join(" ", second.Result.Errors.SelectMany(e => e.Value)));
        Assert.Equal(first.ReceiptNumber, second.ReceiptNumber);
        Assert.NotEqual(first.PackageHash, second.PackageHash);

        var (v1, v2) = await data.WithAsync(async (_, db) => (
            await db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id && v.Number == 1).Select(v => v.SnapshotJson!).SingleAsync(),
            await db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id && v.Number == 2).Select(v => v.SnapshotJson!).SingleAsync()));
        var changes = VersionDiff.Between(v1, v2);
        Assert.Contains(changes, c => c.After.Contains("营业执照（清晰）.pdf"));

        At(2027, 1, 9, 0, 0, 0);
        using var later = await app.SignedInAsync("km.gaoxin");
        var page = await later.GetStringAsync($"/Applications/{id}");
        Assert.Contains("第2版", page);
    }

    [Fact]
    public async Task An_applicant_withdraws_before_the_deadline_but_not_after()
    {
        using var _ = app.CreateClient();
        var early = await CompletedDraftAsync("昆明五华创新创业园", "DW");
        var lateOne = await CompletedDraftAsync("盘龙众创空间", "DX");
        async Task<Exemplar.Web.Infrastructure.Forms.SaveResult> WithdrawAsync(Guid id) => await data.WithAsync(async (s, db) =>
        {
            var a = await db.Set<Application>().SingleAsync(x => x.Id == id);
            return await s.GetRequiredService<WithdrawApplicationHandler>().HandleAsync(new WithdrawApplicationCommand(id, a.OrganizationId, a.Version, "测试撤回", true), default);
        });

        At(2026, 12, 18, 20, 0, 0);
        Assert.True((await WithdrawAsync(early)).Ok);
        Assert.Equal(ApplicationStatus.Withdrawn, await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.Id == early).Select(a => a.Status).SingleAsync()));

        At(2026, 12, 19, 8, 0, 0);
        var refused = await WithdrawAsync(lateOne);
        Assert.Contains("申报截止日期（2026年12月18日）已过，不能撤回。", refused.Errors.SelectMany(e => e.Value));
    }

    [Fact]
    public async Task No_new_liaocheng_call_opens_after_its_measures_lapse_on_3_december_2026()
    {
        using var _ = app.CreateClient();
        var officer = await data.WithAsync((_, db) => db.Set<Exemplar.Web.Features.Account.UserAccount>().SingleAsync(u => u.UserName == "lc.city"));
        Task<Exemplar.Web.Infrastructure.Forms.SaveResult> CreateAsync() => data.WithAsync((s, _) => s.GetRequiredService<CreateCallHandler>().HandleAsync(
            new CreateCallCommand("liaocheng-base-2021", 2026, officer.JurisdictionCode!, officer.Id), default));

        // 聊城办法第二十条: 自2021年12月4日起施行，有效期至2026年12月3日.
        At(2026, 12, 3, 12, 0, 0);
        Assert.True((await CreateAsync()).Ok);
        At(2026, 12, 4, 9, 0, 0);
        var refused = await CreateAsync();
        Assert.False(refused.Ok);
        Assert.Contains(refused.Errors.SelectMany(e => e.Value), m => m.Contains("已于2026年12月3日失效"));
    }
}
