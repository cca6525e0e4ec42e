using System.Runtime.CompilerServices;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Tests.Features.Applications;
using Microsoft.EntityFrameworkCore;
using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>
/// Calls (public once published; the issuing authority manages its own) and applications (the applicant organisation; the
/// recommending level the programme names for the carrier's jurisdiction; the designating authority sees status, and
/// content only where nobody recommends; experts and uninvolved levels nothing) — issue 11.
/// </summary>
public sealed class ApplicationsMatrixRows : IMatrixRows
{
    private const string A = "/Applications/{id:guid}";

    public IEnumerable<MatrixRow> Rows =>
    [
        MatrixRow.Public("GET", "/Calls"), MatrixRow.Public("POST", "/Calls"),
        new("GET", "/Calls/Create", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Deny),
        new("POST", "/Calls/Create", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Deny),
        MatrixRow.Public("GET", "/Calls/{id:guid}/{handler?}") with { Sample = (s, _) => Calls(s, c => (c.KunmingPublished, c.KunmingPublished)) },
        MatrixRow.Public("POST", "/Calls/{id:guid}/{handler?}") with { Sample = (s, _) => Calls(s, c => (c.KunmingPublished, c.KunmingPublished)) },
        Manage("GET", "/Calls/{id:guid}/Edit/{handler?}", c => (c.KunmingDraft + "/Edit", c.LiaochengDraft + "/Edit")),
        Manage("POST", "/Calls/{id:guid}/Edit/{handler?}", c => (c.KunmingDraft + "/Edit", c.LiaochengDraft + "/Edit")),
        Manage("GET", "/Calls/{id:guid}/Extend", c => (c.KunmingPublished + "/Extend", c.LiaochengPublished + "/Extend")),
        Manage("POST", "/Calls/{id:guid}/Extend", c => (c.KunmingPublished + "/Extend", c.LiaochengPublished + "/Extend")),
        MatrixRow.Public("GET", "/api/v1/calls"),
        MatrixRow.Public("GET", "/api/v1/calls/{id:guid}") with { Sample = (s, _) => Calls(s, c => ("/api/v1" + c.KunmingPublished, "/api/v1" + c.KunmingPublished)) },

        new("GET", "/Applications/{handler?}", Deny, Allow, Allow, Allow, Allow, Allow, Deny, Allow, (_, _) => Task.FromResult(("/Applications", "/Applications"))),
        new("POST", "/Applications/{handler?}", Deny, Allow, Allow, Allow, Allow, Allow, Deny, Allow, (_, _) => Task.FromResult(("/Applications", "/Applications"))),
        Status("GET", A, ""), Status("POST", A, ""),
        Status("GET", A + "/Receipt/{number:int}", "/Receipt/1"), Status("POST", A + "/Receipt/{number:int}", "/Receipt/1"),
        Content("GET", A + "/Profile", "/Profile"), Content("POST", A + "/Profile", "/Profile"),
        Content("GET", A + "/Materials/{handler?}", "/Materials"), Content("POST", A + "/Materials/{handler?}", "/Materials"),
        Content("GET", A + "/Report", "/Report"), Content("POST", A + "/Report", "/Report"),
        Content("GET", A + "/Versions/{number:int}/{handler?}", "/Versions/1"), Content("POST", A + "/Versions/{number:int}/{handler?}", "/Versions/1"),
        Applicant("GET", A + "/Details", "/Details"), Applicant("POST", A + "/Details", "/Details"),
        Applicant("GET", A + "/Narratives", "/Narratives"), Applicant("POST", A + "/Narratives", "/Narratives"),
        Applicant("GET", A + "/Declaration", "/Declaration"), Applicant("POST", A + "/Declaration", "/Declaration"),
        Applicant("GET", A + "/Submit", "/Submit"), Applicant("POST", A + "/Submit", "/Submit"),
        Applicant("GET", A + "/Withdraw", "/Withdraw"), Applicant("POST", A + "/Withdraw", "/Withdraw"),
        new("GET", A + "/Return", Deny, Deny, Own, Own, Own, Deny, Deny, Deny, (s, u) => Apps(s, u, "/Return")),
        new("POST", A + "/Return", Deny, Deny, Own, Own, Own, Deny, Deny, Deny, (s, u) => Apps(s, u, "/Return")),

        new("GET", "/api/v1/applications", Deny, Allow, Allow, Allow, Allow, Allow, Deny, Allow),
        new("GET", "/api/v1/applications/{id:guid}", Deny, Own, Own, Own, Own, Own, Deny, Allow, (s, u) => Apps(s, u, "", api: true)),
        new("POST", "/api/v1/applications/{id:guid}/materials/{slotId:guid}", Deny, Own, Deny, Deny, Deny, Deny, Deny, Deny, MaterialAsync),
        new("POST", "/api/v1/applications/{id:guid}/submit", Deny, Own, Deny, Deny, Deny, Deny, Deny, Deny, (s, u) => Apps(s, u, "/submit", api: true)),
        new("POST", "/api/v1/applications/{id:guid}/submit-with-material/{slotId:guid}", Deny, Own, Deny, Deny, Deny, Deny, Deny, Deny,
            (s, u) => MaterialAsync(s, u, "/submit-with-material/")),
    ];

