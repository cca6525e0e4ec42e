using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Policies;

namespace Exemplar.Web.Features.Calendar.Obligations;

/// <summary>
/// The programme versions that obligations derive from: the policy files loaded once at start-up by the policy
/// library (<see cref="PolicyFileSet"/>), plus successor versions entered at run time. A programme is the set of
/// versions sharing an id. Only a text's own dates matter here (lapse is <c>effectiveTo</c>), so the dates an
/// administrator sets for undated texts are not needed.
/// </summary>
public sealed class ProgrammePolicies(PolicyFileSet files)
{
    private readonly IReadOnlyList<PolicyVersion> _files = [.. files.Files.Select(f => f.Policy)];

    /// <summary>Versions entered at run time (a successor text), in addition to the files.</summary>
    private readonly List<PolicyVersion> _entered = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<PolicyVersion> All
    {
        get { lock (_gate) return [.. _files, .. _entered]; }
    }

    public IReadOnlyList<PolicyVersion> VersionsOf(string programmeId) => [.. All.Where(p => p.Id == programmeId)];

    /// <summary>
    /// The version that governs obligations on <paramref name="today"/>: the one in force, else the latest to
    /// have started (a lapsed text still governs the bases it designated).
    /// </summary>
    public IEnumerable<PolicyVersion> Governing(DateOnly today) =>
        All.GroupBy(p => p.Id).Select(g =>
            g.FirstOrDefault(p => p.IsInForceOn(today) == true)
            ?? g.OrderByDescending(p => p.EffectiveFrom ?? DateOnly.MinValue).First());

    /// <summary>Records a successor version (the policies feature will enter versions; tests use this).</summary>
    public void Enter(PolicyVersion version)
    {
        lock (_gate) _entered.Add(version);
    }

    /// <summary>
    /// The region a programme belongs to: the province or prefecture whose name starts the issuer's name
    /// (聊城市工业和信息化局 → 聊城市 371500), so a new region needs no code.
    /// </summary>
    public static string? RegionOf(PolicyVersion policy, JurisdictionTree tree) =>
        tree.All.Where(j => j.Kind is JurisdictionKind.Province or JurisdictionKind.Prefecture && policy.Issuer.StartsWith(j.Name, StringComparison.Ordinal))
            .OrderByDescending(j => j.Name.Length).FirstOrDefault()?.Code;
}
