using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Policies;

namespace Exemplar.Web.Features.Ledger;

/// <summary>One service function as the programme asks for it: each measure's bound beside the year's figure.</summary>
public sealed record FunctionTarget(ServiceFunction Function, string Citation, IReadOnlyList<(MeasureRequirement Requirement, decimal Actual, bool Met)> Measures)
{
    /// <summary>A function without measures is judged by the reviewer; one with measures is met when all are.</summary>
    public bool? Met => Measures.Count == 0 ? null : Measures.All(m => m.Met);
}

/// <summary>The programme's service-function condition (K of N) for a carrier, with the year's figures against it.</summary>
public sealed record ProgrammeTargets(CataloguedPolicy Programme, KOfNCondition Condition, IReadOnlyList<FunctionTarget> Functions)
{
    public int MetCount => Functions.Count(f => f.Met == true);
}

/// <summary>
/// The programme that applies to a carrier: of the same kind (base or platform), issued for the region the carrier lies
/// in (the issuer's province or prefecture, see <see cref="ProgrammePolicies.RegionOf"/>), the one in force today first.
/// </summary>
public sealed class CarrierProgramme(PolicyCatalogue catalogue, JurisdictionTreeCache trees)
{
    public async Task<CataloguedPolicy?> ForAsync(Carrier carrier, CancellationToken ct)
    {
        var tree = await trees.GetAsync(ct);
        var kind = Carrier.PolicyKindOf(carrier.Kind);
        var today = catalogue.Today;
        return (await catalogue.GetAsync(ct))
            .Where(p => p.Policy.Kind == kind && ProgrammePolicies.RegionOf(p.Policy, tree) is { } region && tree.SubtreeCodes(region).Contains(carrier.JurisdictionCode))
            .OrderByDescending(p => p.StatusOn(today) == PolicyStatus.InForce)
            .ThenByDescending(p => p.Policy.EffectiveFrom ?? DateOnly.MinValue)
            .FirstOrDefault();
    }

    /// <summary>The programme's K-of-N service functions with the year's volumes; null when no programme applies or it has none.</summary>
    public async Task<ProgrammeTargets?> TargetsAsync(Carrier carrier, IReadOnlyList<VolumeRow> volumes, CancellationToken ct)
    {
        if (await ForAsync(carrier, ct) is not { } programme) return null;
        if (programme.Policy.AllConditions().OfType<KOfNCondition>().FirstOrDefault() is not { } condition) return null;
        var functions = new List<FunctionTarget>();
        foreach (var f in condition.Functions)
        {
            if (!ServiceFunctions.TryParse(f.Function, out var function)) continue;
            var v = volumes.FirstOrDefault(x => x.Function == function);
            var measures = f.Measures.Select(m =>
            {
                var actual = Actual(v, m.Measure);
                return (m, actual, Qualifier.Holds(m.Bound.Comparison, actual, m.Bound.Value));
            }).ToList();
            functions.Add(new FunctionTarget(function, f.Citation, measures));
        }
        return new ProgrammeTargets(programme, condition, functions);
    }

    private static decimal Actual(VolumeRow? v, string measure) => v is null ? 0 : measure switch
    {
        "enterpriseVisits" => v.EnterpriseVisits,
        "enterprisesServed" => v.EnterprisesServed,
        "events" => v.Events,
        "personTimes" => v.PersonTimes,
        "exhibitionEvents" => v.ExhibitionEvents,
        "matchmakingEvents" => v.MatchmakingEvents,
        "bankEnterpriseEvents" => v.BankEnterpriseEvents,
        "financeLectureEvents" => v.FinanceLectureEvents,
        _ => 0,
    };

    /// <summary>“年服务企业50家次以上” from the file's measure and qualifier word.</summary>
    public static string Describe(MeasureRequirement m)
    {
        var label = FactCatalogue.Measures.FirstOrDefault(d => d.Key == m.Measure)?.Label ?? "服务量";
        var number = $"{m.Bound.Value:0.##}{m.Bound.Unit}";
        var bound = m.Bound.QualifierWord is "以上" or "以下" or "以内" or "届满" ? number + m.Bound.QualifierWord : m.Bound.QualifierWord + number;
        return $"{m.Bound.Hedge}{label}{bound}";
    }
}
