using Exemplar.Web.Features.Audit;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Audit;

/// <summary>The audit page names every audited entity type and field in Chinese (a new entity or field fails here).</summary>
public sealed class AuditLabelsTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    [Fact]
    public void Every_audited_entity_type_and_field_has_a_Chinese_label()
    {
        using var _ = app.CreateClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExemplarDbContext>();
        var missing = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.ClrType != typeof(AuditEntry) && !typeof(INotAudited).IsAssignableFrom(t.ClrType)))
        {
            var name = type.ClrType.Name;
            if (AuditLabels.EntityType(name) == name) missing.Add(name);
            foreach (var p in type.GetProperties().Where(p => !p.IsShadowProperty() && p.Name is not ("Version" or "xmin")))
                if (AuditLabels.Field(name, p.Name) == p.Name) missing.Add($"{name}.{p.Name}");
        }
        Assert.True(missing.Count == 0, "Without a Chinese label in AuditLabels: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_audit_page_shows_Chinese_labels_the_person_who_signed_in_and_local_time()
    {
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetDocumentAsync("/Admin/Audit?Operation=账户.登录");
        var rows = page.QuerySelectorAll("tbody tr").ToList();
        Assert.NotEmpty(rows);
        var first = rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        // Signed in at the test clock's 2026-11-21 10:00 Beijing time, as 系统管理员 (the admin's display name).
        Assert.Equal("2026年11月21日 10:00", first[1]);
        Assert.DoesNotContain("匿名", first[2]);
        Assert.Contains("登录", first[2]);
        Assert.Contains("账户", first[4]);
        Assert.DoesNotContain("UserAccount", page.QuerySelector("tbody")!.TextContent);
        Assert.DoesNotContain("Modified", page.QuerySelector("tbody")!.TextContent);
    }
}
