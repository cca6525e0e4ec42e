using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The declaration of truthfulness (承诺书) generated from the draft: the unit, the carrier and the call, the undertaking
/// that every material is true, complete and accurate, the undertakings the policy file lists in the text's words
/// (昆明附件1 承诺书, 北京第六条第（二）项 of the unit and its legal representative), each other applicant attestation the
/// programme asks for (with its article), and the lines for the unit's stamp and the legal representative's signature.
/// </summary>
[ApplicationScope(ApplicantOnly = true)]
public sealed class DeclarationModel : ApplicationPageModel
{
    public ApplicantDetails Details => ApplicationJson.Read<ApplicantDetails>(Record.Current.DetailsJson);

    /// <summary>The file's own truthfulness undertaking, whose article the first line cites.</summary>
    public Undertaking? Truthfulness => Record.Policy.Undertakings.FirstOrDefault(u => u.Id == TruthfulnessId);

    public IReadOnlyList<Undertaking> Undertakings => Record.Policy.Undertakings.Where(u => u.Id != TruthfulnessId).ToList();

    /// <summary>Attestation conditions not already worded by an undertaking of the same article.</summary>
    public IReadOnlyList<AttestationCondition> Attestations => Record.Policy.AllConditions().OfType<AttestationCondition>()
        .Where(a => !ApplicationEligibility.StageAttestations.ContainsKey(a.Attestation))
        .Where(a => Record.Policy.Undertakings.All(u => u.Citation != a.Citation)).ToList();

    private const string TruthfulnessId = "truthful-materials";

    public void OnGet()
    {
    }
}
