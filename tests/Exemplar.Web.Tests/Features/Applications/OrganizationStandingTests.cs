using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Applications;

/// <summary>
/// Issue 8 item 7: an applicant organisation whose registration the local authority has not confirmed (pending, declined
/// or revoked for squatting a code) may neither start nor submit an application; it is told why in Chinese.
/// </summary>
public sealed class OrganizationStandingTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private const string Carrier = "昆明五华创新创业园";
    private readonly ApplicationTestData data = new(app.Services);

    private Task SetStatusAsync(Guid organization, OrganizationStatus status, string? note) => data.WithAsync((_, db) =>
        db.Set<Organization>().Where(o => o.Id == organization)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, status).SetProperty(o => o.DecisionNote, note)));

    [Fact]
    public async Task A_pending_registration_cannot_start_an_application()
    {
        using var _ = app.CreateClient();
        var call = await data.CallIdAsync();
        var (carrier, org, user) = await data.CarrierAsync(Carrier);
        await SetStatusAsync(org, OrganizationStatus.Pending, null);
        try
        {
            var r = await data.WithAsync((s, _) => s.GetRequiredService<StartApplicationHandler>()
                .HandleAsync(new StartApplicationCommand(call, carrier, org, user), default));
            Assert.False(r.Ok);
            Assert.Contains(r.Errors["CarrierId"], m => m.StartsWith("本单位的注册尚待所在地主管部门确认，确认后方可申报。", StringComparison.Ordinal));
            Assert.False(await data.WithAsync((_, db) => db.Set<Application>().AnyAsync(a => a.CarrierId == carrier)));
        }
        finally
        {
            await SetStatusAsync(org, OrganizationStatus.Confirmed, null);
        }
    }

    [Fact]
    public async Task A_registration_revoked_after_the_start_cannot_submit()
    {
        using var _ = app.CreateClient();
        var call = await data.CallIdAsync();
        var id = await data.StartAsync(call, Carrier);
        await data.CompleteAsync(id);
        var (_, org, _) = await data.CarrierAsync(Carrier);
        await SetStatusAsync(org, OrganizationStatus.Revoked, "统一社会信用代码经核实属于他人");
        try
        {
            var outcome = await data.SubmitAsync(id);
            Assert.False(outcome.Result.Ok);
            Assert.Contains(outcome.Result.Errors.SelectMany(e => e.Value), m => m == "本单位的注册已被撤销（统一社会信用代码经核实属于他人），不能申报。");
            var a = await data.WithAsync((_, db) => db.Set<Application>().AsNoTracking().SingleAsync(x => x.Id == id));
            Assert.Equal(ApplicationStatus.Draft, a.Status);
            Assert.Null(a.ReceiptNumber);
            Assert.Null(a.FirstSubmittedAt);
        }
        finally
        {
            await SetStatusAsync(org, OrganizationStatus.Confirmed, null);
        }
        // Once confirmed again the same draft goes through: the refusal was the registration, nothing else.
        Assert.True((await data.SubmitAsync(id)).Result.Ok);
    }
}
