using System.Net;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Tests.Features.Recommendations;

/// <summary>Kunming 第十条 on real PostgreSQL: the county's worksheet, the 10% sample, signing, the city's view, races.</summary>
public sealed class RecommendationTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ApplicationTestData data = new(app.Services);
    private RecommendationTestData R => new(data);

    /// <summary>The carrier's application in the Kunming demo call: as it stands if already past submission, else submitted now.</summary>
    private async Task<Guid> SubmittedAsync(string carrier)
    {
        var call = await data.CallIdAsync();
        var existing = await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.CallId == call && db.Set<Carrier>().Any(c => c.Id == a.CarrierId && c.Name == carrier))
            .Select(a => new { a.Id, a.Status }).FirstOrDefaultAsync());
        return existing is { Status: not (ApplicationStatus.Draft or ApplicationStatus.Returned) } ? existing.Id : await data.SubmittedAsync(carrier, call);
    }

    [Fact]
    public async Task Kunming_recommendation_is_refused_until_a_ten_percent_sample_is_drawn_and_answered_then_signed_and_the_city_sees_it()
    {
        using var _ = app.CreateClient();
        var id = await SubmittedAsync("昆明五华创新创业园");
        var officer = await R.OfficerAsync("km.wuhua");
        Assert.True((await R.SaveAsync(id, officer)).Ok);

        var noSample = await R.RunAsync(h => h.SignAsync(new(id, officer, R.SheetAsync(id).Result!.Version, true), default));
        Assert.False(noSample.Ok);
        Assert.Contains(noSample.Errors["Sample"], m => m.Contains("尚未进行满意度随机抽查"));

        var drawn = await R.RunAsync(h => h.DrawSampleAsync(new(id, officer, false, null), default));
        Assert.True(drawn.Ok, string.Join(" ", drawn.Errors.SelectMany(e => e.Value)));
        var sample = await data.WithAsync((_, db) => db.Set<SurveySample>().AsNoTracking().SingleAsync(s => s.ApplicationId == id));
        // The population counted here from the ledger: resident small/micro enterprises of the base today (昆明第十条: 入驻基地的小微企业).
        var carrier = await data.WithAsync((_, db) => db.Set<Carrier>().Where(c => c.Name == "昆明五华创新创业园").Select(c => c.Id).SingleAsync());
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);
        var residents = await data.WithAsync((_, db) => db.Set<ResidentEnterprise>().CountAsync(e => e.CarrierId == carrier && e.EntryDate <= today
            && (e.ExitDate == null || e.ExitDate >= today) && (e.SizeClass == SizeClass.Small || e.SizeClass == SizeClass.Micro)));
        Assert.True(residents > 0);
        Assert.Equal(residents, sample.PopulationCount);
        Assert.Equal((residents + 9) / 10, sample.MemberIds.Count); // 不低于10%, rounded up
        Assert.Equal(10m, sample.SharePercent);
        Assert.Equal(sample.Id, (await R.SheetAsync(id))!.SampleId);

        var unanswered = await R.RunAsync(h => h.SignAsync(new(id, officer, R.SheetAsync(id).Result!.Version, true), default));
        Assert.Contains(unanswered.Errors["Sample"], m => m.Contains($"还有 {sample.MemberIds.Count} 家被抽查企业未记录答复"));

        // One sample per application: a second draw without a reason is refused.
        var again = await R.RunAsync(h => h.DrawSampleAsync(new(id, officer, true, null), default));
        Assert.Contains(again.Errors[DrawSampleHandler.RedrawField], m => m.Contains("本申报已有 1 次抽查"));

        await R.AnswerAllAsync(sample.Id, "王芳（五华区工信局）");
        var signed = await R.RunAsync(h => h.SignAsync(new(id, officer, R.SheetAsync(id).Result!.Version, true), default));
        Assert.True(signed.Ok, string.Join(" ", signed.Errors.SelectMany(e => e.Value)));

        var sheet = (await R.SheetAsync(id))!;
        Assert.Equal("王芳（五华区工信局）", sheet.SignedByName);
        Assert.Equal(ApplicationJson.Sha256(sheet.SignedJson!), sheet.Hash);
        Assert.Contains(sample.Seed.ToString(), sheet.SignedJson);
        Assert.Equal(ApplicationStatus.Recommended, await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        // Frozen: no more changes.
        var late = await R.SaveAsync(id, officer);
        Assert.Contains(late.Errors[""], m => m.Contains("已签署"));

        // The city (next level) now reads the worksheet with the county's opinion and sample.
        using var city = await app.SignedInAsync("km.city");
        var page = await city.GetStringAsync($"/Applications/{id}/Recommendation");
        Assert.Contains("材料真实完整，同意推荐。", page);
        Assert.Contains($"按 10% 抽取 {sample.MemberIds.Count} 家", page);
        var list = await city.GetStringAsync("/Recommendations");
        Assert.Contains("昆明五华创新创业园", list);
    }

    [Fact]
    public async Task A_county_sees_only_its_own_applications()
    {
        var wuhua = await SubmittedAsync("昆明五华创新创业园");
        using var panlong = await app.SignedInAsync("km.panlong");
        Assert.Equal(HttpStatusCode.NotFound, (await panlong.GetAsync($"/Applications/{wuhua}/Recommendation")).StatusCode);
        var list = await panlong.GetStringAsync("/Recommendations");
        Assert.DoesNotContain("昆明五华创新创业园", list);
        var other = await R.OfficerAsync("km.panlong");
        Assert.True((await R.RunAsync(h => h.SaveAsync(new(wuhua, other, 0, new Dictionary<string, bool>(), new Dictionary<string, string?>(), null, null, null, "x", true), default))).IsNotFound);
        // The city sees nothing of an application before its county has recommended it.
        var fresh = await SubmittedAsync("盘龙众创空间");
        using var city = await app.SignedInAsync("km.city");
        var refused = await city.GetAsync($"/Applications/{fresh}/Recommendation");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Error/403", refused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Two_officers_signing_at_once_one_wins_and_the_other_is_told_in_Chinese()
    {
        var id = await SubmittedAsync("五华创新创业园高新分园");
        var officer = await R.OfficerAsync("km.gaoxin");
        Assert.True((await R.SaveAsync(id, officer)).Ok);
        Assert.True((await R.RunAsync(h => h.DrawSampleAsync(new(id, officer, false, null), default))).Ok);
        await R.AnswerAllAsync((await R.SheetAsync(id))!.SampleId!.Value, "刘洋（昆明高新区）");
        var version = (await R.SheetAsync(id))!.Version;

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => R.RunAsync(h => h.SignAsync(new(id, officer, version, true), default))));
        Assert.Single(results, r => r.Ok);
        var lost = Assert.Single(results, r => !r.Ok);
        Assert.Contains(lost.Errors.SelectMany(e => e.Value), m => m == Problems.ConcurrencyMessage || m.Contains("已签署") || m.Contains("尚未处理"));
    }
}