    private static MatrixRow Manage(string method, string route, Func<CallSamples, (string, string)> pick) =>
        new(method, route, Deny, Deny, Deny, Deny, Deny, Own, Deny, Deny, (s, _) => Calls(s, pick));

    /// <summary>Pages showing where an application stands: everyone involved, the designating authority included.</summary>
    private static MatrixRow Status(string method, string route, string suffix) =>
        new(method, route, Deny, Own, Own, Own, Own, Own, Deny, Allow, (s, u) => Apps(s, u, suffix));

    /// <summary>Pages showing the content: not the designating authority of a programme with a recommending level.</summary>
    private static MatrixRow Content(string method, string route, string suffix) =>
        new(method, route, Deny, Own, Own, Own, Own, Deny, Deny, Allow, (s, u) => Apps(s, u, suffix));

    private static MatrixRow Applicant(string method, string route, string suffix) =>
        new(method, route, Deny, Own, Deny, Deny, Deny, Deny, Deny, Deny, (s, u) => Apps(s, u, suffix));

    public sealed record CallSamples(string KunmingPublished, string KunmingDraft, string LiaochengPublished, string LiaochengDraft);

    public sealed record AppSamples(Guid Wuhua, Guid Panlong, Guid Gaoxin, Guid Lasa, Guid Liaocheng, Guid KunmingCall);

    private static readonly ConditionalWeakTable<IServiceProvider, Task<(CallSamples, AppSamples)>> Cache = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static async Task<(CallSamples Calls, AppSamples Apps)> SamplesAsync(IServiceProvider services)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Cache.TryGetValue(services, out var task)) Cache.Add(services, task = BuildAsync(services));
            return await task;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<(CallSamples, AppSamples)> BuildAsync(IServiceProvider services)
    {
        var data = new ApplicationTestData(services);
        var km = await data.CallIdAsync();
        var kmDraft = await data.CallAsync("kunming-base-2022", "km.city", "KD", publish: false, title: "昆明草稿批次");
        var lc = await data.CallAsync("liaocheng-base-2021", "lc.city", "LC", title: "聊城测试批次");
        var lcDraft = await data.CallAsync("liaocheng-base-2021", "lc.city", "LD", publish: false, title: "聊城草稿批次");
        var xz = await data.CallAsync("xizang-base-2017", "xz.region", "XZ", title: "西藏测试批次");
        var apps = new AppSamples(
            await data.SubmittedAsync("昆明五华创新创业园", km), await data.SubmittedAsync("盘龙众创空间", km),
            await data.SubmittedAsync("五华创新创业园高新分园", km), await data.SubmittedAsync("拉萨城关创业园", xz),
            await data.SubmittedAsync("聊城东昌创业孵化园", lc), km);
        return (new CallSamples($"/Calls/{km}", $"/Calls/{kmDraft}", $"/Calls/{lc}", $"/Calls/{lcDraft}"), apps);
    }

    private static async Task<(string, string)> Calls(IServiceProvider services, Func<CallSamples, (string, string)> pick) => pick((await SamplesAsync(services)).Calls);

    internal static async Task<(string, string)> Apps(IServiceProvider services, string userName, string suffix, bool api = false)
    {
        var a = (await SamplesAsync(services)).Apps;
        var (own, other) = userName switch
        {
            "km.gaoxin" => (a.Gaoxin, a.Wuhua),
            "xz.lasa" => (a.Lasa, a.Wuhua),
            "km.city" => (a.Wuhua, a.Liaocheng),
            _ => (a.Wuhua, a.Panlong),
        };
        var prefix = api ? "/api/v1/applications/" : "/Applications/";
        return (prefix + own + suffix, prefix + other + suffix);
    }

    private static async Task<(string, string)> MaterialAsync(IServiceProvider services, string userName) => await MaterialAsync(services, userName, "/materials/");

    private static async Task<(string, string)> MaterialAsync(IServiceProvider services, string userName, string path)
    {
        var (own, other) = await Apps(services, userName, "", api: true);
        var data = new ApplicationTestData(services);
        var slot = await data.WithAsync((_, db) => db.Set<CallMaterialSlot>().Where(s => s.CallId == db.Set<Application>()
            .Where(x => x.Id == Guid.Parse(own.Split('/')[4])).Select(x => x.CallId).First()).OrderBy(s => s.Order).Select(s => s.Id).FirstAsync());
        return ($"{own}{path}{slot}", $"{other}{path}{slot}");
    }
}
