using System.Net;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Carriers;

/// <summary>
/// Opening a record's edit page and saving it unchanged must save. The enterprise form shows three years; a year
/// with no row yet is a new child row, never taken for an existing one (issue 8, item 1).
/// </summary>
public sealed class RecordSaveTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    [Fact]
    public async Task A_seeded_enterprise_saved_unchanged_is_saved_with_its_new_year_rows()
    {
        Guid carrierId, enterpriseId;
        int yearsBefore;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Exemplar.Web.Infrastructure.Data.ExemplarDbContext>();
            var carrier = await db.Set<Carrier>().SingleAsync(c => c.Name == "昆明五华创新创业园");
            var enterprise = await db.Set<ResidentEnterprise>().Include(e => e.Years)
                .Where(e => e.CarrierId == carrier.Id).OrderBy(e => e.Name).FirstAsync();
            (carrierId, enterpriseId, yearsBefore) = (carrier.Id, enterprise.Id, enterprise.Years.Count);
            // The form shows last year, this year and next year (2024–2026 on 2026-11-21, the metrics year being 2025): at least one is missing.
            Assert.Contains(new[] { 2024, 2025, 2026 }, y => enterprise.Years.All(f => f.Year != y));
        }
        var client = await app.SignedInAsync("km.applicant");
        var url = $"/Base/{carrierId}/Enterprises/Edit/{enterpriseId}";

        var response = await client.SubmitAsIsAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var check = app.Services.CreateScope();
        var years = await check.ServiceProvider.GetRequiredService<Exemplar.Web.Infrastructure.Data.ExemplarDbContext>()
            .Set<ResidentYearFigure>().Where(y => y.EnterpriseId == enterpriseId).Select(y => y.Year).ToListAsync();
        Assert.Subset(years.ToHashSet(), new HashSet<int> { 2024, 2025, 2026 });
        Assert.True(years.Count > yearsBefore);

        // Saving the same page again (now every year has a row) also saves.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsIsAsync(url)).StatusCode);
    }
}
