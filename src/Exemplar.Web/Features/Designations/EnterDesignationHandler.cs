using System.Security.Claims;
using System.Text.RegularExpressions;
using Exemplar.Domain.Calendar;
using Exemplar.Domain.Designations;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Designations;

/// <summary>What an officer types for a designation made before the product existed (form or import row).</summary>
public sealed record ExistingDesignationInput(
    Guid? CarrierId, string? ProgrammeId, string? PolicyVersion, string? AnnouncementNumber, DateOnly? AnnouncedOn, DateOnly? ValidUntil,
    string? CertificateNumber, DateOnly? PlaqueAwardedOn, DateOnly? RevokedOn, string? RevocationGround, DateOnly? ChangeCompletedOn, string? ChangeDescription);

public sealed record EnterDesignationCommand(ExistingDesignationInput Input, ClaimsPrincipal User);

/// <summary>
/// Records an existing designation (录入既有认定) with its certificate: the validity defaults to the policy's own
/// (with its rounding rule) and must otherwise lie within a plausible window; a programme without a period (北京) takes
/// none; a revocation names its ground, and a ground that carries a ban (北京办法第十五条) sets the ban's end. The
/// certificate number given is kept (a fresh one is drawn when none is given) and its payload is signed now.
/// </summary>
public sealed partial class EnterDesignationHandler(ExemplarDbContext db, DesignationScope scope, ProgrammePolicies policies,
    CertificateIssuer issuer, TimeProvider clock)
{
    public const string EarliestAnnouncement = "2010-01-01";
    public const int MaxValidityYears = 10;
    public const int AnnouncementMax = 100;

    /// <summary>Field labels (form) and column headers (import) for each input field.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["CarrierId"] = "基地（平台）", ["ProgrammeId"] = "认定办法", ["PolicyVersion"] = "办法版本", ["AnnouncementNumber"] = "公告文号",
        ["AnnouncedOn"] = "公告日期", ["ValidUntil"] = "有效期至", ["CertificateNumber"] = "证书编号", ["PlaqueAwardedOn"] = "授牌日期",
        ["RevokedOn"] = "撤销日期", ["RevocationGround"] = "撤销依据", ["ChangeCompletedOn"] = "变更完成日期", ["ChangeDescription"] = "变更事项",
    };

    public async Task<SaveResult> HandleAsync(EnterDesignationCommand c, CancellationToken ct)
    {
        var p = new Problems();
        var checkedInput = await CheckAsync(c.Input, c.User, p, ct);
        if (p.Any || checkedInput is null) return p.Result();
        if (await db.Set<IssuedCertificate>().AnyAsync(x => x.Number == checkedInput.Value.CertificateNumber, ct))
        {
            p.Add("CertificateNumber", $"证书编号“{checkedInput.Value.CertificateNumber}”已被其他认定使用。");
            return p.Result();
        }
        var d = Build(checkedInput.Value.Designation, c.Input);
        // The designation and its signed certificate commit together.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Actor.Operation = "认定.录入既有认定";
            await db.SaveChangesAsync(ct);
            await issuer.IssueAsync(d, checkedInput.Value.CertificateNumber, ct);
            await tx.CommitAsync(ct);
        });
        return SaveResult.Saved(d.Id);
    }

    /// <summary>Adds the designation (and its change) to the context without saving.</summary>
    public Designation Build(Designation d, ExistingDesignationInput x)
    {
        db.Add(d);
        if (x.ChangeCompletedOn is { } changed)
            db.Add(new DesignationChange { DesignationId = d.Id, CompletedOn = changed, Description = x.ChangeDescription!.Trim(), CreatedAt = clock.GetUtcNow() });
        return d;
    }

    /// <summary>
    /// Checks the input; field names are <see cref="Labels"/>' keys. Returns the designation to save and the certificate
    /// number to issue (null when one is to be drawn), or null when there are problems.
    /// </summary>
    public async Task<(Designation Designation, string? CertificateNumber)?> CheckAsync(ExistingDesignationInput x, ClaimsPrincipal user, Problems p, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var programmes = await scope.ProgrammesAsync(user, ct);
        var programme = programmes.FirstOrDefault(q => q.Policy.Id == x.ProgrammeId?.Trim());
        if (string.IsNullOrWhiteSpace(x.ProgrammeId)) p.Add("ProgrammeId", "请选择认定办法。");
        else if (programme.Policy is null) p.Add("ProgrammeId", $"认定办法“{Short(x.ProgrammeId)}”不存在或不属于您的认定范围。");
        var policy = programme.Policy is null ? null
            : string.IsNullOrWhiteSpace(x.PolicyVersion) ? programme.Policy
            : policies.VersionsOf(programme.Policy.Id).FirstOrDefault(v => v.Version == x.PolicyVersion.Trim());
        if (programme.Policy is not null && policy is null)
            p.Add("PolicyVersion", $"办法版本“{Short(x.PolicyVersion!)}”不存在（可填：{string.Join("、", policies.VersionsOf(programme.Policy.Id).Select(v => v.Version))}）。");

        Carrier? carrier = null;
        if (x.CarrierId is not { } carrierId) p.Add("CarrierId", "请选择基地（平台）。");
        else
        {
            carrier = await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == carrierId, ct);
            if (carrier is null) p.Add("CarrierId", "未找到该基地（平台）。");
            else if (policy is not null && !await scope.CoversAsync(user, policy.Id, carrier.JurisdictionCode, ct))
                p.Add("CarrierId", $"“{carrier.Name}”不在该认定办法的适用地区或您的管辖范围内。");
            else if (policy is not null && Carrier.PolicyKindOf(carrier.Kind) != policy.Kind)
                p.Add("CarrierId", $"“{carrier.Name}”的载体类别与该认定办法认定的类别不符。");
        }

        p.Required("AnnouncementNumber", x.AnnouncementNumber, "公告文号");
        p.MaxLength("AnnouncementNumber", x.AnnouncementNumber?.Trim(), AnnouncementMax, "公告文号");
        var earliest = DateOnly.Parse(EarliestAnnouncement);
        if (x.AnnouncedOn is not { } announced) p.Add("AnnouncedOn", "请填写公告日期。");
        else if (announced < earliest || announced > today)
            p.Add("AnnouncedOn", $"公告日期应在{ChinaTime.Format(earliest)}至今天（{ChinaTime.Format(today)}）之间。");

        DesignationTerm? term = null;
        if (policy is not null && x.AnnouncedOn is { } on && on >= earliest && on <= today)
        {
            term = DesignationTerm.For(policy, on);
            if (term.ValidUntil is null && x.ValidUntil is not null)
                p.Add("ValidUntil", $"该办法未规定有效期（{term.Citation}：{term.Note}），“有效期至”应留空。");
            else if (x.ValidUntil is { } until && (until <= on || until > ValidityPeriod.AddYears(on, MaxValidityYears)))
                p.Add("ValidUntil", $"有效期至应晚于公告日期，且不超过公告日期后{MaxValidityYears}年；留空则按办法计算（{term.Citation}：至{(term.ValidUntil is { } e ? ChinaTime.Format(e) : "不设期限")}）。");
        }

        if (x.PlaqueAwardedOn is { } plaque)
        {
            if (policy is not null && policy.Procedure.Plaque is null) p.Add("PlaqueAwardedOn", "该办法未规定授牌，“授牌日期”应留空。");
            else if (x.AnnouncedOn is { } a && (plaque < a || plaque > today)) p.Add("PlaqueAwardedOn", "授牌日期应在公告日期至今天之间。");
        }

        Exemplar.Domain.Policies.RevocationGround? ground = null;
        if (x.RevokedOn is { } revoked)
        {
            if (x.AnnouncedOn is { } a && (revoked <= a || revoked > today)) p.Add("RevokedOn", "撤销日期应晚于公告日期，且不晚于今天。");
            if (string.IsNullOrWhiteSpace(x.RevocationGround)) p.Add("RevocationGround", "已撤销的认定请选择撤销依据。");
            else if (policy is not null && (ground = policy.Management.RevocationGrounds.FirstOrDefault(g => g.Id == x.RevocationGround.Trim() || g.Citation == x.RevocationGround.Trim())) is null)
                p.Add("RevocationGround", $"撤销依据“{Short(x.RevocationGround)}”不是该办法规定的撤销情形（可填：{string.Join("、", policy.Management.RevocationGrounds.Select(g => g.Id))}）。");
        }
        else if (!string.IsNullOrWhiteSpace(x.RevocationGround)) p.Add("RevokedOn", "填写了撤销依据，请同时填写撤销日期。");

        if (x.ChangeCompletedOn is { } change)
        {
            if (x.AnnouncedOn is { } a && (change <= a || change > today)) p.Add("ChangeCompletedOn", "变更完成日期应晚于公告日期，且不晚于今天。");
            p.Required("ChangeDescription", x.ChangeDescription, "变更事项");
            p.MaxLength("ChangeDescription", x.ChangeDescription?.Trim(), DesignationChange.DescriptionMax, "变更事项");
        }
        else if (!string.IsNullOrWhiteSpace(x.ChangeDescription)) p.Add("ChangeCompletedOn", "填写了变更事项，请同时填写变更完成日期。");

        var number = string.IsNullOrWhiteSpace(x.CertificateNumber) ? null : x.CertificateNumber.Trim();
        if (number is not null && (number.Length > IssuedCertificate.NumberMax || !NumberPattern().IsMatch(number)))
            p.Add("CertificateNumber", $"证书编号只能由文字、字母、数字、“-”和括号组成，不超过{IssuedCertificate.NumberMax}个字符。");

        if (carrier is not null && policy is not null && x.AnnouncedOn is { } day
            && await db.Set<Designation>().AnyAsync(d => d.CarrierId == carrier.Id && d.ProgrammeId == policy.Id && d.AnnouncedOn == day, ct))
            p.Add("CarrierId", $"“{carrier.Name}”于{ChinaTime.Format(day)}的该项认定已经录入。");

        if (p.Any || carrier is null || policy is null || term is null) return null;
        var ban = ground is null ? null : policy.Management.BanAfter(ground.Id);
        return (new Designation
        {
            CarrierId = carrier.Id, ProgrammeId = policy.Id, PolicyVersion = policy.Version, AnnouncementNumber = x.AnnouncementNumber!.Trim(),
            AnnouncedOn = x.AnnouncedOn!.Value, ValidFrom = term.ValidFrom, ValidUntil = x.ValidUntil ?? term.ValidUntil,
            RevokedOn = x.RevokedOn, RevocationCitation = ground?.Citation,
            ReapplyBannedUntil = ban is null ? null : ValidityPeriod.AddYears(x.RevokedOn!.Value, ban.Years),
            PlaqueAwardedOn = x.PlaqueAwardedOn, EnteredAfterwards = true, CreatedAt = clock.GetUtcNow(),
        }, number);
    }

    private static string Short(string s) => s.Length > 20 ? s[..20] + "…" : s;

    [GeneratedRegex(@"^[\p{L}\p{N}\-〔〕\[\]（）()]+$")]
    private static partial Regex NumberPattern();
}
