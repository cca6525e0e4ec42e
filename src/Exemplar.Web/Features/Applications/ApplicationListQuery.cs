using System.Security.Claims;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Policies;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

public sealed record ApplicationFilter(Guid? Call = null, ApplicationStatus? Status = null, string? County = null, Verdict? Verdict = null,
    bool? Complete = null, string? Q = null, string? Sort = null, int Page = 1);

public sealed record ApplicationRow(Guid Id, string? ReceiptNumber, Guid CallId, string CallTitle, int Year, string CarrierName, string Operator,
    string JurisdictionCode, string JurisdictionName, ApplicationStatus Status, int Version, Verdict? Verdict, bool MaterialsComplete,
    DateTimeOffset? SubmittedAt, bool ContentVisible);

/// <summary>
/// The applications a user may see (<see cref="ApplicationAccess"/>), filtered by call, status, county, the engine's
/// verdict and completeness, sorted and paged; the same rows feed the XLSX export.
/// </summary>
public sealed class ApplicationListQuery(ExemplarDbContext db, PolicySnapshots snapshots, JurisdictionTreeCache trees)
{
    public const int PageSize = 20;

    public async Task<PageOf<ApplicationRow>> PageAsync(ClaimsPrincipal user, ApplicationFilter f, CancellationToken ct)
    {
        var (q, contentCalls, tree) = await VisibleAsync(user, f, ct);
        var total = await q.CountAsync(ct);
        var page = Math.Max(1, f.Page);
        var rows = await Sorted(q, f.Sort).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new PageOf<ApplicationRow>(rows.Select(r => Row(r, contentCalls, tree)).ToList(), total, page, PageSize);
    }

    public async IAsyncEnumerable<ApplicationRow> AllAsync(ClaimsPrincipal user, ApplicationFilter f, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var (q, contentCalls, tree) = await VisibleAsync(user, f, ct);
        await foreach (var r in Sorted(q, f.Sort).AsAsyncEnumerable().WithCancellation(ct)) yield return Row(r, contentCalls, tree);
    }

    /// <summary>Calls the user is involved in, per call whether content is visible.</summary>
    public async Task<IReadOnlyList<(Call Call, bool Content)>> CallsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var role = user.Role();
        var calls = await db.Set<Call>().AsNoTracking().Where(c => c.Status != CallStatus.Draft).OrderByDescending(c => c.Year).ThenBy(c => c.Title).ToListAsync(ct);
        if (role is Role.Applicant or Role.Administrator) return calls.Select(c => (c, true)).ToList();
        var tree = await trees.GetAsync(ct);
        var scope = JurisdictionScope.For(user, tree);
        var result = new List<(Call, bool)>();
        foreach (var c in calls)
        {
            var policy = await snapshots.LoadAsync(c.PolicyHash, ct);
            if (policy is null || role is not { } r) continue;
            if (RecommendingLevels.Of(policy).Contains(r) && tree.SubtreeCodes(c.JurisdictionCode).Any(scope.Covers)) result.Add((c, true));
            else if (r == Role.DesignatingOfficer && scope.Covers(c.JurisdictionCode)) result.Add((c, RecommendingLevels.GoesStraightToDesignating(policy)));
        }
        return result;
    }

    /// <summary>Built with an initialiser (not a constructor) so later filters and sorts on its members still translate to SQL.</summary>
    private sealed class Raw
    {
        public required Application A { get; init; }
        public required string CallTitle { get; init; }
        public int Year { get; init; }
        public required string CarrierName { get; init; }
        public required string Operator { get; init; }
        public int Version { get; init; }
    }

    private async Task<(IQueryable<Raw> Query, HashSet<Guid> ContentCalls, JurisdictionTree Tree)> VisibleAsync(ClaimsPrincipal user, ApplicationFilter f, CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        var apps = db.Set<Application>().AsNoTracking();
        var role = user.Role();
        HashSet<Guid> contentCalls;
        if (role == Role.Applicant)
        {
            var org = user.OrganizationId();
            apps = apps.Where(a => a.OrganizationId == org);
            contentCalls = (await db.Set<Call>().Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        }
        else
        {
            var calls = await CallsAsync(user, ct);
            var ids = calls.Select(c => c.Call.Id).ToList();
            contentCalls = calls.Where(c => c.Content).Select(c => c.Call.Id).ToHashSet();
            apps = apps.Where(a => ids.Contains(a.CallId) && a.FirstSubmittedAt != null);
            if (role != Role.Administrator)
            {
                var covered = JurisdictionScope.For(user, tree).CoveredCodes.ToList();
                apps = apps.Where(a => covered.Contains(a.JurisdictionCode));
            }
        }
        if (f.Call is { } call) apps = apps.Where(a => a.CallId == call);
        if (f.Status is { } status) apps = apps.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(f.County))
        {
            var codes = tree.SubtreeCodes(f.County).ToList();
            apps = apps.Where(a => codes.Contains(a.JurisdictionCode));
        }
        if (f.Verdict is { } verdict) apps = apps.Where(a => a.SubmittedVerdict == verdict);
        if (f.Complete is { } complete) apps = apps.Where(a => a.FirstSubmittedAt != null && a.MaterialsComplete == complete);
        var q = from a in apps
                join c in db.Set<Call>() on a.CallId equals c.Id
                join k in db.Set<Carrier>() on a.CarrierId equals k.Id
                join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                select new Raw { A = a, CallTitle = c.Title, Year = c.Year, CarrierName = k.Name, Operator = o.Name, Version = a.CurrentVersion };
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            q = q.Where(r => r.CarrierName.Contains(text) || r.Operator.Contains(text) || (r.A.ReceiptNumber != null && r.A.ReceiptNumber.Contains(text)));
        }
        return (q, contentCalls, tree);
    }

    private static IQueryable<Raw> Sorted(IQueryable<Raw> q, string? sort) => sort switch
    {
        "carrier" => q.OrderBy(r => r.CarrierName).ThenBy(r => r.A.Id),
        "status" => q.OrderBy(r => r.A.Status).ThenBy(r => r.A.ReceiptNumber).ThenBy(r => r.A.Id),
        "submitted" => q.OrderByDescending(r => r.A.LastSubmittedAt).ThenBy(r => r.A.Id),
        _ => q.OrderBy(r => r.A.ReceiptNumber == null).ThenBy(r => r.A.ReceiptNumber).ThenBy(r => r.CarrierName).ThenBy(r => r.A.Id),
    };

    private static ApplicationRow Row(Raw r, HashSet<Guid> contentCalls, JurisdictionTree tree) => new(
        r.A.Id, r.A.ReceiptNumber, r.A.CallId, r.CallTitle, r.Year, r.CarrierName, r.Operator, r.A.JurisdictionCode,
        tree.Find(r.A.JurisdictionCode)?.Name ?? r.A.JurisdictionCode, r.A.Status, r.Version, r.A.SubmittedVerdict, r.A.MaterialsComplete,
        r.A.LastSubmittedAt, contentCalls.Contains(r.A.CallId));
}
