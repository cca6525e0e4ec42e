using System.Runtime.CompilerServices;
using Exemplar.Web.Features.Evaluations;
using Exemplar.Web.Tests.Features.Evaluations;
using Microsoft.EntityFrameworkCore;
using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>
/// Evaluations (issue 14): the list for designating officers, administrators (read), experts (their tasks) and
/// applicants (their confirmed results); opening a round only for designating officers; a round for the authority that
/// runs it (administrators read); an assignment only for its expert; 择优推荐 for designating officers.
/// </summary>
public sealed class EvaluationsMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows =>
    [
        new("GET", "/Evaluations", Deny, Allow, Deny, Deny, Deny, Allow, Allow, Allow),
        new("POST", "/Evaluations", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Deny),
        new("GET", "/Evaluations/Rounds/{id:guid}", Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, RoundAsync),
        new("POST", "/Evaluations/Rounds/{id:guid}", Deny, Deny, Deny, Deny, Deny, Own, Deny, Deny, RoundAsync),
        new("GET", "/Evaluations/Assignments/{id:guid}", Deny, Deny, Deny, Deny, Deny, Deny, Own, Deny, AssignmentAsync),
        new("POST", "/Evaluations/Assignments/{id:guid}", Deny, Deny, Deny, Deny, Deny, Deny, Own, Deny, AssignmentAsync),
        new("GET", "/Evaluations/Recommendations", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Deny),
        new("POST", "/Evaluations/Recommendations", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Deny),
    ];

    private sealed record Samples(Guid KunmingRound, Guid BeijingRound, Guid OwnAssignment, Guid OtherAssignment);

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

    /// <summary>A Kunming round (km.city's) drawn with panels of five, so km.expert sits on one and another expert on the same base; a Beijing round (another city's).</summary>
    private static async Task<Samples> BuildAsync(IServiceProvider services)
    {
        var d = new EvaluationTestData(services);
        var km = await d.OpenAsync("kunming-base-2022", "530100", 2025);
        var settings = await d.SettingsAsync(km, 5, 0, new Dictionary<string, decimal?> { ["合格"] = 60 });
        Assert.True(settings.Ok, string.Join(" ", settings.Errors.SelectMany(e => e.Value)));
        await d.OpenScoringAsync(km);
        var bj = await d.OpenAsync("beijing-base", "110000", 2025);
        var mine = await d.WithAsync((_, db) => (from e in db.Set<Web.Features.Reviews.Experts.Expert>()
                                                  join u in db.Set<Web.Features.Account.UserAccount>() on e.UserId equals u.Id
                                                  where u.UserName == "km.expert" select e.Id).SingleAsync());
        var all = await d.WithAsync((_, db) => db.Set<EvaluationAssignment>().Where(a => a.RoundId == km).ToListAsync());
        var own = all.First(a => a.ExpertId == mine);
        var other = all.First(a => a.SubjectId == own.SubjectId && a.ExpertId != mine);
        return new Samples(km, bj, own.Id, other.Id);
    }

    private static async Task<(string, string)> RoundAsync(IServiceProvider services, string _)
    {
        var s = await SamplesAsync(services);
        return ($"/Evaluations/Rounds/{s.KunmingRound}", $"/Evaluations/Rounds/{s.BeijingRound}");
    }

    private static async Task<(string, string)> AssignmentAsync(IServiceProvider services, string _)
    {
        var s = await SamplesAsync(services);
        return ($"/Evaluations/Assignments/{s.OwnAssignment}", $"/Evaluations/Assignments/{s.OtherAssignment}");
    }
}
