using System.Security.Claims;
using Exemplar.Domain.Designations;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Evaluations;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Features.Reviews.Experts;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Evaluations;

/// <summary>Sets up evaluation rounds through the real handlers: designated bases, the round, its settings, the draw, the experts' marks.</summary>
public sealed class EvaluationTestData(IServiceProvider services)
{
    public async Task<T> WithAsync<T>(Func<IServiceProvider, ExemplarDbContext, Task<T>> f)
    {
        using var scope = services.CreateScope();
        return await f(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    /// <summary>The designating officer as a principal (role and jurisdiction), for handlers that take one.</summary>
    public static ClaimsPrincipal Officer(string jurisdiction) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, nameof(Role.DesignatingOfficer)), new Claim(ExemplarClaims.Jurisdiction, jurisdiction)], "test"));

    /// <summary>A base of the operator designated under the programme's latest text (announced 2024-06-01, valid today), entered as before the product.</summary>
    public Task<Guid> DesignatedAsync(string programmeId, string baseName, string jurisdiction, string operatorName) => WithAsync(async (s, db) =>
    {
        var org = await db.Set<Organization>().SingleAsync(o => o.Name == operatorName);
        var policy = s.GetRequiredService<ProgrammePolicies>().VersionsOf(programmeId).OrderByDescending(p => p.EffectiveFrom ?? DateOnly.MinValue).First();
        var carrier = new Carrier
        {
            OrganizationId = org.Id, Name = baseName, JurisdictionCode = jurisdiction, Kind = CarrierKind.Base, LeadingIndustries = ["软件"],
            PrimaryType = CarrierPrimaryType.ProducerServices, Area = 12000, PublicServiceArea = 2000, EstablishedOn = new DateOnly(2017, 5, 1),
            CarrierType = "startupPark", OperatorSince = new DateOnly(2017, 5, 1), OperatorFoundedOn = new DateOnly(2016, 8, 1), CreatedAt = DateTimeOffset.UtcNow,
        };
        var announced = new DateOnly(2025, 6, 1);
        var term = DesignationTerm.For(policy, announced);
        var d = new Designation
        {
            CarrierId = carrier.Id, ProgrammeId = policy.Id, PolicyVersion = policy.Version, AnnouncementNumber = $"测试〔2025〕{Random.Shared.Next(100, 999)}号",
            AnnouncedOn = announced, ValidFrom = term.ValidFrom, ValidUntil = term.ValidUntil, EnteredAfterwards = true, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(carrier);
        db.Add(d);
        db.Actor.Operation = "测试.认定";
        await db.SaveChangesAsync();
        return d.Id;
    });

    /// <summary>The designation of a demo base by its name.</summary>
    public Task<Guid> DesignationOfAsync(string baseName) => WithAsync((_, db) =>
        (from d in db.Set<Designation>() join c in db.Set<Carrier>() on d.CarrierId equals c.Id where c.Name == baseName select d.Id).SingleAsync());

    public async Task<Guid> OpenAsync(string programmeId, string jurisdiction, int year)
    {
        var r = await WithAsync((s, _) => s.GetRequiredService<OpenRoundHandler>().HandleAsync(new OpenRoundCommand(Officer(jurisdiction), programmeId, year), default));
        Assert.True(r.Ok, string.Join(" ", r.Errors.SelectMany(e => e.Value)));
        return r.Id!.Value;
    }

    public Task<uint> RoundVersionAsync(Guid round) => WithAsync((_, db) => db.Set<EvaluationRound>().Where(r => r.Id == round).Select(r => r.Version).SingleAsync());

    public Task<List<EvaluationSubject>> SubjectsAsync(Guid round) => WithAsync((_, db) => db.Set<EvaluationSubject>().AsNoTracking().Where(s => s.RoundId == round).ToListAsync());

    public async Task<SaveResult> SettingsAsync(Guid round, int panel, int reserves, IReadOnlyDictionary<string, decimal?> cutoffs,
        IReadOnlyList<decimal?>? stars = null, IReadOnlyList<TierLine>? tiers = null, IReadOnlyCollection<Guid>? nonParticipants = null) =>
        await WithAsync(async (s, _) => await s.GetRequiredService<SaveRoundSettingsHandler>().HandleAsync(new SaveRoundSettingsCommand(round, await RoundVersionAsync(round),
            panel, reserves, false, new DateOnly(2026, 12, 31), [new RoundRubricLine("服务能力", 100, 60), new RoundRubricLine("服务绩效", 100, 40)],
            cutoffs, stars ?? [], tiers ?? [], nonParticipants ?? []), default));

    public async Task OpenScoringAsync(Guid round, ulong seed = 20261121)
    {
        var r = await WithAsync(async (s, _) => await s.GetRequiredService<OpenScoringHandler>().HandleAsync(new OpenScoringCommand(round, await RoundVersionAsync(round), "纪检组 刘明", seed), default));
        Assert.True(r.Ok, string.Join(" ", r.Errors.SelectMany(e => e.Value)));
    }

    public Task<List<EvaluationAssignment>> AssignmentsAsync(Guid subject) => WithAsync((_, db) =>
        db.Set<EvaluationAssignment>().AsNoTracking().Where(a => a.SubjectId == subject).OrderBy(a => a.Position).ToListAsync());

    /// <summary>Every expert on the base's panel declares no conflict and gives <paramref name="mark"/> (of 100) on every item.</summary>
    public async Task ScoreAsync(Guid subject, decimal mark)
    {
        foreach (var a in (await AssignmentsAsync(subject)).Where(a => a.State == AssignmentState.Assigned))
        {
            var user = await WithAsync((_, db) => db.Set<Expert>().Where(e => e.Id == a.ExpertId).Select(e => e.UserId).SingleAsync());
            var declared = await WithAsync((s, _) => s.GetRequiredService<EvaluationDeclareHandler>().HandleAsync(new EvaluationDeclareCommand(a.Id, user, a.Version, false, null), default));
            Assert.True(declared.Ok, string.Join(" ", declared.Errors.SelectMany(e => e.Value)));
            var version = await WithAsync((_, db) => db.Set<EvaluationAssignment>().Where(x => x.Id == a.Id).Select(x => x.Version).SingleAsync());
            var scored = await WithAsync((s, _) => s.GetRequiredService<EvaluationScoreHandler>().HandleAsync(
                new EvaluationScoreCommand(a.Id, user, version, new Dictionary<string, decimal?> { ["item-1"] = mark, ["item-2"] = mark }, [], "情况属实。"), default));
            Assert.True(scored.Ok, string.Join(" ", scored.Errors.SelectMany(e => e.Value)));
        }
    }

    public async Task<SaveResult> ConfirmAsync(Guid round, Guid subject, string? grade = null, string? reason = null, bool confirmed = true)
    {
        var version = await WithAsync((_, db) => db.Set<EvaluationSubject>().Where(s => s.Id == subject).Select(s => s.Version).SingleAsync());
        return await WithAsync((s, _) => s.GetRequiredService<ConfirmOutcomeHandler>().HandleAsync(new ConfirmOutcomeCommand(round, subject, version, grade, reason, confirmed), default));
    }

    public Task<Guid> UserIdAsync(string userName) => WithAsync((_, db) => db.Set<UserAccount>().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
