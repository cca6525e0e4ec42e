using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Account;

/// <summary>
/// The "device cookie" of OWASP's advice against lockout attacks: after a successful sign-in the browser keeps a
/// protected note "this browser signed in as NAME" (one cookie, at most five names). Attempts carrying it are counted on
/// their own (<see cref="SignInThrottle.DeviceKey"/>), so failures from elsewhere never delay an official at her desk.
/// </summary>
public sealed class TrustedDevices(IDataProtectionProvider protection, IOptions<SignInOptions> options, TimeProvider clock)
{
    public const string CookieName = "exemplar.device";
    private const int MaxEntries = 5;
    private readonly IDataProtector _protector = protection.CreateProtector("Exemplar.SignIn.TrustedDevice.v1");

    private sealed record Entry(string UserName, Guid Device, DateTimeOffset Until);

    /// <summary>The device id this browser holds for <paramref name="userName"/>, if any and not expired.</summary>
    public Guid? For(HttpContext http, string userName) =>
        Read(http).FirstOrDefault(e => e.UserName == userName && e.Until > clock.GetUtcNow())?.Device;

    /// <summary>After a successful sign-in: trust (again) this browser for the name.</summary>
    public void Remember(HttpContext http, string userName)
    {
        var now = clock.GetUtcNow();
        var entries = Read(http).Where(e => e.Until > now).ToList();
        var device = entries.FirstOrDefault(e => e.UserName == userName)?.Device ?? Guid.NewGuid();
        entries.RemoveAll(e => e.UserName == userName);
        entries.Insert(0, new Entry(userName, device, now.AddDays(options.Value.TrustedDeviceDays)));
        Write(http, entries.Take(MaxEntries).ToList());
    }

    /// <summary>A device that failed too often loses its trust for that name.</summary>
    public void Forget(HttpContext http, string userName) => Write(http, Read(http).Where(e => e.UserName != userName).ToList());

    private List<Entry> Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var raw) || string.IsNullOrEmpty(raw)) return [];
        try
        {
            return _protector.Unprotect(raw).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'))
                .Where(p => p.Length == 3 && Guid.TryParse(p[1], out _) && long.TryParse(p[2], out _))
                .Select(p => new Entry(p[0], Guid.Parse(p[1]), DateTimeOffset.FromUnixTimeSeconds(long.Parse(p[2])))).ToList();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return [];
        }
    }

    private void Write(HttpContext http, List<Entry> entries)
    {
        if (entries.Count == 0) { http.Response.Cookies.Delete(CookieName); return; }
        var payload = string.Join('\n', entries.Select(e => $"{e.UserName}\t{e.Device:N}\t{e.Until.ToUnixTimeSeconds()}"));
        http.Response.Cookies.Append(CookieName, _protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/Account", MaxAge = TimeSpan.FromDays(options.Value.TrustedDeviceDays),
        });
    }
}
