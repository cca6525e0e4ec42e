using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Surveys;

/// <summary>Builds small carriers straight in the database for the survey, sampling, API and delete tests.</summary>
public sealed class SurveyTestData(ExemplarFactory app)
{
    public async Task<T> DbAsync<T>(Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    /// <summary>A carrier of the km-base organisation (operator km.applicant) in the given jurisdiction.</summary>
    public Task<Guid> CarrierAsync(string name, string jurisdiction = "530102", string orgKey = "km-base") => DbAsync(async db =>
    {
        var orgName = DemoDirectory.Organizations.Single(o => o.Key == orgKey).Name;
        var org = await db.Set<Organization>().SingleAsync(o => o.Name == orgName);
        var c = new Carrier
        {
            OrganizationId = org.Id, Name = name, JurisdictionCode = jurisdiction, Kind = CarrierKind.Base, LeadingIndustries = ["软件"],
            PrimaryType = CarrierPrimaryType.ProducerServices, Area = 5000, PublicServiceArea = 800, EstablishedOn = new DateOnly(2019, 5, 1),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    public Task<Guid> EnterpriseAsync(Guid carrierId, string name, int n, SizeClass size = SizeClass.Micro, DateOnly? entry = null, DateOnly? exit = null) => DbAsync(async db =>
    {
        var e = new ResidentEnterprise
        {
            CarrierId = carrierId, Name = name, Uscc = LedgerDemoSeeder.Uscc("530102", 900_000 + n), EntryDate = entry ?? new DateOnly(2024, 1, 1),
            ExitDate = exit, Industry = "软件", InLeadingIndustry = true, SizeClass = size, ContactName = "联系人" + n, ContactPhone = $"1390000{n:D4}",
        };
        db.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    });

    public Task<Guid> EntryAsync(Guid carrierId, ServiceFunction function, string date, ServiceForm form, int persons, params Guid[] residents) => DbAsync(async db =>
    {
        var e = new LedgerEntry
        {
            CarrierId = carrierId, Function = function, Date = DateOnly.Parse(date), Place = "路演厅", Form = form, ResidentIds = [.. residents],
            PersonCount = persons, Fee = FeeClass.Free, Feedback = "满意",
        };
        db.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    });
}
