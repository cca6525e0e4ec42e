using System.Text.Json;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Applications;

public sealed class SubmissionTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ApplicationTestData data = new(app.Services);

    [Fact]
    public async Task A_complete_draft_is_submitted_with_the_calls_first_receipt_number_and_a_package_hash()
    {
        using var _ = app.CreateClient();
        var id = await data.SubmittedAsync("昆明五华创新创业园");
        var (a, v) = await data.WithAsync(async (_, db) =>
        {
            var a = await db.Set<Application>().SingleAsync(x => x.Id == id);
            return (a, await db.Set<ApplicationVersion>().SingleAsync(x => x.ApplicationId == id && x.Number == 1));
        });
        Assert.Equal(ApplicationStatus.Submitted, a.Status);
        Assert.Equal("KM-2026-0001", a.ReceiptNumber);
        Assert.Equal(VersionState.Submitted, v.State);
        Assert.Equal(ApplicationJson.Sha256(v.SnapshotJson!), v.PackageHash);
    }

    [Fact]
    public async Task A_locked_report_is_what_is_checked_so_a_ledger_change_after_the_lock_changes_neither_verdict_nor_warnings()
    {
        using var _ = app.CreateClient();
        const string name = "昆明五华创新创业园";
        var call = await data.CallAsync("kunming-base-2022", "km.city", "LK", title: "锁定数据核对测试批次");
        var id = await data.StartAsync(call, name);
        await data.CompleteAsync(id); // locks the report: the demo park has its full-time service staff then
        var locked = await data.WithAsync((_, db) => db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id && v.Number == 1).Select(v => v.LockedJson!).SingleAsync());
        var lockedStaff = Condition(JsonDocument.Parse(locked).RootElement.GetProperty("eligibility"), "service-staff");
        Assert.Equal("met", lockedStaff.GetProperty("state").GetString());
        using (var operatorClient = await app.SignedInAsync("km.applicant"))
        {
            // Materials uploaded after the lock (the stamped report, the declaration) are not a change of the locked data.
            var before = await operatorClient.GetDocumentAsync($"/Applications/{id}/Submit");
            Assert.Equal("按当前台账计算的申报数据与锁定时一致。", before.QuerySelector("#locked-drift")!.TextContent.Trim());
        }

        // After the lock every service staff member is recorded as part-time: 第六条第（五）项 (不少于10名专职人员) now fails on the ledger.
        var (carrier, _, _) = await data.CarrierAsync(name);
        await data.WithAsync(async (_, db) =>
        {
            foreach (var s in await db.Set<ServiceStaff>().Where(s => s.CarrierId == carrier).ToListAsync()) s.FullTime = false;
            db.Actor.Operation = "测试.改为兼职";
            return await db.SaveChangesAsync();
        });
        var live = await data.WithAsync(async (s, _) =>
        {
            var f = (await s.GetRequiredService<ApplicationLoader>().LoadAsync(id, tracked: false, default))!;
            var (profile, _, _) = await s.GetRequiredService<ApplicationProfile>().BuildAsync(f.Policy, f.Call, f.Carrier, f.Current, default);
            return ApplicationEligibility.Evaluate(f.Policy, profile);
        });
        Assert.Equal(ResultState.NotMet, live.Find("service-staff")!.State);

        using (var operatorClient = await app.SignedInAsync("km.applicant"))
        {
            var page = System.Net.WebUtility.HtmlDecode(await operatorClient.GetStringAsync($"/Applications/{id}/Submit"));
            Assert.Contains("锁定的申请报告数据，提交的也是这份数据", page);
            Assert.DoesNotContain("创业创新专职服务人员不少于10人——不符合", page);
            // …and tells what the ledger now says otherwise: the full-time staff, at least 10 when locked (met), none now.
            foreach (var url in new[] { $"/Applications/{id}/Submit", $"/Applications/{id}/Profile" })
            {
                var doc = await operatorClient.GetDocumentAsync(url);
                var rows = doc.QuerySelectorAll("#locked-drift tbody tr")
                    .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray());
                Assert.True(rows.TryGetValue("专职服务人员数", out var staff), url + " 未列出专职服务人员数：" + string.Join("、", rows.Keys));
                Assert.True(int.Parse(staff[0].Replace(" 人", ""), System.Globalization.CultureInfo.InvariantCulture) >= 10, staff[0]);
                Assert.Equal("0 人", staff[1]);
                Assert.Contains("提交时仍按锁定时的数据", doc.QuerySelector("#locked-drift")!.TextContent);
            }
        }
        var outcome = await data.SubmitAsync(id);
        Assert.True(outcome.Result.Ok, string.Join(" ", outcome.Result.Errors.SelectMany(e => e.Value)));
        Assert.DoesNotContain(outcome.Warnings, w => w.StartsWith("第六条第（五）项：创业创新专职服务人员不少于10人——不符合"));
        var (a, snapshot) = await data.WithAsync(async (_, db) => (await db.Set<Application>().SingleAsync(x => x.Id == id),
            await db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id && v.Number == 1).Select(v => v.SnapshotJson!).SingleAsync()));
        var frozen = JsonDocument.Parse(snapshot).RootElement;
        Assert.Equal("met", Condition(frozen.GetProperty("report").GetProperty("eligibility"), "service-staff").GetProperty("state").GetString());
        // The record's verdict and warnings are those of the result it froze, which is the stamped report's.
        Assert.Equal(frozen.GetProperty("report").GetProperty("eligibility").GetProperty("verdict").GetString(), JsonNamingPolicy.CamelCase.ConvertName(a.SubmittedVerdict!.Value.ToString()));
        Assert.Equal(outcome.Warnings, frozen.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList());
    }

    [Fact]
    public async Task A_report_locked_before_the_calls_reference_date_changed_must_be_generated_again()
    {
        using var _ = app.CreateClient();
        var call = await data.CallAsync("kunming-base-2022", "km.city", "LR", title: "基准日变更测试批次");
        var id = await data.StartAsync(call, "五华创新创业园高新分园");
        await data.CompleteAsync(id);
        await data.WithAsync(async (_, db) =>
        {
            var c = await db.Set<Call>().SingleAsync(x => x.Id == call);
            c.ReferenceDate = c.ReferenceDate.AddDays(-30);
            db.Actor.Operation = "测试.改基准日";
            return await db.SaveChangesAsync();
        });
        var outcome = await data.SubmitAsync(id);
        Assert.False(outcome.Result.Ok);
        Assert.Contains(outcome.Result.Errors.SelectMany(e => e.Value), m => m.Contains("资格核对基准日") && m.Contains("重新生成申请报告"));
        Assert.Equal(ApplicationStatus.Draft, await data.WithAsync((_, db) => db.Set<Application>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    private static JsonElement Condition(JsonElement evaluation, string id)
    {
        foreach (var c in Walk(evaluation.GetProperty("conditions")))
            if (c.GetProperty("conditionId").GetString() == id) return c;
        throw new KeyNotFoundException(id);

        static IEnumerable<JsonElement> Walk(JsonElement list)
        {
            foreach (var c in list.EnumerateArray())
            {
                yield return c;
                if (c.TryGetProperty("children", out var ch) && ch.ValueKind == JsonValueKind.Array)
                    foreach (var x in Walk(ch)) yield return x;
            }
        }
    }
}
