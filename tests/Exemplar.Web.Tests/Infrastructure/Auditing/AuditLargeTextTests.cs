using System.Security.Cryptography;
using System.Text;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Tests.Infrastructure.Auditing;

public sealed class AuditLargeTextTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    [Fact]
    public async Task A_submitted_package_is_audited_by_its_length_and_digest_not_by_its_text()
    {
        using var _ = app.CreateClient();
        var data = new ApplicationTestData(app.Services);
        var id = await data.SubmittedAsync("盘龙众创空间");
        var (versionId, snapshot) = await data.WithAsync(async (_, db) =>
        {
            var v = await db.Set<ApplicationVersion>().SingleAsync(x => x.ApplicationId == id && x.State == VersionState.Submitted);
            return (v.Id, v.SnapshotJson!);
        });
        var after = await data.WithAsync((_, db) => db.Set<AuditEntry>()
            .Where(a => a.EntityType == nameof(ApplicationVersion) && a.EntityId == versionId.ToString() && a.Operation == "申报.提交").Select(a => a.After!).SingleAsync());

        Assert.True(snapshot.Length > 8192, $"the package is {snapshot.Length} characters");
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshot)));
        Assert.Contains($"长文本 {snapshot.Length} 字符，SHA-256 {sha}", after);
        Assert.True(after.Length < 8192, $"the audit row is {after.Length} characters");
        // Small values are still kept as they are.
        Assert.Contains("\"PackageHash\":", after);
        // One row for the submission: the state change and the frozen package are saved together.
        Assert.Contains($"\"State\": {(int)VersionState.Submitted}", after); // as PostgreSQL writes jsonb
    }
}
