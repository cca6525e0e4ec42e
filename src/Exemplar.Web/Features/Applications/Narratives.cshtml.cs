using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Applications;

[ApplicationScope(ApplicantOnly = true)]
public sealed class NarrativesModel(SaveNarrativesHandler handler) : ApplicationPageModel
{
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public Dictionary<string, string?> Sections { get; set; } = [];
    public bool Editable => MayEdit(ReturnItems.Narratives) && Record.Current.LockedAt is null;

    public void OnGet()
    {
        Version = Record.Current.Version;
        Sections = ApplicationJson.Read<Dictionary<string, string>>(Record.Current.NarrativesJson).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        Outcome(await handler.HandleAsync(new SaveNarrativesCommand(Application.Id, OrganizationId, Version, Sections), ct), "已保存申请报告正文。");
}
