namespace Exemplar.Web.Features.Policies;

/// <summary>
/// A date the text of a programme does not state (Beijing: 自发布之日起施行, no date given), set by an
/// administrator. Changes are audited like every entity.
/// </summary>
public sealed class PolicySetting
{
    public required string PolicyId { get; init; }
    public DateOnly EffectiveFrom { get; set; }
    public required string SetBy { get; set; }
    public DateTimeOffset SetAt { get; set; }
    public uint Version { get; set; }
}
