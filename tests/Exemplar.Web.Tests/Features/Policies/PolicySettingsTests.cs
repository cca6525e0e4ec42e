using System.Net;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Policies;

public sealed class PolicySettingsTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    [Fact]
    public async Task Administrator_sets_Beijings_date_which_is_audited_and_puts_it_in_force()
    {
        var admin = await app.SignedInAsync("admin");
        var before = await app.Client().GetDocumentAsync("/Policies");
        Assert.Contains("施行日期待管理员设定", before.QuerySelector("tr[data-policy=beijing-base] .policy-status")!.TextContent);

        var adminPage = await admin.GetDocumentAsync("/Admin/Policies");
        Assert.NotNull(adminPage.QuerySelector("section[data-policy=beijing-base] li[data-lint=no-effective-date]"));
        Assert.Equal(64, adminPage.QuerySelector("section[data-policy=beijing-base] .hash")!.TextContent.Trim().Length);
        // Dates stated in the text cannot be overridden: no form for Kunming.
        Assert.Null(adminPage.QuerySelector("section[data-policy=kunming-base-2022] form"));

        var response = await admin.PostFormAsync("/Admin/Policies",
            new Dictionary<string, string> { ["PolicyId"] = "beijing-base", ["EffectiveFrom"] = "2026-01-01" },
            formSelector: "section[data-policy=beijing-base] form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await app.Client().GetDocumentAsync("/Policies");
        var status = after.QuerySelector("tr[data-policy=beijing-base] .policy-status")!.TextContent;
        Assert.Contains("现行有效", status);
        Assert.Contains("管理员设定", status);
        var detail = await app.Client().GetDocumentAsync("/Policies/beijing-base");
        Assert.Contains("2026年1月1日", detail.QuerySelector(".effective-from")!.TextContent);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var audit = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Operation == "政策.设定施行日期").ToListAsync();
        var entry = Assert.Single(audit);
        Assert.NotNull(entry.ActorId);
        Assert.NotEqual("匿名", entry.ActorName);
        Assert.Equal("beijing-base", entry.EntityId);
        Assert.Contains("2026-01-01", entry.After);

        // A later date (2027) puts it "not yet in force" on 2026-11-21; the change is audited with before and after.
        await admin.PostFormAsync("/Admin/Policies",
            new Dictionary<string, string> { ["PolicyId"] = "beijing-base", ["EffectiveFrom"] = "2027-01-01" },
            formSelector: "section[data-policy=beijing-base] form");
        var later = await app.Client().GetDocumentAsync("/Policies");
        Assert.Contains("尚未施行", later.QuerySelector("tr[data-policy=beijing-base] .policy-status")!.TextContent);
        var second = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Operation == "政策.设定施行日期").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, second.Count);
        Assert.Contains("2026-01-01", second[1].Before);
        Assert.Contains("2027-01-01", second[1].After);
    }

    [Fact]
    public async Task Setting_a_date_the_text_states_is_refused()
    {
        var admin = await app.SignedInAsync("admin");
        var response = await admin.PostFormAsync("/Admin/Policies",
            new Dictionary<string, string> { ["PolicyId"] = "kunming-base-2022", ["EffectiveFrom"] = "2026-01-01" },
            formSelector: "section[data-policy=beijing-base] form");
        var page = await response.ToDocumentAsync();
        Assert.Contains(page.Errors(), e => e.Contains("已载明施行日期", StringComparison.Ordinal));
    }
}
