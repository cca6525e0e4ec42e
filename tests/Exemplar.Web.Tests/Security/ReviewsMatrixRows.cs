using System.Runtime.CompilerServices;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Tests.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>
/// Expert review (issue 12): a call's review pages for the designating authority that issued the call (administrators
/// read); the expert pool for administrators and designating officers (their region's experts); an assignment only for
/// the expert it belongs to — never another expert's, and no other role.
/// </summary>
public sealed class ReviewsMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows =>
    [
        new("GET", "/Reviews", Deny, Deny, Deny, Deny, Deny, Allow, Allow, Allow),
        new("POST", "/Reviews", Deny, Deny, Deny, Deny, Deny, Allow, Allow, Allow),
        .. Both("/Reviews/Calls/{callId:guid}", ""),
        .. Both("/Reviews/Calls/{callId:guid}/Rubric", "/Rubric"),
        .. Both("/Reviews/Calls/{callId:guid}/Verify", "/Verify"),
        .. Both("/Reviews/Calls/{callId:guid}/Results", "/Results"),
        new("GET", "/Reviews/Assignments/{id:guid}", Deny, Deny, Deny, Deny, Deny, Deny, Own, Deny, AssignmentAsync),
        new("POST", "/Reviews/Assignments/{id:guid}", Deny, Deny, Deny, Deny, Deny, Deny, Own, Deny, AssignmentAsync),
        new("GET", "/Experts", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Allow),
        new("POST", "/Experts", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Allow),
        new("GET", "/Experts/Edit/{id:guid?}", Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, ExpertAsync),
        new("POST", "/Experts/Edit/{id:guid?}", Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, ExpertAsync),
        new("GET", "/Experts/Import/{handler?}", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Allow, (_, _) => Task.FromResult(("/Experts/Import", "/Experts/Import"))),
        new("POST", "/Experts/Import/{handler?}", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Allow, (_, _) => Task.FromResult(("/Experts/Import", "/Experts/Import"))),
    ];

    private static IEnumerable<MatrixRow> Both(string route, string suffix) =>
    [
        new("GET", route, Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, (s, _) => CallAsync(s, suffix)),
        new("POST", route, Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, (s, _) => CallAsync(s, suffix)),
    ];

    private sealed record Samples(Guid KunmingCall, Guid LiaochengCall, Guid OwnAssignment, Guid OtherAssignment, Guid KunmingExpert, Guid LiaochengExpert);

    /// <summary>A call's page under the review: the Kunming sample call (own for km.city) and the Liaocheng one (another city's).</summary>
    public static Task<(string, string)> CallUrlsAsync(IServiceProvider services, string suffix) => CallAsync(services, suffix);

    /// <summary>An application in the Kunming sample call's review.</summary>
    public static async Task<Guid> ShortlistableApplicationAsync(IServiceProvider services)
    {
        var s = await SamplesAsync(services);
        return (await new ReviewTestData(services).AssignmentsAsync(s.KunmingCall)).First().ApplicationId;
    }

    private static readonly ConditionalWeakTable<IServiceProvider, Task<Samples>> Cache = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static async Task<Samples> SamplesAsync(IServiceProvider services)
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

    private static async Task<Samples> BuildAsync(IServiceProvider services)
    {
        var data = new ReviewTestData(services);
        // A call of its own: the review takes recommended applications, and the applications matrix needs the demo call's merely submitted.
        var kmCall = await data.Applications.CallAsync("kunming-base-2022", "km.city", "KR", title: "昆明评审矩阵批次");
        var km = await data.DrawnAsync(kmCall, 20261130, "昆明五华创新创业园", "盘龙众创空间");
        var lc = await data.Applications.CallAsync("liaocheng-base-2021", "lc.city", "LR", title: "聊城评审测试批次");
        var mine = await data.ExpertOfUserAsync("km.expert");
        var assignments = await data.AssignmentsAsync(km);
        var own = assignments.First(a => a.ExpertId == mine);
        var other = assignments.First(a => a.ApplicationId == own.ApplicationId && a.ExpertId != mine);
        var experts = await data.WithAsync((_, db) => db.Set<Expert>().ToListAsync());
        return new Samples(km, lc, own.Id, other.Id, experts.Single(e => e.Name == "杨帆").Id, experts.Single(e => e.Name == "冯雪").Id);
    }

    private static async Task<(string, string)> CallAsync(IServiceProvider services, string suffix)
    {
        var s = await SamplesAsync(services);
        return ($"/Reviews/Calls/{s.KunmingCall}{suffix}", $"/Reviews/Calls/{s.LiaochengCall}{suffix}");
    }

    private static async Task<(string, string)> AssignmentAsync(IServiceProvider services, string _)
    {
        var s = await SamplesAsync(services);
        return ($"/Reviews/Assignments/{s.OwnAssignment}", $"/Reviews/Assignments/{s.OtherAssignment}");
    }

    private static async Task<(string, string)> ExpertAsync(IServiceProvider services, string _)
    {
        var s = await SamplesAsync(services);
        return ($"/Experts/Edit/{s.KunmingExpert}", $"/Experts/Edit/{s.LiaochengExpert}");
    }
}
