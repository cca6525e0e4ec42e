using Exemplar.Web.Features.Applications;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Tests.Features.Applications;

public sealed class SubmissionTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ApplicationTestData data = new(app.Services);

    [Fact]
    public async Task A_complete_draft_is_submitted_with_the_calls_first_receipt_number_and_a_package_hash()
    {
        using var _ = app.CreateClient();
        var id = await data.SubmittedAsync("昆明五华创新创业园");
        var (a, v) = await data.WithAsync(async (_, db) =>
        {
            var a = await db.Set<Application>().SingleAsync(x => x.Id == id);
            return (a, await db.Set<ApplicationVersion>().SingleAsync(x => x.ApplicationId == id && x.Number == 1));
        });
        Assert.Equal(ApplicationStatus.Submitted, a.Status);
        Assert.Equal("KM-2026-0001", a.ReceiptNumber);
        Assert.Equal(VersionState.Submitted, v.State);
        Assert.Equal(ApplicationJson.Sha256(v.SnapshotJson!), v.PackageHash);
    }
}
