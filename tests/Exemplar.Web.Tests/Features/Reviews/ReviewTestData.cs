using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Reviews;

/// <summary>
/// Sets up an expert review through the real handlers: submitted Kunming applications, the review's settings, the draw.
/// </summary>
public sealed class ReviewTestData(IServiceProvider services)
{
    public ApplicationTestData Applications { get; } = new(services);
    public Recommendations.RecommendationTestData Recommendations => new(Applications);

    public Task<T> WithAsync<T>(Func<IServiceProvider, ExemplarDbContext, Task<T>> f) => Applications.WithAsync(f);

    /// <summary>The Kunming demo call with the given applications recommended by their counties (the review's queue), its review set up (3 + 2, deadline 2026-12-31) and drawn with the seed.</summary>
    public async Task<Guid> DrawnKunmingAsync(ulong seed, params string[] carriers) => await DrawnAsync(await Applications.CallIdAsync(), seed, carriers);

    /// <summary>As <see cref="DrawnKunmingAsync"/> for another (Kunming) call.</summary>
    public async Task<Guid> DrawnAsync(Guid call, ulong seed, params string[] carriers)
    {
        foreach (var c in carriers) await Recommendations.RecommendedAsync(c, call);
        var existing = await WithAsync((_, db) => db.Set<ExpertReview>().FirstOrDefaultAsync(r => r.CallId == call));
        if (existing is { Stage: not ReviewStage.Preparing }) return call;
        var saved = await WithAsync((s, _) => s.GetRequiredService<SaveReviewSettingsHandler>().HandleAsync(
            new SaveReviewSettingsCommand(call, existing?.Version, 3, 2, false, new DateOnly(2026, 12, 31)), default));
        Assert.True(saved.Ok, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));
        var version = await WithAsync((_, db) => db.Set<ExpertReview>().Where(r => r.CallId == call).Select(r => r.Version).SingleAsync());
        var drawn = await WithAsync((s, _) => s.GetRequiredService<DrawPanelsHandler>().HandleAsync(new DrawPanelsCommand(call, version, "纪检组 刘明、处办公室 张华", seed), default));
        Assert.True(drawn.Ok, string.Join(" ", drawn.Errors.SelectMany(e => e.Value)));
        return call;
    }

    /// <summary>Every expert on a panel declares no conflict and gives <paramref name="mark"/> on every item; the shortlist is fixed with every application in.</summary>
    public async Task ShortlistAllAsync(Guid call, decimal mark = 8)
    {
        var review = await WithAsync((_, db) => db.Set<ExpertReview>().AsNoTracking().SingleAsync(r => r.CallId == call));
        if (review.Stage == ReviewStage.ShortlistFixed) return;
        foreach (var a in (await AssignmentsAsync(call)).Where(a => a.State == AssignmentState.Assigned))
        {
            var user = await UserIdAsync(await UserNameOfExpertAsync(a.ExpertId));
            var declared = await WithAsync((s, _) => s.GetRequiredService<DeclareHandler>().HandleAsync(new DeclareCommand(a.Id, user, a.Version, false, null), default));
            Assert.True(declared.Ok, string.Join(" ", declared.Errors.SelectMany(e => e.Value)));
            var version = await WithAsync((_, db) => db.Set<ReviewAssignment>().Where(x => x.Id == a.Id).Select(x => x.Version).SingleAsync());
            var keys = await WithAsync((_, db) => db.Set<ReviewRubricItem>().Where(i => i.ReviewId == a.ReviewId).Select(i => i.Key).ToListAsync());
            var submitted = await WithAsync((s, _) => s.GetRequiredService<SubmitScoresHandler>().HandleAsync(
                new SubmitScoresCommand(a.Id, user, version, keys.ToDictionary(k => k, _ => (decimal?)mark), [], "同意。"), default));
            Assert.True(submitted.Ok, string.Join(" ", submitted.Errors.SelectMany(e => e.Value)));
        }
        var apps = (await AssignmentsAsync(call)).Select(a => a.ApplicationId).Distinct().ToList();
        var v = await WithAsync((_, db) => db.Set<ExpertReview>().Where(r => r.CallId == call).Select(r => r.Version).SingleAsync());
        var fixedList = await WithAsync((s, _) => s.GetRequiredService<FixShortlistHandler>().HandleAsync(
            new FixShortlistCommand(call, v, apps.Select(a => new ShortlistChoice(a, true, null)).ToList()), default));
        Assert.True(fixedList.Ok, string.Join(" ", fixedList.Errors.SelectMany(e => e.Value)));
    }

    public Task<List<ReviewAssignment>> AssignmentsAsync(Guid callId) => WithAsync((_, db) =>
        (from a in db.Set<ReviewAssignment>() join r in db.Set<ExpertReview>() on a.ReviewId equals r.Id where r.CallId == callId orderby a.ApplicationId, a.Position select a).ToListAsync());

    public Task<string> UserNameOfExpertAsync(Guid expertId) => WithAsync((_, db) =>
        (from e in db.Set<Expert>() join u in db.Set<UserAccount>() on e.UserId equals u.Id where e.Id == expertId select u.UserName).SingleAsync());

    public Task<Guid> ExpertOfUserAsync(string userName) => WithAsync((_, db) =>
        (from e in db.Set<Expert>() join u in db.Set<UserAccount>() on e.UserId equals u.Id where u.UserName == userName select e.Id).SingleAsync());

    public Task<Guid> UserIdAsync(string userName) => WithAsync((_, db) => db.Set<UserAccount>().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
