using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>The base records, ledger and metrics pages (issue 5).</summary>
public sealed class LedgerMatrixRows : IMatrixRows
{
    private const string C = "/Base/{id:guid}";

    public IEnumerable<MatrixRow> Rows =>
    [
        // The list itself is open to every viewing role; what it lists is scoped (see CarrierScopeTests).
        new("GET", "/Base", Deny, Allow, Allow, Allow, Allow, Allow, Deny, Allow),
        new("POST", "/Base", Deny, Allow, Allow, Allow, Allow, Allow, Deny, Allow),
        new("GET", "/Base/Create", Deny, Allow, Deny, Deny, Deny, Deny, Deny, Deny),
        new("POST", "/Base/Create", Deny, Allow, Deny, Deny, Deny, Deny, Deny, Deny),
        Read("GET", C, "{c}"), Write("POST", C, "{c}"),
        Write("GET", C + "/Edit", "{c}/Edit"), Write("POST", C + "/Edit", "{c}/Edit"),
        Write("GET", C + "/Delete/{kind}/{itemId:guid}", "{c}/Delete/Enterprise/{e}"), Write("POST", C + "/Delete/{kind}/{itemId:guid}", "{c}/Delete/Enterprise/{e}"),
        Read("GET", C + "/Enterprises", "{c}/Enterprises"), Write("POST", C + "/Enterprises", "{c}/Enterprises"),
        Write("GET", C + "/Enterprises/Edit/{enterpriseId:guid?}", "{c}/Enterprises/Edit/{e}"), Write("POST", C + "/Enterprises/Edit/{enterpriseId:guid?}", "{c}/Enterprises/Edit/{e}"),
        Read("GET", C + "/Staff", "{c}/Staff"), Write("POST", C + "/Staff", "{c}/Staff"),
        Read("GET", C + "/Partners", "{c}/Partners"), Write("POST", C + "/Partners", "{c}/Partners"),
        Read("GET", C + "/Ledger", "{c}/Ledger"), Write("POST", C + "/Ledger", "{c}/Ledger"),
        Read("GET", C + "/Ledger/{entryId:guid}", "{c}/Ledger/{l}"), Write("POST", C + "/Ledger/{entryId:guid}", "{c}/Ledger/{l}"),
        Write("GET", C + "/Ledger/Edit/{entryId:guid?}", "{c}/Ledger/Edit/{l}"), Write("POST", C + "/Ledger/Edit/{entryId:guid?}", "{c}/Ledger/Edit/{l}"),
        Read("GET", C + "/Metrics/{year:int}", "{c}/Metrics/2025"), Write("POST", C + "/Metrics/{year:int}", "{c}/Metrics/2025"),
        Read("GET", C + "/Metrics/{year:int}/Entries", "{c}/Metrics/2025/Entries"), Write("POST", C + "/Metrics/{year:int}/Entries", "{c}/Metrics/2025/Entries"),
    ];

    /// <summary>Applicants their own organisation's carriers, officers those in their jurisdiction, administrators all; experts none.</summary>
    private static MatrixRow Read(string method, string route, string sample) =>
        new(method, route, Deny, Own, Own, Own, Own, Own, Deny, Allow, (s, u) => SampleAsync(s, u, sample));

    /// <summary>Only the operating organisation changes its records.</summary>
    private static MatrixRow Write(string method, string route, string sample) =>
        new(method, route, Deny, Own, Deny, Deny, Deny, Deny, Deny, Deny, (s, u) => SampleAsync(s, u, sample));

    public static async Task<(string, string)> SampleAsync(IServiceProvider services, string userName, string pattern)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var carriers = await db.Set<Carrier>().AsNoTracking().ToDictionaryAsync(c => c.Name);
        var (own, other) = userName switch
        {
            "km.applicant" => ("昆明五华创新创业园", "盘龙众创空间"),
            "km.wuhua" => ("昆明五华创新创业园", "盘龙众创空间"),
            "km.gaoxin" => ("五华创新创业园高新分园", "昆明五华创新创业园"),
            "xz.lasa" => ("拉萨城关创业园", "盘龙众创空间"),
            "km.city" => ("昆明五华创新创业园", "聊城东昌创业孵化园"),
            _ => ("昆明五华创新创业园", "聊城东昌创业孵化园"),
        };
        async Task<string> Url(Carrier c)
        {
            var e = await db.Set<ResidentEnterprise>().Where(x => x.CarrierId == c.Id).OrderBy(x => x.Name).Select(x => x.Id).FirstAsync();
            var l = await db.Set<LedgerEntry>().Where(x => x.CarrierId == c.Id).OrderBy(x => x.Date).Select(x => x.Id).FirstAsync();
            return "/Base/" + pattern.Replace("{c}", c.Id.ToString()).Replace("{e}", e.ToString()).Replace("{l}", l.ToString());
        }
        _ = DemoDirectory.Users.Single(u => u.UserName == userName);
        return (await Url(carriers[own]), await Url(carriers[other]));
    }
}
