using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Registry;

/// <summary>One base in the registry with its history: designated, certificate, plaque, changes, revoked or expired.</summary>
[OutputCache(PolicyName = RegistrySetup.CachePolicy)]
public sealed class BaseModel(ExemplarDbContext db, ProgrammePolicies policies, JurisdictionTreeCache trees, Evaluations.EvaluationQueries evaluations, TimeProvider clock) : PageModel
{
    public sealed record Event(DateOnly On, string What, string? Certificate = null);
    public sealed record Title(Designation Designation, string Name, DesignationStatus Status, string? CertificateNumber, IReadOnlyList<Event> History);

    public Carrier Carrier { get; private set; } = null!;
    public string RegionName { get; private set; } = "";
    public IReadOnlyList<Title> Titles { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>Latest confirmed star rating per designation (北京第十三条 星级评定).</summary>
    public IReadOnlyDictionary<Guid, (int Stars, int Year)> Stars { get; private set; } = new Dictionary<Guid, (int, int)>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var carrier = await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (carrier is null) return NotFound();
        var designations = await db.Set<Designation>().AsNoTracking().Where(d => d.CarrierId == id).OrderByDescending(d => d.AnnouncedOn).ToListAsync(ct);
        if (designations.Count == 0) return NotFound();
        var ids = designations.Select(d => d.Id).ToList();
        var allCertificates = await db.Set<IssuedCertificate>().AsNoTracking().Where(c => ids.Contains(c.DesignationId)).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var certificates = allCertificates.Where(c => c.SupersededOn == null).ToDictionary(c => c.DesignationId);
        var changes = await db.Set<DesignationChange>().AsNoTracking().Where(c => ids.Contains(c.DesignationId)).ToListAsync(ct);
        Carrier = carrier;
        Stars = await evaluations.StarsAsync(ids, ct);
        RegionName = (await trees.GetAsync(ct)).FullName(carrier.JurisdictionCode);
        Today = ChinaTime.Today(clock);
        Titles = [.. designations.Select(d =>
        {
            var policy = policies.VersionsOf(d.ProgrammeId).FirstOrDefault(v => v.Version == d.PolicyVersion) ?? policies.VersionsOf(d.ProgrammeId).FirstOrDefault();
            var name = policy is null ? d.ProgrammeId : DesignationTitle.Of(policy.Title);
            var cert = certificates.GetValueOrDefault(d.Id);
            var history = new List<Event> { new(d.AnnouncedOn, $"认定为{name}（{d.AnnouncementNumber ?? "公告文号未录入"}）") };
            foreach (var c in allCertificates.Where(c => c.DesignationId == d.Id))
            {
                var replaced = c.ReplacesId is { } previous ? allCertificates.FirstOrDefault(x => x.Id == previous)?.Number : null;
                history.Add(replaced is null ? new(c.IssuedOn, $"颁发证书，证书编号 {c.Number}", c.Number)
                    : new(c.IssuedOn, $"{ReissueCertificateHandler.Verb(c.ReissueKind)}证书，证书编号 {c.Number}（原证书 {replaced} 作废）", c.Number));
            }
            if (d.PlaqueAwardedOn is { } plaque) history.Add(new(plaque, "授牌"));
            history.AddRange(changes.Where(c => c.DesignationId == d.Id).Select(c => new Event(c.CompletedOn, "变更：" + c.Description)));
            var status = DesignationStatuses.On(Today, d.ValidUntil, d.RevokedOn, d.ReReviewApplicationId is not null);
            if (d.RevokedOn is { } r && status == DesignationStatus.Revoked) history.Add(new(r, $"撤销称号{(d.RevocationCitation is null ? "" : "（" + d.RevocationCitation + "）")}"));
            else if (d.ValidUntil is { } u && status == DesignationStatus.Expired) history.Add(new(u.AddDays(1), $"有效期满（最后一个有效日为{ChinaTime.Format(u)}）"));
            else if (d.ValidUntil is { } due && status == DesignationStatus.UnderReReview) history.Add(new(due.AddDays(1), $"有效期届满（{ChinaTime.Format(due)}），已在期满当年申请复核，复核决定前称号继续有效"));
            return new Title(d, name, status, cert?.Number, [.. history.OrderBy(e => e.On)]);
        })];
        return Page();
    }
}
