using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Applications;

[ApplicationScope(ApplicantOnly = true)]
public sealed class DetailsModel(SaveDetailsHandler handler) : ApplicationPageModel
{
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public ApplicantDetails Form { get; set; } = new();
    public bool Editable => MayEdit(ReturnItems.Details) && Record.Current.LockedAt is null;

    public void OnGet()
    {
        Version = Record.Current.Version;
        Form = ApplicationJson.Read<ApplicantDetails>(Record.Current.DetailsJson);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        Outcome(await handler.HandleAsync(new SaveDetailsCommand(Application.Id, OrganizationId, Version, Form with
        {
            UnitNature = Form.UnitNature ?? "", LegalRepresentative = Form.LegalRepresentative ?? "", RegisteredAddress = Form.RegisteredAddress ?? "",
            ContactName = Form.ContactName ?? "", ContactMobile = Form.ContactMobile ?? "", ContactEmail = Form.ContactEmail ?? "", Website = Form.Website ?? "",
            Infrastructure = Form.Infrastructure ?? "", Qualifications = Form.Qualifications ?? "", GovernmentSupport = Form.GovernmentSupport ?? "", Honours = Form.Honours ?? "",
        }), ct), "已保存申报单位信息。");
}
