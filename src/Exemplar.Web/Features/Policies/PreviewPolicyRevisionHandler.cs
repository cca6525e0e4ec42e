using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Policies;

public sealed record PreviewPolicyRevisionCommand(string PolicyId, string DraftJson);

public sealed record PreviewOutcome(RevisionPreview? Preview, int? Status, IReadOnlyList<PolicyLoadError> Errors, string? Error);

/// <summary>
/// "How many stored profiles would this draft exclude?": evaluates the stored case profiles
/// (<c>&lt;id&gt;.cases.json</c>) and the example profiles under the current policy and under the draft.
/// </summary>
public sealed class PreviewPolicyRevisionHandler(PolicyCatalogue catalogue)
{
    public async Task<PreviewOutcome> HandleAsync(PreviewPolicyRevisionCommand c, CancellationToken ct)
    {
        var current = await catalogue.FindAsync(c.PolicyId, ct);
        if (current is null)
        {
            return new PreviewOutcome(null, StatusCodes.Status404NotFound, [], $"没有标识为“{c.PolicyId}”的政策。");
        }

        if (string.IsNullOrWhiteSpace(c.DraftJson))
        {
            return new PreviewOutcome(null, StatusCodes.Status400BadRequest, [], "请求内容应为政策草案 JSON。");
        }

        var loaded = PolicyLoader.TryLoad(c.DraftJson, "草案");
        if (!loaded.Succeeded)
        {
            return new PreviewOutcome(null, StatusCodes.Status400BadRequest, loaded.Errors, "政策草案有误：" + string.Join("；", loaded.Errors.Select(e => $"{e.Path} {e.Message}")));
        }

        var draft = loaded.Policy!;
        if (draft.Id != current.Id)
        {
            return new PreviewOutcome(null, StatusCodes.Status400BadRequest, [new PolicyLoadError("草案", "$.id", "草案标识与所预览的政策不同")], $"草案标识“{draft.Id}”与所预览的政策“{current.Id}”不同。");
        }

        if (current.Setting is { } s && draft.EffectiveFrom is null)
        {
            draft = draft.WithEffectiveFrom(s.EffectiveFrom);
        }

        var profiles = new List<Profile>();
        if (current.File.CasesJson is { } cases)
        {
            profiles.AddRange(PolicyCaseProfiles.Read(cases));
        }

        profiles.AddRange(catalogue.Files.ExampleProfiles.Select(ProfileJson.Parse));
        return new PreviewOutcome(PolicyRevisionPreview.Compare(current.Policy, draft, profiles), null, [], null);
    }
}
