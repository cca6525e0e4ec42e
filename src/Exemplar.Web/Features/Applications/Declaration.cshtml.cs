using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The declaration of truthfulness (承诺书) generated from the draft: the unit, the carrier and the call, the undertaking
/// that every material is true, complete and accurate, each applicant attestation the programme asks for (with its
/// article), and the lines for the unit's stamp and the legal representative's signature.
/// </summary>
[ApplicationScope(ApplicantOnly = true)]
public sealed class DeclarationModel : ApplicationPageModel
{
    public ApplicantDetails Details => ApplicationJson.Read<ApplicantDetails>(Record.Current.DetailsJson);

    public IReadOnlyList<AttestationCondition> Attestations => Record.Policy.AllConditions().OfType<AttestationCondition>()
        .Where(a => !ApplicationEligibility.StageAttestations.ContainsKey(a.Attestation)).ToList();

    public void OnGet()
    {
    }
}
