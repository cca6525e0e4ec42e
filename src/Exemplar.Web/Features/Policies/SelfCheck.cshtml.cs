using System.Globalization;
using Exemplar.Domain.Policies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Policies;

/// <summary>Self-check (anonymous allowed): a profile from the form or from JSON, evaluated against one or all programmes.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 2 * 1024 * 1024)]
public sealed class SelfCheckModel(PolicyCatalogue catalogue, EvaluateEligibilityHandler handler) : PageModel
{
    public IReadOnlyList<CataloguedPolicy> Policies { get; private set; } = [];

    public IReadOnlyList<FunctionFieldset> FunctionFieldsets { get; private set; } = [];

    /// <summary>Submitted values, echoed back into the form.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public DateOnly ReferenceDate { get; private set; }

    public Profile? Profile { get; private set; }

    public IReadOnlyList<PolicyEvaluation> Results { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "policy")]
    public string? PolicyId { get; set; }

    [BindProperty] public string? Mode { get; set; }

    [BindProperty] public string? ProfileText { get; set; }

    [BindProperty] public IFormFile? ProfileFile { get; set; }

    public CataloguedPolicy? PolicyOf(string id) => Policies.FirstOrDefault(p => p.Id == id);

    public string Value(string field) => Values.TryGetValue(field, out var v) ? v : "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Values["ReferenceDate"] = ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        foreach (var (key, value) in Request.Form)
        {
            if (key != "__RequestVerificationToken" && key != nameof(ProfileText))
            {
                Values[key] = value.ToString();
            }
        }

        if (!string.IsNullOrEmpty(PolicyId) && PolicyOf(PolicyId) is null)
        {
            ModelState.AddModelError(nameof(PolicyId), "请选择政策库中的政策，或选择“全部政策”。");
            return Page();
        }

        Profile? profile;
        if (Mode == "json")
        {
            profile = await ReadJsonAsync(ct);
        }
        else
        {
            var errors = new List<string>();
            profile = SelfCheckForm.Build(Values, errors, "自查表单");
            foreach (var e in errors)
            {
                ModelState.AddModelError(string.Empty, e);
            }
        }

        if (profile is null)
        {
            return Page();
        }

        if (Mode != "json")
        {
            ReferenceDate = profile.ReferenceDate;
        }

        var outcome = await handler.HandleAsync(new EvaluateEligibilityCommand(profile, string.IsNullOrEmpty(PolicyId) ? null : PolicyId), ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(nameof(PolicyId), outcome.Error!);
            return Page();
        }

        Profile = profile;
        Results = outcome.Evaluations;
        return Page();
    }

    private async Task<Profile?> ReadJsonAsync(CancellationToken ct)
    {
        string? text = ProfileText;
        if (ProfileFile is { Length: > 0 } file)
        {
            if (file.Length > ProfileInput.MaxBytes)
            {
                ModelState.AddModelError(nameof(ProfileFile), $"上传的档案超过 {ProfileInput.MaxBytes / 1024} KB 的大小限制。");
                return null;
            }

            await using var stream = file.OpenReadStream();
            var fromFile = await ProfileInput.ReadAsync(stream, ct);
            return Accept(fromFile, nameof(ProfileFile));
        }

        return Accept(ProfileInput.Parse(text), nameof(ProfileText));
    }

    private Profile? Accept(ProfileInputResult input, string field)
    {
        if (!input.Succeeded)
        {
            ModelState.AddModelError(field, $"档案 JSON 无法读取（位置 {input.Path}）：{input.Error}");
            return null;
        }

        if (string.IsNullOrEmpty(PolicyId) && input.PolicyId is not null)
        {
            PolicyId = input.PolicyId;
        }

        return input.Profile;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Policies = await catalogue.GetAsync(ct);
        FunctionFieldsets = SelfCheckForm.Functions(Policies.Select(p => p.Policy));
        ReferenceDate = catalogue.Today;
    }
}
