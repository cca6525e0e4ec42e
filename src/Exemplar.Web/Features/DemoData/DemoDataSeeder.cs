using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.DemoData;

/// <summary>
/// Adds the demo directory when Exemplar:SeedDemoData is true. Idempotent: organisations are matched by
/// name, accounts by user name, and nothing that exists is changed (a demo user's changed password stays).
/// Other features add their own demo records in later seeders (Order &gt; 100).
/// </summary>
internal sealed class DemoDataSeeder(IPasswordHasher<UserAccount> hasher, TimeProvider clock, ILogger<DemoDataSeeder> log) : IStartupSeeder
{
    public int Order => 100;

    public async Task SeedAsync(ExemplarDbContext db, IConfiguration configuration, CancellationToken ct)
    {
        if (!configuration.GetValue("Exemplar:SeedDemoData", false)) return;
        db.Actor.Operation = "演示数据.初始化";
        var now = clock.GetUtcNow();
        var orgs = await db.Set<Organization>().ToDictionaryAsync(o => o.Name, ct);
        var ids = new Dictionary<string, Guid>();
        foreach (var o in DemoDirectory.Organizations)
        {
            if (!orgs.TryGetValue(o.Name, out var org))
            {
                // The demo directory stands for organisations whose registrations were confirmed long ago.
                org = new Organization
                {
                    Name = o.Name, Kind = o.Kind, JurisdictionCode = o.JurisdictionCode, Uscc = o.Uscc, CreatedAt = now,
                    Status = OrganizationStatus.Confirmed, DecidedAt = now, DecidedBy = "演示数据",
                };
                db.Add(org);
            }
            ids[o.Key] = org.Id;
        }
        var users = await db.Set<UserAccount>().Select(u => u.UserName).ToHashSetAsync(ct);
        foreach (var u in DemoDirectory.Users.Where(u => !users.Contains(u.UserName)))
        {
            var account = new UserAccount
            {
                UserName = u.UserName, DisplayName = u.DisplayName, Role = u.Role, JurisdictionCode = u.JurisdictionCode,
                OrganizationId = u.OrganizationKey is null ? null : ids[u.OrganizationKey], CreatedAt = now, PasswordChangedAt = now,
            };
            account.PasswordHash = hasher.HashPassword(account, DemoDirectory.Password);
            db.Add(account);
        }
        await db.SaveChangesAsync(ct);
        log.LogInformation("演示账户（密码均为 {Password}）：{Users}", DemoDirectory.Password,
            string.Join("，", DemoDirectory.Users.Select(u => $"{u.UserName}（{Infrastructure.Security.RoleNames.Label(u.Role)}）")));
    }
}
