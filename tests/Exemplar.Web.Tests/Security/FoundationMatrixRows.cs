using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

public sealed class FoundationMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows =>
    [
        MatrixRow.Public("GET", "/"),
        MatrixRow.Public("POST", "/"),
        MatrixRow.Public("GET", "/Account/SignIn"),
        MatrixRow.Public("POST", "/Account/SignIn"),
        MatrixRow.Public("GET", "/Account/Register"),
        MatrixRow.Public("POST", "/Account/Register"),
        MatrixRow.Public("GET", "/Account/SignOut"),
        MatrixRow.Public("POST", "/Account/SignOut"),
        MatrixRow.Public("GET", "/Account/ElderMode"),
        MatrixRow.Public("POST", "/Account/ElderMode"),
        // Only reached between the password and the second factor; without that step it leads back to sign-in.
        new("GET", "/Account/TwoFactor", Deny, Deny, Deny, Deny, Deny, Deny, Deny, Deny),
        MatrixRow.Public("POST", "/Account/TwoFactor"),
        MatrixRow.SignedIn("GET", "/Account/TwoFactor/Enrol"),
        MatrixRow.Public("POST", "/Account/TwoFactor/Enrol"),
        MatrixRow.SignedIn("GET", "/Account/Security"),
        MatrixRow.SignedIn("POST", "/Account/Security"),
        MatrixRow.Public("GET", "/Organizations/Contest"),
        MatrixRow.Public("POST", "/Organizations/Contest"),
        new("GET", "/Organizations/Registrations", Deny, Deny, Allow, Allow, Allow, Allow, Deny, Allow),
        new("POST", "/Organizations/Registrations", Deny, Deny, Allow, Allow, Allow, Allow, Deny, Allow),
        MatrixRow.SignedIn("GET", "/Account/ChangePassword"),
        MatrixRow.SignedIn("POST", "/Account/ChangePassword"),
        MatrixRow.SignedIn("GET", "/Workbench"),
        MatrixRow.SignedIn("POST", "/Workbench"),
        MatrixRow.Public("GET", "/Error/{code:int}") with { Sample = (_, _) => Task.FromResult(("/Error/404", "/Error/404")) },
        MatrixRow.Public("POST", "/Error/{code:int}") with { Sample = (_, _) => Task.FromResult(("/Error/404", "/Error/404")) },
        MatrixRow.AdminOnly("GET", "/Admin/Audit"),
        MatrixRow.AdminOnly("POST", "/Admin/Audit"),
        MatrixRow.AdminOnly("GET", "/Admin/Users"),
        MatrixRow.AdminOnly("POST", "/Admin/Users"),
        MatrixRow.AdminOnly("GET", "/Admin/Users/Create"),
        MatrixRow.AdminOnly("POST", "/Admin/Users/Create"),
        MatrixRow.AdminOnly("GET", "/Admin/Jurisdictions"),
        MatrixRow.AdminOnly("POST", "/Admin/Jurisdictions"),
        MatrixRow.Public("ANY", "/health"),
        MatrixRow.Public("ANY", "/health/live"),
        MatrixRow.Public("ANY", "/health/ready"),
        MatrixRow.Public("GET", "/api/v1/openapi.json"),
        MatrixRow.Public("GET", "/api/v1/jurisdictions"),
        MatrixRow.SignedIn("GET", "/api/v1/me"),
        new("GET", "/api/v1/organizations/{id:guid}", Deny, Own, Own, Own, Own, Own, Own, Allow, OrganizationSample),
        MatrixRow.AdminOnly("GET", "/api/v1/admin/audit"),
        MatrixRow.AdminOnly("POST", "/api/v1/admin/audit/verify"),
    ];

    /// <summary>Own: the user's organisation (applicants) or one in the user's jurisdiction; other: one outside it.</summary>
    private static async Task<(string, string)> OrganizationSample(IServiceProvider services, string userName)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var user = DemoDirectory.Users.Single(u => u.UserName == userName);
        var orgs = await db.Set<Organization>().AsNoTracking().ToListAsync();
        var ownName = user.OrganizationKey is null ? null : DemoDirectory.Organizations.Single(o => o.Key == user.OrganizationKey).Name;
        var own = orgs.First(o => ownName is null ? o.JurisdictionCode == user.JurisdictionCode || user.JurisdictionCode is null : o.Name == ownName);
        // Another applicant's organisation outside the user's jurisdiction, the nearest one first
        // (so the 五华区 officer is tried on 盘龙区, not only on Beijing).
        var prefix = ScopePrefix(user.JurisdictionCode ?? "");
        var other = orgs.Where(o => o.Kind == OrganizationKind.Applicant && (prefix.Length == 0 || !o.JurisdictionCode.StartsWith(prefix, StringComparison.Ordinal)))
            .OrderByDescending(o => CommonPrefix(o.JurisdictionCode, user.JurisdictionCode ?? "")).ThenBy(o => o.Name).First();
        return ($"/api/v1/organizations/{own.Id}", $"/api/v1/organizations/{other.Id}");
    }

    private static string ScopePrefix(string code) =>
        code.Contains('Z') ? code : code.EndsWith("0000") ? code[..2] : code.EndsWith("00") ? code[..4] : code;

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }
}
