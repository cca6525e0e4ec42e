namespace Exemplar.Domain.Review;

/// <summary>An expert as the conflict rules see him: where he works and where he sits.</summary>
public sealed record ExpertEmployer(Guid ExpertId, string EmployerName, string? EmployerUscc, string RegionCode);

/// <summary>An organisation linked to an application: the applicant, a resident enterprise, a partner agency.</summary>
public sealed record LinkedOrganization(string Name, string? Uscc);

/// <summary>Everything about one application the computed exclusions look at.</summary>
public sealed record ConflictSubject(
    LinkedOrganization Applicant,
    IReadOnlyList<LinkedOrganization> ResidentEnterprises,
    IReadOnlyList<LinkedOrganization> PartnerAgencies,
    /// <summary>The county-level division the carrier lies in (GB/T 2260, six digits), null when it is not in one.</summary>
    string? CarrierCounty);

public enum ExclusionGround
{
    /// <summary>受聘于申报单位.</summary>
    ApplicantEmployee = 1,
    /// <summary>受聘于该基地的入驻企业.</summary>
    ResidentEnterpriseEmployee = 2,
    /// <summary>受聘于该基地的合作服务机构.</summary>
    PartnerAgencyEmployee = 3,
    /// <summary>与基地同在一个县（市、区）（按批次设置）.</summary>
    SameCounty = 4,
}

public sealed record Exclusion(Guid ExpertId, ExclusionGround Ground, string Reason);

/// <summary>
/// 回避: an expert is excluded from an application when his employer is the applicant organisation, one of the carrier's
/// resident enterprises or partner agencies (same 统一社会信用代码, or — where either side has no code — the same name
/// once spaces and full-/half-width brackets are normalised), or, when the call asks for it, when he sits in the same
/// county as the carrier (his region code's county prefix equals the carrier's county).
/// </summary>
public static class Conflicts
{
    public static Exclusion? Of(ExpertEmployer expert, ConflictSubject subject, bool excludeSameCounty)
    {
        if (Same(expert, subject.Applicant))
            return new(expert.ExpertId, ExclusionGround.ApplicantEmployee, $"工作单位即申报单位（{subject.Applicant.Name}）");
        if (subject.ResidentEnterprises.FirstOrDefault(r => Same(expert, r)) is { } resident)
            return new(expert.ExpertId, ExclusionGround.ResidentEnterpriseEmployee, $"工作单位是该基地的入驻企业（{resident.Name}）");
        if (subject.PartnerAgencies.FirstOrDefault(p => Same(expert, p)) is { } partner)
            return new(expert.ExpertId, ExclusionGround.PartnerAgencyEmployee, $"工作单位是该基地的合作服务机构（{partner.Name}）");
        if (excludeSameCounty && subject.CarrierCounty is { Length: 6 } county && expert.RegionCode.Length >= 6 && expert.RegionCode[..6] == county)
            return new(expert.ExpertId, ExclusionGround.SameCounty, "与基地同在一个县（市、区）");
        return null;
    }

    public static IReadOnlyList<Exclusion> For(IEnumerable<ExpertEmployer> pool, ConflictSubject subject, bool excludeSameCounty) =>
        pool.Select(e => Of(e, subject, excludeSameCounty)).OfType<Exclusion>().ToList();

    private static bool Same(ExpertEmployer e, LinkedOrganization o)
    {
        if (!string.IsNullOrWhiteSpace(e.EmployerUscc) && !string.IsNullOrWhiteSpace(o.Uscc))
            return string.Equals(e.EmployerUscc.Trim(), o.Uscc.Trim(), StringComparison.OrdinalIgnoreCase);
        return NormalName(e.EmployerName) is { Length: > 0 } n && n == NormalName(o.Name);
    }

    /// <summary>Names compared without spaces, with （） and () taken as the same.</summary>
    public static string NormalName(string? name) =>
        new string((name ?? "").Where(c => !char.IsWhiteSpace(c)).Select(c => c switch { '（' => '(', '）' => ')', _ => c }).ToArray());
}
