using System.Security.Cryptography;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OtpNet;
using QRCoder;

namespace Exemplar.Web.Features.Account;

/// <summary>Section <c>Exemplar:TwoFactor</c>.</summary>
public sealed class TwoFactorOptions
{
    /// <summary>
    /// Officers, experts and administrators who have not enrolled are taken to enrolment right after their password and
    /// can do nothing else until they have (GB/T 22239 level 3: two factors for administrators). Off only in the demo
    /// (scripts/start.sh) and the tests, where it is announced at start-up; enrolled accounts always need their code.
    /// </summary>
    public bool Enforce { get; set; } = true;
    /// <summary>The name authenticator apps show.</summary>
    public string Issuer { get; set; } = "示范基地认定管理系统";
}

public enum TwoFactorStep { None, Verify, Enrol }

/// <summary>
/// TOTP (RFC 6238: 6 digits, 30 s, SHA-1 — what every authenticator app reads) with Otp.NET; the secret is encrypted with
/// Data Protection before it is stored; a code's time step is recorded so it is never accepted twice; ten single-use
/// recovery codes stand in for a lost phone.
/// </summary>
public sealed class TwoFactorService(IDataProtectionProvider protection, IOptions<TwoFactorOptions> options, TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;
    private readonly IDataProtector _secrets = protection.CreateProtector("Exemplar.TwoFactor.Secret.v1");
    private readonly ITimeLimitedDataProtector _enrolment = protection.CreateProtector("Exemplar.TwoFactor.Enrolment.v1").ToTimeLimitedDataProtector();

    public static bool IsRequiredFor(Role role) => RoleNames.Officers.Contains(role) || role is Role.Expert or Role.Administrator;

    /// <summary>What must follow a correct password.</summary>
    public TwoFactorStep StepAfterPassword(UserAccount user) =>
        user.HasTwoFactor ? TwoFactorStep.Verify
        : options.Value.Enforce && IsRequiredFor(user.Role) ? TwoFactorStep.Enrol
        : TwoFactorStep.None;

    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(20);

    public string Protect(byte[] secret) => _secrets.Protect(Base32Encoding.ToString(secret));

    private byte[] Unprotect(string stored) => Base32Encoding.ToBytes(_secrets.Unprotect(stored));

    /// <summary>The secret being enrolled travels in the form, encrypted and valid for 15 minutes (nothing is stored before the code is confirmed).</summary>
    public string ProtectForEnrolment(byte[] secret, Guid userId) =>
        _enrolment.Protect($"{userId:N}:{Base32Encoding.ToString(secret)}", TimeSpan.FromMinutes(15));

    public byte[]? UnprotectEnrolment(string? token, Guid userId)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var parts = _enrolment.Unprotect(token).Split(':');
            return parts.Length == 2 && parts[0] == userId.ToString("N") ? Base32Encoding.ToBytes(parts[1]) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The matched 30-second step, if <paramref name="code"/> is valid now (±1 step for clock drift) and newer than the last accepted one.</summary>
    public long? Verify(byte[] secret, string? code, long? lastStep)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6) return null;
        var totp = new Totp(secret);
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1))
               && (lastStep is null || step > lastStep) ? step : null;
    }

    public long? Verify(UserAccount user, string? code) =>
        user.TwoFactorSecret is { } stored ? Verify(Unprotect(stored), code, user.TwoFactorLastStep) : null;

    public string OtpAuthUri(byte[] secret, string userName)
    {
        var issuer = Uri.EscapeDataString(options.Value.Issuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(userName)}?secret={Base32Encoding.ToString(secret)}&issuer={issuer}&digits=6&period=30";
    }

    /// <summary>The enrolment QR code as a PNG data URI (allowed by the site's img-src 'self' data: policy).</summary>
    public static string QrDataUri(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The secret for typing in by hand, in groups of four.</summary>
    public static string Grouped(byte[] secret) => string.Join(' ', Base32Encoding.ToString(secret).Chunk(4).Select(c => new string(c)));

    /// <summary>Ten codes of ten characters from an alphabet without look-alikes (0/O, 1/I/L), shown as XXXXX-XXXXX.</summary>
    public static List<string> NewRecoveryCodes()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        return Enumerable.Range(0, RecoveryCodeCount).Select(_ =>
        {
            var chars = RandomNumberGenerator.GetItems<char>(alphabet, 10);
            return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
        }).ToList();
    }

    public static string HashRecoveryCode(string code)
    {
        var normal = new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(normal)));
    }

    public static bool LooksLikeRecoveryCode(string? s) => (s ?? "").Count(char.IsAsciiLetterOrDigit) == 10 && (s ?? "").Any(char.IsAsciiLetter);
}
