using Exemplar.Domain.Policies;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The application's data against the programme's conditions: each fact from the ledger (with a link to the records
/// behind it) or typed by the applicant with a reason, and the engine's result article by article.
/// </summary>
public sealed class ProfileModel(ApplicationProfile profiles, SaveProfileHandler handler) : ApplicationPageModel
{
    public IReadOnlyList<ProfileFact> Facts { get; private set; } = [];
    public PolicyEvaluation Evaluation { get; private set; } = null!;
    public IReadOnlyDictionary<string, string?> Links { get; private set; } = new Dictionary<string, string?>();
    /// <summary>For a locked report: the facts that today's ledger gives otherwise (submission goes by the locked ones).</summary>
    public IReadOnlyList<DriftedFact>? Drift { get; private set; }
    public bool Editable => MayEdit(ReturnItems.Profile) && Record.Current.LockedAt is null;
    [BindProperty] public uint Version { get; set; }
    public IReadOnlyDictionary<string, string?> Posted { get; private set; } = new Dictionary<string, string?>();

    private async Task LoadAsync(CancellationToken ct)
    {
        var (profile, facts, _) = await profiles.BuildAsync(Record.Policy, Record.Call, Record.Carrier, Record.Current, ct);
        Facts = facts;
        Evaluation = ApplicationEligibility.Evaluate(Record.Policy, profile);
        Links = EligibilityLinks.For(Record.Policy, facts);
        Drift = Record.Current.LockedJson is { } locked ? LockedDrift.Of(locked, facts) : null;
        Version = Record.Current.Version;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Access.IsApplicant) return NotFound();
        var form = Request.Form.Where(kv => kv.Key.Contains('.')).ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        var result = await handler.HandleAsync(new SaveProfileCommand(Application.Id, OrganizationId, Version, form), ct);
        if (!result.Ok && !result.IsNotFound)
        {
            Posted = form;
            await LoadAsync(ct);
        }
        return Outcome(result, "已保存申报数据，条件核对结果已更新。");
    }

    /// <summary>The value shown in an input: what was just posted, else what was typed before.</summary>
    public string? Typed(ProfileFact f, string field, Func<System.Text.Json.JsonElement, string?> fromSaved) =>
        Posted.Count > 0 ? Posted.GetValueOrDefault(field) : f.Entered is { } e ? fromSaved(e.Value) : null;
}
