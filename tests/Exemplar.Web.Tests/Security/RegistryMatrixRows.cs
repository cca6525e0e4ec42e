using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Certificates;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>
/// Issue 13: the registry, its open data and certificate verification are for anyone; designations (list, entry, import,
/// certificate) for designating officers of the programme's region and administrators — 昆明's officer may not touch a
/// 聊城 designation.
/// </summary>
public sealed class RegistryMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows =>
    [
        MatrixRow.Public("GET", "/Registry"), MatrixRow.Public("POST", "/Registry"),
        MatrixRow.Public("GET", "/Registry/Data"), MatrixRow.Public("POST", "/Registry/Data"),
        MatrixRow.Public("GET", "/Registry/Bases/{id:guid}") with { Sample = (s, _) => Base(s) },
        MatrixRow.Public("POST", "/Registry/Bases/{id:guid}") with { Sample = (s, _) => Base(s) },
        MatrixRow.Public("GET", "/Registry/Data/registry.csv"), MatrixRow.Public("GET", "/Registry/Data/registry.json"),
        MatrixRow.Public("GET", "/Registry/Data/registry.xlsx"),
        MatrixRow.Public("GET", "/api/v1/registry"), MatrixRow.Public("GET", "/api/v1/registry/data.json"), MatrixRow.Public("GET", "/api/v1/registry/data.csv"),
        MatrixRow.Public("GET", "/Verify/{number?}") with { Sample = (_, _) => Task.FromResult(("/Verify/KM-2023-015", "/Verify/KM-2023-015")) },
        MatrixRow.Public("POST", "/Verify/{number?}") with { Sample = (_, _) => Task.FromResult(("/Verify/KM-2023-015", "/Verify/KM-2023-015")) },
        MatrixRow.Public("GET", "/Verify/Keys"), MatrixRow.Public("POST", "/Verify/Keys"),
        MatrixRow.Public("GET", "/Verify/Keys/{id}.pem") with { Sample = (s, _) => Key(s) },
        MatrixRow.Public("GET", "/api/v1/certificates/{number}") with { Sample = (_, _) => Task.FromResult(("/api/v1/certificates/KM-2023-015", "/api/v1/certificates/KM-2023-015")) },

        Officers("GET", "/Designations"), Officers("POST", "/Designations"),
        Officers("GET", "/Designations/Enter"), Officers("POST", "/Designations/Enter"),
        Officers("GET", "/Designations/Import/{handler?}") with { Sample = (_, _) => Task.FromResult(("/Designations/Import", "/Designations/Import")) },
        Officers("POST", "/Designations/Import/{handler?}") with { Sample = (_, _) => Task.FromResult(("/Designations/Import", "/Designations/Import")) },
        new("GET", "/Designations/{id:guid}/Certificate", Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, (s, _) => Certificate(s)),
        new("POST", "/Designations/{id:guid}/Certificate", Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, (s, _) => Certificate(s)),
        new("GET", "/Designations/{id:guid}/Certificate/Reissue", Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, (s, _) => Certificate(s, "/Reissue")),
        new("POST", "/Designations/{id:guid}/Certificate/Reissue", Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, (s, _) => Certificate(s, "/Reissue")),

        // The operator's own titles and certificates: km.applicant's organisation runs 五华科技创业示范园, not 东昌府区创业创新示范园.
        new("GET", "/Certificates/Own/{handler?}/{id:guid?}", Deny, Own, Deny, Deny, Deny, Deny, Deny, Deny, (s, _) => OwnCertificate(s)),
        new("POST", "/Certificates/Own/{handler?}/{id:guid?}", Deny, Allow, Deny, Deny, Deny, Deny, Deny, Deny, (_, _) => Task.FromResult(("/Certificates/Own", "/Certificates/Own"))),
    ];

    private static Task<(string, string)> OwnCertificate(IServiceProvider s) => WithDbAsync(s, async db =>
    {
        async Task<Guid> Of(string name) => await (from d in db.Set<Designation>() join c in db.Set<Carrier>() on d.CarrierId equals c.Id
                                                   where c.Name == name select d.Id).SingleAsync();
        return ($"/Certificates/Own/Download/{await Of("五华科技创业示范园")}", $"/Certificates/Own/Download/{await Of("东昌府区创业创新示范园")}");
    });

    private static MatrixRow Officers(string method, string route) => new(method, route, Deny, Deny, Deny, Deny, Deny, Allow, Deny, Allow);

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    private static Task<(string, string)> Base(IServiceProvider s) => WithDbAsync(s, async db =>
    {
        var id = await db.Set<Carrier>().Where(c => c.Name == "五华科技创业示范园").Select(c => c.Id).SingleAsync();
        return ($"/Registry/Bases/{id}", $"/Registry/Bases/{id}");
    });

    private static Task<(string, string)> Key(IServiceProvider s) => WithDbAsync(s, async db =>
    {
        var id = await db.Set<SigningKey>().Select(k => k.Id).FirstAsync();
        return ($"/Verify/Keys/{id}.pem", $"/Verify/Keys/{id}.pem");
    });

    /// <summary>The 昆明 demo designation (km.city's) and the 聊城 one (not km.city's).</summary>
    private static Task<(string, string)> Certificate(IServiceProvider s, string tail = "") => WithDbAsync(s, async db =>
    {
        async Task<Guid> Of(string name) => await (from d in db.Set<Designation>() join c in db.Set<Carrier>() on d.CarrierId equals c.Id
                                                   where c.Name == name select d.Id).SingleAsync();
        return ($"/Designations/{await Of("五华科技创业示范园")}/Certificate{tail}", $"/Designations/{await Of("东昌府区创业创新示范园")}/Certificate{tail}");
    });
}
