using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Certificates;

/// <summary>
/// <c>Exemplar:Certificates</c>. <see cref="Algorithm"/> names the algorithm new certificates are signed with (ECDSA P-256 by
/// default; <c>SM2-SM3</c> for the commercial-cryptography review). Changing it never touches certificates already issued:
/// each is checked with the key, and so the algorithm, that signed it.
/// </summary>
public sealed class CertificateOptions
{
    public const string Section = "Exemplar:Certificates";

    public string Algorithm { get; set; } = SignatureAlgorithms.EcdsaP256;
}

/// <summary>Stops the start-up on an algorithm the product does not have (an operator's message, in the log).</summary>
internal sealed class CertificateOptionsValidation : IValidateOptions<CertificateOptions>
{
    public ValidateOptionsResult Validate(string? name, CertificateOptions options) =>
        SignatureAlgorithms.Find(options.Algorithm) is not null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"配置项 {CertificateOptions.Section}:Algorithm 的值“{options.Algorithm}”无效，应为以下之一："
                + string.Join("、", SignatureAlgorithms.All.Select(a => a.Name)) + $"（默认 {SignatureAlgorithms.EcdsaP256}）。");
}
