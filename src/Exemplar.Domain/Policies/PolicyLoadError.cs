namespace Exemplar.Domain.Policies;

/// <summary>A defect in a policy file: which file, where in it (JSON path) and what is wrong.</summary>
public sealed record PolicyLoadError(string Source, string Path, string Message)
{
    public override string ToString() => $"{Source} {Path}: {Message}";
}

public sealed class PolicyLoadException(IReadOnlyList<PolicyLoadError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<PolicyLoadError> Errors { get; } = errors;
}

public sealed record PolicyLoadResult(PolicyVersion? Policy, IReadOnlyList<PolicyLoadError> Errors)
{
    public bool Succeeded => Policy is not null && Errors.Count == 0;
}
