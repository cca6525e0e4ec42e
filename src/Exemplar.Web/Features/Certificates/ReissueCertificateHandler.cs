using System.Security.Claims;
using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.ChangeFilings;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Certificates;

public sealed record ReissueCertificateCommand(Guid DesignationId, ClaimsPrincipal User, uint? Version, CertificateReissueKind? Kind,
    Guid? ChangeFilingId, string? Reason, bool Confirmed);

/// <summary>What the reissue form shows: the current certificate, the name printed on it, the base's registered name now, and the accepted name changes.</summary>
public sealed record ReissueSubject(Designation Designation, IssuedCertificate Current, string NameOnCertificate, string RegisteredName,
    IReadOnlyList<ChangeFiling> NameChanges, bool Stands);

/// <summary>
/// 换发/补发: the designating officer signs a new certificate for a designation that stands — a new number by the same
/// rule, the same designation and validity, the base's registered name — and the current one is void from today (its
/// verification page reads 已换发（作废）/已补发（作废）with the day). 换发 follows an accepted 名称 change filing and needs
/// the registered name to differ from the printed one; 补发 needs an account of the loss. The officer confirms first; one
/// transaction does both, and the old certificate's row version makes two officers reissuing at once end with one new certificate.
/// </summary>
public sealed class ReissueCertificateHandler(ExemplarDbContext db, CertificateIssuer issuer, DesignationScope scope, CaseAccess access,
    Notifications.Messenger messenger, TimeProvider clock)
{
    /// <summary>The change kind a 换发 follows (one of each policy's changeFiling.majorChanges).</summary>
    public const string NameChangeKind = "名称";

    public async Task<ReissueSubject?> LoadAsync(Guid designationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await db.Set<Designation>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == designationId, ct);
        var carrier = d is null ? null : await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == d.CarrierId, ct);
        if (d is null || carrier is null || !await scope.CoversAsync(user, d.ProgrammeId, carrier.JurisdictionCode, ct)) return null;
        var current = await db.Set<IssuedCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.DesignationId == d.Id && c.SupersededOn == null, ct);
        if (current is null) return null;
        var used = db.Set<IssuedCertificate>().Where(c => c.ChangeFilingId != null).Select(c => c.ChangeFilingId);
        var filings = await db.Set<ChangeFiling>().AsNoTracking()
            .Where(f => f.DesignationId == d.Id && f.Stage == ChangeFilingStage.Accepted && f.ChangeKind == NameChangeKind && !used.Contains(f.Id))
            .OrderByDescending(f => f.EventOn).ToListAsync(ct);
        var printed = CertificatePayload.Fields(current.Payload)?.GetValueOrDefault("base") ?? "";
        var stands = DesignationStatuses.Stands(DesignationStatuses.On(ChinaTime.Today(clock), d.ValidUntil, d.RevokedOn, d.ReReviewApplicationId is not null));
        return new ReissueSubject(d, current, printed, carrier.Name, filings, stands);
    }

    public async Task<SaveResult> HandleAsync(ReissueCertificateCommand c, CancellationToken ct)
    {
        var s = await LoadAsync(c.DesignationId, c.User, ct);
        if (s is null) return SaveResult.NotFound;
        var p = new Problems();
        if (!s.Stands) { p.Add("", "该认定已期满或已撤销，不能换发或补发证书。"); return p.Result(); }
        var reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
        p.MaxLength("Reason", reason, IssuedCertificate.ReissueReasonMax, "情况说明");
        Guid? filingId = null;
        switch (c.Kind)
        {
            case CertificateReissueKind.NameChange:
                if (c.ChangeFilingId is not { } id || s.NameChanges.All(f => f.Id != id))
                    p.Add("ChangeFilingId", s.NameChanges.Count == 0
                        ? "该基地没有已予备案、尚未换发证书的名称变更：名称变更须先经重大变更备案。"
                        : "请选择换发所依据的名称变更备案。");
                else filingId = id;
                if (s.RegisteredName == s.NameOnCertificate)
                    p.Add("Kind", $"基地登记名称仍为“{s.RegisteredName}”，与现证书相同：请运营单位先在基地信息中更新名称，再换发证书。");
                break;
            case CertificateReissueKind.Lost:
                if (reason is null) p.Add("Reason", "补发的，请说明证书遗失的情况（如遗失时间、登报或网上声明作废的情况）。");
                break;
            default:
                p.Add("Kind", "请选择换发或补发的原因。");
                break;
        }
        if (!c.Confirmed) p.Add("Confirmed", $"请勾选确认：{Verb(c.Kind)}后原证书（{s.Current.Number}）即日作废。");
        if (p.Any) return p.Result();

        var old = await db.Set<IssuedCertificate>().SingleAsync(x => x.Id == s.Current.Id, ct);
        var organizationId = await db.Set<Carrier>().Where(x => x.Id == s.Designation.CarrierId).Select(x => x.OrganizationId).SingleAsync(ct);
        db.Entry(old).Property(x => x.Version).OriginalValue = c.Version ?? old.Version;
        var operation = c.Kind == CertificateReissueKind.NameChange ? "证书.换发" : "证书.补发";
        try
        {
            var newId = Guid.Empty;
            // Two steps in one transaction: the old certificate stops being current (the partial unique index allows one
            // per designation, and its row version settles a race between two officers), then the new one is signed and added.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.Actor.Operation = operation;
                old.SupersededOn = ChinaTime.Today(clock);
                await db.SaveChangesAsync(ct);
                var replacement = await issuer.SignAsync(s.Designation, null, new CertificateIssuer.Reissue(old.Id, c.Kind!.Value, reason, filingId), ct);
                db.Add(replacement);
                old.SupersededById = replacement.Id;
                // The base is told in the same transaction: its printed certificate is void from today.
                var verb = Verb(c.Kind);
                messenger.Queue($"certificate:{replacement.Id}", $"证书已{verb}（新证书编号 {replacement.Number}）",
                    $"{s.RegisteredName}：认定机关已于{ChinaTime.Format(old.SupersededOn!.Value)}{verb}你单位的证书，新证书编号 {replacement.Number}；"
                    + $"原证书（{old.Number}）同日作废，扫码核验将显示“已{verb}（作废）”。新证书可在“我的证书”中下载打印。",
                    await access.BaseRecipientsAsync(organizationId, ct));
                db.Actor.Operation = operation;
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                newId = replacement.Id;
            });
            return SaveResult.Saved(newId);
        }
        catch (DbUpdateConcurrencyException)
        {
            p.Add("", Problems.ConcurrencyMessage);
            return p.Result();
        }
    }

    public static string Verb(CertificateReissueKind? kind) => kind == CertificateReissueKind.Lost ? "补发" : "换发";

    /// <summary>The status an old certificate reads with: 已换发（作废） or 已补发（作废）.</summary>
    public static string VoidLabel(CertificateReissueKind? kind) => $"已{Verb(kind)}（作废）";
}
