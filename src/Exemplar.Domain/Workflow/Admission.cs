using Exemplar.Domain.Policies;

namespace Exemplar.Domain.Workflow;

public enum ApplicationKind
{
    /// <summary>申报: a carrier applies for the title.</summary>
    New = 1,
    /// <summary>复核: a designated carrier asks for its title to be re-reviewed in its expiry year (聊城办法第十六条).</summary>
    ReReview = 2,
}

/// <summary>A designation the carrier holds or held under the programme: what admission needs of it.</summary>
public sealed record DesignationStanding(
    string ProgrammeId, DateOnly ValidFrom, DateOnly? ValidUntil, DateOnly? RevokedOn, DateOnly? ReapplyBannedUntil, string? RevocationCitation)
{
    public bool IsValidOn(DateOnly date) =>
        date >= ValidFrom && (ValidUntil is null || date <= ValidUntil) && (RevokedOn is null || date < RevokedOn);
}

/// <summary>What admission needs of the carrier that would apply.</summary>
public sealed record ApplicantStanding(
    CarrierKind CarrierKind,
    /// <summary>The carrier's type (第三条: 创业基地、孵化器 …); null when not recorded.</summary>
    string? CarrierType,
    bool InCallRegion,
    string CallRegionName,
    /// <summary>Why the organisation's account may not apply yet (not confirmed …); null when it may.</summary>
    string? AccountRefusal);

/// <summary>
/// Who may apply to a programme's call, decided from the policy data (kind, the carrier types of 第三条, region,
/// re-application and ban rules),
/// never from the programme's name. Each refusal is a Chinese sentence with the article behind it.
/// </summary>
public static class Admission
{
    public static IReadOnlyList<string> Refusals(PolicyVersion policy, ApplicantStanding a, IEnumerable<DesignationStanding> designations,
        ApplicationKind kind, DateOnly today)
    {
        var refusals = new List<string>();
        var applicants = policy.Applicants;
        var listed = string.Join("、", applicants.CarrierTypes.Select(t => t.Quote)) + (applicants.OpenEnded ? "等载体" : "");
        if (a.CarrierKind != policy.Kind)
            refusals.Add($"本批次受理{KindLabel(policy.Kind)}，该载体登记为{KindLabel(a.CarrierKind)}。");
        else if (a.CarrierType is not { Length: > 0 } type)
            refusals.Add($"该载体未填写载体类型，请先在基地（平台）信息中填写（{applicants.Citation}受理：{listed}）。");
        else if (!applicants.Admits(type) && !applicants.OpenEnded)
            refusals.Add($"“{CarrierTypes.LabelOf(type)}”不在{applicants.Citation}所列可申报的载体之内（{listed}）。");
        if (!a.InCallRegion)
            refusals.Add($"该载体不在本批次的受理范围（{a.CallRegionName}）内。");
        if (a.AccountRefusal is not null)
            refusals.Add(a.AccountRefusal);

        // Re-application and bans: the one rule (ReapplicationGate).
        var decision = ReapplicationGate.Decide(policy, designations, kind, today);
        if (!decision.MayApply) refusals.Add(decision.Reason);
        return refusals;
    }

    public static string KindLabel(CarrierKind kind) => kind == CarrierKind.Platform ? "示范平台" : "示范基地";
}
