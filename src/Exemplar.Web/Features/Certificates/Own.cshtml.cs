using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Certificates;

/// <summary>我的认定与证书: the titles the operator's own bases hold or held, each with its certificate to download and verify.</summary>
[Authorize(Roles = nameof(Role.Applicant))]
public sealed class OwnModel(ExemplarDbContext db, ProgrammePolicies policies, CertificateDocument certificates, TimeProvider clock) : PageModel
{
    public sealed record Row(Designation Designation, string BaseName, string Title, DesignationStatus Status, string? CertificateNumber);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.OrganizationId() is not { } org) return NotFound();
        var today = ChinaTime.Today(clock);
        var items = await (from d in db.Set<Designation>().AsNoTracking()
                           join c in db.Set<Carrier>().AsNoTracking() on d.CarrierId equals c.Id
                           where c.OrganizationId == org
                           orderby d.AnnouncedOn descending, c.Name
                           select new { d, c.Name, Number = db.Set<IssuedCertificate>().Where(x => x.DesignationId == d.Id && x.SupersededOn == null).Select(x => x.Number).FirstOrDefault() })
            .ToListAsync(ct);
        Rows = [.. items.Select(x =>
        {
            var policy = policies.VersionsOf(x.d.ProgrammeId).FirstOrDefault(v => v.Version == x.d.PolicyVersion) ?? policies.VersionsOf(x.d.ProgrammeId).FirstOrDefault();
            return new Row(x.d, x.Name, policy is null ? x.d.ProgrammeId : DesignationTitle.Of(policy.Title),
                DesignationStatuses.On(today, x.d.ValidUntil, x.d.RevokedOn, x.d.ReReviewApplicationId is not null), x.Number);
        })];
        return Page();
    }

    /// <summary>The certificate of one of the operator's own designations; any other designation is not found.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken ct)
    {
        if (User.OrganizationId() is not { } org) return NotFound();
        var found = await (from d in db.Set<Designation>().AsNoTracking()
                           join c in db.Set<Carrier>().AsNoTracking() on d.CarrierId equals c.Id
                           where d.Id == id && c.OrganizationId == org
                           select new { d, c }).FirstOrDefaultAsync(ct);
        if (found is null || await certificates.ForAsync(found.d, found.c, ct) is not { } doc) return NotFound();
        return File(doc.Bytes, doc.ContentType, doc.FileName);
    }
}
