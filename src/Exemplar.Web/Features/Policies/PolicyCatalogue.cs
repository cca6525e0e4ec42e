using Exemplar.Domain.Policies;
using Exemplar.Web.Infrastructure;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Policies;

public enum PolicyStatus
{
    InForce,
    NotYet,
    Lapsed,
    /// <summary>The text states no date and no administrator has set one.</summary>
    DateNotSet,
}

/// <summary>One programme as the product uses it: the file, with any date an administrator set applied.</summary>
public sealed record CataloguedPolicy(PolicyVersion Policy, PolicyFile File, PolicySetting? Setting)
{
    public string Id => Policy.Id;

    /// <summary>The text itself has no effective date, so an administrator may set one.</summary>
    public bool DateIsAdministered => File.Policy.EffectiveFrom is null;

    public IReadOnlyList<LintFinding> Lint => File.Lint;

    public PolicyStatus StatusOn(DateOnly date) => Policy.IsInForceOn(date) switch
    {
        null => PolicyStatus.DateNotSet,
        true => PolicyStatus.InForce,
        false => Policy.EffectiveFrom > date ? PolicyStatus.NotYet : PolicyStatus.Lapsed,
    };

    public string StatusText(DateOnly date) => StatusOn(date) switch
    {
        PolicyStatus.InForce => Setting is null ? "现行有效" : "现行有效（施行日期由管理员设定）",
        PolicyStatus.NotYet => "尚未施行",
        PolicyStatus.Lapsed => "已失效",
        _ => "施行日期待管理员设定",
    };
}

/// <summary>
/// The programmes loaded at start-up (<see cref="PolicyFileSet"/>) with the administrator's dates from
/// <c>policy_settings</c> applied through <see cref="PolicyVersion.WithEffectiveFrom"/>. Cached until a date changes.
/// </summary>
public sealed class PolicyCatalogue(PolicyFileSet files, IServiceScopeFactory scopes, TimeProvider clock)
{
    private volatile IReadOnlyList<CataloguedPolicy>? cached;

    public PolicyFileSet Files => files;

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<IReadOnlyList<CataloguedPolicy>> GetAsync(CancellationToken ct = default)
    {
        if (cached is { } list)
        {
            return list;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var settings = await db.Set<PolicySetting>().AsNoTracking().ToDictionaryAsync(s => s.PolicyId, ct);
        list = files.Files.Select(f =>
        {
            var setting = f.Policy.EffectiveFrom is null ? settings.GetValueOrDefault(f.Policy.Id) : null;
            var policy = setting is null ? f.Policy : f.Policy.WithEffectiveFrom(setting.EffectiveFrom);
            return new CataloguedPolicy(policy, f, setting);
        }).ToList();
        cached = list;
        return list;
    }

    public async Task<CataloguedPolicy?> FindAsync(string? id, CancellationToken ct = default) =>
        (await GetAsync(ct)).FirstOrDefault(p => p.Id == id);

    public void Invalidate() => cached = null;
}
