using System.Security.Claims;
using System.Text.Json;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.ChangeFilings;

/// <summary>Who someone is to a designated base's case (a change filing or a revocation).</summary>
public enum CaseParty
{
    None,
    /// <summary>The base's own operating organisation.</summary>
    Base,
    /// <summary>A county, prefecture or zone officer whose jurisdiction covers the base.</summary>
    LocalAuthority,
    /// <summary>The designating authority that keeps this programme's designations for the base (only it decides).</summary>
    DesignatingAuthority,
    /// <summary>Administrators read everything and decide nothing.</summary>
    Administrator,
}

/// <summary>A designation with its base and the policy version it was made under.</summary>
public sealed record CaseSubject(Designation Designation, Carrier Carrier, PolicyVersion Policy, string RegionName, string Title);

/// <summary>
/// The scope rules of change filings and revocations: a base only its own, officers their jurisdiction, and only the
/// designating authority of the programme's region decides (<see cref="DesignationScope"/>).
/// </summary>
public sealed class CaseAccess(ExemplarDbContext db, DesignationScope scope, JurisdictionTreeCache trees, ProgrammePolicies policies)
{
    public async Task<CaseSubject?> SubjectAsync(Guid designationId, CancellationToken ct)
    {
        var found = await (from d in db.Set<Designation>().AsNoTracking()
                           join c in db.Set<Carrier>().AsNoTracking() on d.CarrierId equals c.Id
                           where d.Id == designationId select new { d, c }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var policy = PolicyOf(found.d);
        if (policy is null) return null;
        var tree = await trees.GetAsync(ct);
        return new CaseSubject(found.d, found.c, policy, tree.FullName(found.c.JurisdictionCode), Domain.Designations.DesignationTitle.Of(policy.Title));
    }

    /// <summary>The version the designation was made under (its rules govern it even after the text changed).</summary>
    public PolicyVersion? PolicyOf(Designation d) =>
        policies.VersionsOf(d.ProgrammeId).FirstOrDefault(v => v.Version == d.PolicyVersion)
        ?? policies.VersionsOf(d.ProgrammeId).OrderByDescending(v => v.EffectiveFrom ?? DateOnly.MinValue).FirstOrDefault();

    public async Task<CaseParty> PartyAsync(ClaimsPrincipal user, Carrier carrier, string programmeId, CancellationToken ct)
    {
        switch (user.Role())
        {
            case Role.Administrator: return CaseParty.Administrator;
            case Role.Applicant: return user.OrganizationId() == carrier.OrganizationId ? CaseParty.Base : CaseParty.None;
            case Role.DesignatingOfficer:
                return await scope.CoversAsync(user, programmeId, carrier.JurisdictionCode, ct) ? CaseParty.DesignatingAuthority : CaseParty.None;
            case { } r when RoleNames.LocalOfficers.Contains(r):
                return JurisdictionScope.For(user, await trees.GetAsync(ct)).Covers(carrier.JurisdictionCode) ? CaseParty.LocalAuthority : CaseParty.None;
            default: return CaseParty.None;
        }
    }

    /// <summary>The base's active accounts (in-app notice) and the organisation's contact mobile.</summary>
    public async Task<NoticeRecipients> BaseRecipientsAsync(Guid organizationId, CancellationToken ct)
    {
        var users = await db.Set<UserAccount>().AsNoTracking().Where(u => u.OrganizationId == organizationId && u.IsActive && u.Role == Role.Applicant)
            .Select(u => u.Id).ToListAsync(ct);
        return new NoticeRecipients(users, [], []);
    }

    /// <summary>Officers whose jurisdiction covers the base: local ones and/or the programme's designating authority.</summary>
    public async Task<NoticeRecipients> OfficersAsync(Carrier carrier, string programmeId, bool local, bool designating, CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        var roles = new List<Role>();
        if (local) roles.AddRange(RoleNames.LocalOfficers);
        if (designating) roles.Add(Role.DesignatingOfficer);
        var candidates = await db.Set<UserAccount>().AsNoTracking().Where(u => u.IsActive && roles.Contains(u.Role) && u.JurisdictionCode != null)
            .Select(u => new { u.Id, u.Role, u.JurisdictionCode }).ToListAsync(ct);
        var region = ProgrammePolicies.RegionOf(policies.VersionsOf(programmeId).First(), tree);
        return new NoticeRecipients([.. candidates.Where(u => tree.SubtreeCodes(u.JurisdictionCode!).Contains(carrier.JurisdictionCode)
            && (u.Role != Role.DesignatingOfficer || (region is not null && tree.SubtreeCodes(region).Contains(u.JurisdictionCode!))))
            .Select(u => u.Id)], [], []);
    }

    public static IReadOnlyList<Guid> Files(string json) => JsonSerializer.Deserialize<List<Guid>>(json) ?? [];
    public static string FilesJson(IEnumerable<Guid> ids) => JsonSerializer.Serialize(ids.ToList());

    public async Task<IReadOnlyList<StoredFile>> StoredAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        if (list.Count == 0) return [];
        var files = await db.Set<StoredFile>().AsNoTracking().Where(f => list.Contains(f.Id)).ToListAsync(ct);
        return [.. list.Select(id => files.FirstOrDefault(f => f.Id == id)).OfType<StoredFile>()];
    }
}

/// <summary>An uploaded file as a handler receives it (page or API).</summary>
public sealed record CaseUpload(string? FileName, byte[] Content);

/// <summary>Inspects uploads for a case and adds those that pass to the unit of work.</summary>
public static class CaseUploads
{
    public static List<(InspectedFile File, byte[] Content)> Inspect(UploadInspector inspector, IReadOnlyList<CaseUpload> uploads, int max, string field,
        string label, Infrastructure.Forms.Problems p)
    {
        var passed = new List<(InspectedFile, byte[])>();
        if (uploads.Count > max) { p.Add(field, $"{label}最多{max}个。"); return passed; }
        foreach (var u in uploads)
        {
            var verdict = inspector.Inspect(u.FileName, u.Content, UploadKinds.Evidence, label);
            if (verdict.Accepted) passed.Add((verdict.File!, u.Content));
            else p.Add(field, verdict.Refusal!);
        }
        return passed;
    }

    public static async Task<List<CaseUpload>> ReadAsync(Microsoft.AspNetCore.Http.IFormCollection form, string field, CancellationToken ct)
    {
        var list = new List<CaseUpload>();
        foreach (var f in form.Files.GetFiles(field).Where(f => f.Length > 0))
        {
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            list.Add(new CaseUpload(f.FileName, ms.ToArray()));
        }
        return list;
    }
}
