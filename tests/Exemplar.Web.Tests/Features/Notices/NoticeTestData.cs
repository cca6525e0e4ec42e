using System.Security.Claims;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Notices;
using Exemplar.Web.Features.Reviews;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Exemplar.Web.Tests.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Notices;

/// <summary>
/// A Kunming call taken through the real handlers to a fixed shortlist (五华 and 盘龙 both in), then published as a notice by
/// km.city; objections filed, registered and concluded through the handlers too.
/// </summary>
public sealed class NoticeTestData(IServiceProvider services)
{
    public const string Wuhua = "昆明五华创新创业园";
    public const string Panlong = "盘龙众创空间";

    public ReviewTestData Reviews { get; } = new(services);

    public Task<T> Db<T>(Func<Exemplar.Web.Infrastructure.Data.ExemplarDbContext, Task<T>> f) => Reviews.WithAsync((_, db) => f(db));

    /// <summary>The user as the cookie would carry them (role, jurisdiction, organisation).</summary>
    public Task<ClaimsPrincipal> PrincipalAsync(string userName) => Db(async db =>
    {
        var u = await db.Set<UserAccount>().AsNoTracking().SingleAsync(x => x.UserName == userName);
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, u.Id.ToString()), new(ClaimTypes.Name, u.DisplayName), new(ClaimTypes.Role, u.Role.ToString())];
        if (u.JurisdictionCode is { } j) claims.Add(new(ExemplarClaims.Jurisdiction, j));
        if (u.OrganizationId is { } o) claims.Add(new(ExemplarClaims.Organization, o.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    });

    /// <summary>The Kunming demo call with 五华 and 盘龙 scored by their panels and both on the fixed shortlist.</summary>
    public async Task<(Guid Call, Guid Wuhua, Guid Panlong)> ShortlistedAsync()
    {
        var call = await Reviews.DrawnKunmingAsync(11, Wuhua, Panlong);
        var wuhua = await Reviews.Applications.SubmittedAsync(Wuhua, call);
        var panlong = await Reviews.Applications.SubmittedAsync(Panlong, call);
        var stage = await Db(db => db.Set<ExpertReview>().Where(r => r.CallId == call).Select(r => r.Stage).SingleAsync());
        if (stage == ReviewStage.ShortlistFixed) return (call, wuhua, panlong);
        foreach (var a in (await Reviews.AssignmentsAsync(call)).Where(a => a.State == AssignmentState.Assigned))
        {
            var user = await Reviews.UserIdAsync(await Reviews.UserNameOfExpertAsync(a.ExpertId));
            Ok(await Reviews.WithAsync((s, _) => s.GetRequiredService<DeclareHandler>().HandleAsync(new DeclareCommand(a.Id, user, a.Version, false, null), default)));
            var version = await Db(db => db.Set<ReviewAssignment>().Where(x => x.Id == a.Id).Select(x => x.Version).SingleAsync());
            var keys = await Db(db => db.Set<ReviewRubricItem>().Where(i => i.ReviewId == a.ReviewId).Select(i => i.Key).ToListAsync());
            Ok(await Reviews.WithAsync((s, _) => s.GetRequiredService<SubmitScoresHandler>().HandleAsync(
                new SubmitScoresCommand(a.Id, user, version, keys.ToDictionary(k => k, _ => (decimal?)8), [], "同意推荐。"), default)));
        }
        var reviewVersion = await Db(db => db.Set<ExpertReview>().Where(r => r.CallId == call).Select(r => r.Version).SingleAsync());
        Ok(await Reviews.WithAsync((s, _) => s.GetRequiredService<FixShortlistHandler>().HandleAsync(
            new FixShortlistCommand(call, reviewVersion, [new(wuhua, true, null), new(panlong, true, null)]), default)));
        return (call, wuhua, panlong);
    }

    public async Task<SaveResult> PublishAsync(Guid call, int? workingDays, bool confirm = false, string officer = "km.city")
    {
        var who = await PrincipalAsync(officer);
        return await Reviews.WithAsync((s, _) => s.GetRequiredService<PublishNoticeHandler>().HandleAsync(new PublishNoticeCommand(
            call, who, "2026年度昆明市小型微型企业创业创新示范基地拟认定名单公示", null, "昆明市工业和信息化局中小企业处 0871-63100000",
            workingDays, confirm, []), default));
    }

    /// <summary>The Kunming notice (10 working days from the factory's date), published once.</summary>
    public async Task<PublicNotice> PublishedAsync()
    {
        var (call, _, _) = await ShortlistedAsync();
        var existing = await Db(db => db.Set<PublicNotice>().AsNoTracking().Include(n => n.Entries).FirstOrDefaultAsync(n => n.CallId == call));
        if (existing is not null) return existing;
        Ok(await PublishAsync(call, 10));
        return await Db(db => db.Set<PublicNotice>().AsNoTracking().Include(n => n.Entries).SingleAsync(n => n.CallId == call));
    }

    public static FileObjectionCommand Objection(PublicNotice n, string carrier, FilerKind? kind = FilerKind.Person, string? name = "赵建国",
        string? contact = "13987654321", string? content = "该基地申报材料中的入驻企业数量与实际不符，部分企业已于今年迁出。", params EvidenceUpload[] evidence) =>
        new(n.Id, n.Entries.Single(e => e.CarrierName == carrier).Id, kind, name, contact, content, evidence);

    public Task<SaveResult> FileAsync(FileObjectionCommand c) =>
        Reviews.WithAsync((s, _) => s.GetRequiredService<FileObjectionHandler>().HandleAsync(c, default));

    public Task<Objection> ObjectionAsync(Guid id) => Db(db => db.Set<Objection>().AsNoTracking().Include(o => o.Evidence).SingleAsync(o => o.Id == id));

    public async Task<SaveResult> RegisterAsync(Guid id, DateOnly due)
    {
        var who = await PrincipalAsync("km.city");
        var o = await ObjectionAsync(id);
        return await Reviews.WithAsync((s, _) => s.GetRequiredService<RegisterObjectionHandler>().HandleAsync(new RegisterObjectionCommand(id, who, o.Version, due), default));
    }

    public async Task<SaveResult> ConcludeAsync(Guid id, ObjectionConclusion conclusion, string findings = "经调取工商登记和租赁合同核实。", string reply = "经调查核实，答复如下。")
    {
        var who = await PrincipalAsync("km.city");
        var o = await ObjectionAsync(id);
        return await Reviews.WithAsync((s, _) => s.GetRequiredService<ConcludeObjectionHandler>().HandleAsync(new ConcludeObjectionCommand(id, who, o.Version, findings, conclusion, reply), default));
    }

    public static void Ok(SaveResult r) => Assert.True(r.Ok, string.Join(" ", r.Errors.SelectMany(e => e.Value)));

    public static IEnumerable<string> Messages(SaveResult r) => r.Errors.SelectMany(e => e.Value);
}
