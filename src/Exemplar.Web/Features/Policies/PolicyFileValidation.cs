using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Policies;

/// <summary>Runs at start-up (ValidateOnStart): an invalid policy file stops the app with the loader's messages.</summary>
public sealed class PolicyFileValidation : IValidateOptions<PolicyFileOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyFileOptions options)
    {
        var problems = PolicyFileSet.Problems(options.ResolvedDirectory);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
