using System.Globalization;
using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Policies;

/// <summary>
/// Self-check (anonymous allowed): a profile from the form or from JSON, evaluated against one or all programmes.
/// With <c>?carrier={id}&amp;year={year}</c> a signed-in user who may read that carrier gets the form filled from its
/// records (<see cref="LedgerProfile"/>) and the result at once; each figure is marked with its source.
/// Posts are rate-limited per client address (<see cref="PolicyServices.SelfCheckRateLimit"/>).
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 2 * 1024 * 1024)]
[EnableRateLimiting(PolicyServices.SelfCheckRateLimit)]
public sealed class SelfCheckModel(
    PolicyCatalogue catalogue, EvaluateEligibilityHandler handler, ExemplarDbContext db, JurisdictionTreeCache trees, LedgerMetricsQuery ledger) : PageModel
{
    public const string LedgerFieldPrefix = "ledger.";

    public IReadOnlyList<CataloguedPolicy> Policies { get; private set; } = [];

    public IReadOnlyList<FunctionFieldset> FunctionFieldsets { get; private set; } = [];

    public IReadOnlyList<RegionCountField> RegionCounts { get; private set; } = [];

    /// <summary>Submitted values, echoed back into the form.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The values the carrier's records gave (field → value), kept in hidden fields to tell edited figures apart.</summary>
    public Dictionary<string, string> LedgerValues { get; } = new(StringComparer.Ordinal);

    public DateOnly ReferenceDate { get; private set; }

    public Profile? Profile { get; private set; }

    public IReadOnlyList<PolicyEvaluation> Results { get; private set; } = [];

    /// <summary>The carrier whose records filled the form, if any.</summary>
    public Carrier? Carrier { get; private set; }

    [BindProperty(SupportsGet = true, Name = "policy")]
    public string? PolicyId { get; set; }

    [BindProperty(SupportsGet = true, Name = "carrier")]
    public Guid? CarrierId { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty] public string? Mode { get; set; }

    [BindProperty] public string? ProfileText { get; set; }

    [BindProperty] public IFormFile? ProfileFile { get; set; }

    public CataloguedPolicy? PolicyOf(string id) => Policies.FirstOrDefault(p => p.Id == id);

    public string Value(string field) => Values.TryGetValue(field, out var v) ? v : "";

    /// <summary>The years whose records can fill the form: the last seven, from the carrier's founding at the earliest, to this year.</summary>
    public IEnumerable<int> LedgerYears
    {
        get
        {
            if (Carrier is null)
            {
                return [];
            }

            var last = catalogue.Today.Year;
            var first = Math.Min(last, Math.Max(Carrier.EstablishedOn.Year, last - 6));
            return Enumerable.Range(first, last - first + 1).Reverse();
        }
    }

    /// <summary>“台账” when the field still holds the figure the records gave.</summary>
    public string? SourceOf(string field) =>
        LedgerValues.TryGetValue(field, out var v) && Value(field) == v ? LedgerProfile.LedgerSource : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Values["ReferenceDate"] = ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (CarrierId is null)
        {
            return Page();
        }

        if (await LoadCarrierAsync(ct) is { } refused)
        {
            return refused;
        }

        var records = await ledger.RecordsAsync(Carrier!, Year!.Value, ct);
        var profile = LedgerProfile.Build(records, Year.Value, ReferenceDate, null);
        foreach (var (k, v) in SelfCheckForm.ValuesOf(profile))
        {
            Values[k] = v;
            if (k is not ("ReferenceDate" or "ApplicationDeadline"))
            {
                LedgerValues[k] = v;
            }
        }

        if (string.IsNullOrEmpty(PolicyId) || PolicyOf(PolicyId) is null)
        {
            PolicyId = null;
        }

        return await EvaluateAsync(profile, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith(LedgerFieldPrefix, StringComparison.Ordinal))
            {
                LedgerValues[key[LedgerFieldPrefix.Length..]] = value.ToString();
            }
            else if (key != "__RequestVerificationToken" && key != nameof(ProfileText))
            {
                Values[key] = value.ToString();
            }
        }

        if (CarrierId is not null && await LoadCarrierAsync(ct) is { } refused)
        {
            return refused;
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
            profile = SelfCheckForm.Build(Values, errors, Carrier?.Name ?? "自查表单", LedgerValues, LedgerProfile.LedgerSource);
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

        return await EvaluateAsync(profile, ct);
    }

    private async Task<IActionResult> EvaluateAsync(Profile profile, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(new EvaluateEligibilityCommand(profile, string.IsNullOrEmpty(PolicyId) ? null : PolicyId), ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(outcome.Path == "$.policyId" ? nameof(PolicyId) : string.Empty, outcome.Error!);
            return Page();
        }

        Profile = profile;
        Results = outcome.Evaluations;
        return Page();
    }

    /// <summary>Signed-in users who may read the carrier only; the year must have begun.</summary>
    private async Task<IActionResult?> LoadCarrierAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        Carrier = await db.Set<Carrier>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == CarrierId, ct);
        if (Carrier is null)
        {
            return NotFound();
        }

        if (!CarrierAccess.For(User, Carrier, await trees.GetAsync(ct)).CanRead)
        {
            Carrier = null;
            return Forbid();
        }

        var today = catalogue.Today;
        Year ??= today.Year - 1;
        if (Year < 2000 || Year > today.Year)
        {
            return BadRequest();
        }

        return null;
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
        var versions = Policies.Select(p => p.Policy).ToList();
        FunctionFieldsets = SelfCheckForm.Functions(versions);
        RegionCounts = SelfCheckForm.RegionCounts(versions);
        ReferenceDate = catalogue.Today;
    }
}
