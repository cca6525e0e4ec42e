using System.Net;
using Exemplar.Web.Features.Account;
using Exemplar.Web.Features.DemoData;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Infrastructure.Auditing;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Organizations;

/// <summary>
/// Organisation accounts are vouched for (issue 8 item 7): an online registration may not apply until the local
/// authority of its jurisdiction (or an administrator) confirms it; the real organisation can contest a squatted code.
/// </summary>
public sealed class RegistrationConfirmationTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private static Dictionary<string, string> Form(string uscc, string userName, string name, string jurisdiction = "530102") => new()
    {
        ["OrganizationName"] = name, ["Uscc"] = uscc, ["JurisdictionCode"] = jurisdiction, ["Address"] = "昆明市五华区学府路1号",
        ["ContactName"] = "周明", ["ContactPhone"] = "13987100123", ["UserName"] = userName,
        ["Password"] = "Xinghuo2026a", ["ConfirmPassword"] = "Xinghuo2026a",
    };

    /// <summary>A valid code (both check characters found by trying the alphabet) starting with the 16 given characters.</summary>
    private static string ValidCode(string first16)
    {
        foreach (var a in Exemplar.Domain.Organizations.UnifiedSocialCreditCode.Alphabet)
            foreach (var b in Exemplar.Domain.Organizations.UnifiedSocialCreditCode.Alphabet)
                if (Exemplar.Domain.Organizations.UnifiedSocialCreditCode.TryParse(first16 + a + b, out var code, out _)) return code.Value;
        throw new InvalidOperationException(first16);
    }

    private async Task<T> DbAsync<T>(Func<ExemplarDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<ExemplarDbContext>());
    }

    private Task<Organization> OrgAsync(string uscc) =>
        DbAsync(db => db.Set<Organization>().AsNoTracking().Where(o => o.Uscc == uscc).OrderByDescending(o => o.CreatedAt).FirstAsync());

    [Fact]
    public async Task A_new_registration_may_not_apply_until_its_county_confirms_it()
    {
        // 阿里巴巴（中国）有限公司's published code (valid check character F).
        var applicant = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFormAsync("/Account/Register", Form("91330100716105852F", "wuhua.newbase", "五华区新苗众创空间有限公司"))).StatusCode);
        var org = await OrgAsync("91330100716105852F");
        Assert.Equal(OrganizationStatus.Pending, org.Status);
        var verdict = OrganizationStanding.MayApply(org);
        Assert.False(verdict.Allowed);
        Assert.Equal("本单位的注册尚待所在地主管部门确认，确认后方可申报。请联系所在县（市、区）或开发区主管部门。", verdict.Reason);
        Assert.Contains("待所在地主管部门确认", (await applicant.GetDocumentAsync("/Workbench")).QuerySelector("#organization-status")!.TextContent);

        // 盘龙区 neither sees nor decides 五华区's registrations.
        var panlong = await app.SignedInAsync("km.panlong");
        Assert.Null((await panlong.GetDocumentAsync("/Organizations/Registrations")).QuerySelector($"tr[data-organization='{org.Id}']"));
        var foreign = await panlong.PostFormAsync("/Organizations/Registrations", new Dictionary<string, string>
        {
            ["organizationId"] = org.Id.ToString(), ["version"] = org.Version.ToString(), ["decision"] = "Confirm",
        }, postUrl: "/Organizations/Registrations?handler=Decide", formSelector: "header form[method=post]");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        // 五华区 is told, sees it (phone masked until opened, and the opening is logged) and confirms.
        var wuhua = await app.SignedInAsync("km.wuhua");
        var officer = await DbAsync(db => db.Set<UserAccount>().SingleAsync(u => u.UserName == "km.wuhua"));
        Assert.True(await DbAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == officer.Id && n.Title == "新的申报单位注册待确认")));
        var list = await wuhua.GetDocumentAsync("/Organizations/Registrations");
        var row = list.QuerySelector($"tr[data-organization='{org.Id}']")!;
        Assert.Equal("139****0123", row.QuerySelector(".phone .mono")!.TextContent);
        var opened = await wuhua.GetDocumentAsync($"/Organizations/Registrations?Show={org.Id}");
        Assert.Equal("13987100123", opened.QuerySelector($"tr[data-organization='{org.Id}'] .phone .mono")!.TextContent);
        Assert.True(await DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "个人信息.查阅" && a.EntityId == org.Id.ToString() && a.ActorId == officer.Id)));

        var confirmed = await wuhua.PostFormAsync("/Organizations/Registrations", new Dictionary<string, string>
        {
            ["organizationId"] = org.Id.ToString(), ["version"] = org.Version.ToString(), ["decision"] = "Confirm",
        }, postUrl: "/Organizations/Registrations?handler=Decide");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        org = await OrgAsync("91330100716105852F");
        Assert.Equal(OrganizationStatus.Confirmed, org.Status);
        Assert.True(OrganizationStanding.MayApply(org).Allowed);
        Assert.True((await DbAsync(db => OrganizationStanding.MayApplyAsync(db, org.Id, CancellationToken.None))).Allowed);
        Assert.True(await DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "单位.确认注册" && a.EntityId == org.Id.ToString())));
    }

    [Fact]
    public async Task Declining_needs_a_reason_which_the_organisation_reads_and_frees_the_code()
    {
        var code = ValidCode("91530102MA6K0A1B");
        var applicant = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFormAsync("/Account/Register", Form(code, "wuhua.typo", "五华区笔误科技有限公司"))).StatusCode);
        var org = await OrgAsync(code);
        var wuhua = await app.SignedInAsync("km.wuhua");
        var noReason = await wuhua.PostFormAsync("/Organizations/Registrations", new Dictionary<string, string>
        {
            ["organizationId"] = org.Id.ToString(), ["version"] = org.Version.ToString(), ["decision"] = "Reject",
        }, postUrl: "/Organizations/Registrations?handler=Decide");
        Assert.Contains("请填写不予确认的理由（将告知该单位）。", (await noReason.ToDocumentAsync()).Errors());
        Assert.Equal(HttpStatusCode.Redirect, (await wuhua.PostFormAsync("/Organizations/Registrations", new Dictionary<string, string>
        {
            ["organizationId"] = org.Id.ToString(), ["version"] = org.Version.ToString(), ["decision"] = "Reject", ["note"] = "单位名称与营业执照不符",
        }, postUrl: "/Organizations/Registrations?handler=Decide")).StatusCode);

        org = await OrgAsync(code);
        Assert.Equal(OrganizationStatus.Rejected, org.Status);
        Assert.Contains("单位名称与营业执照不符", OrganizationStanding.MayApply(org).Reason);
        Assert.Contains("单位名称与营业执照不符", (await applicant.GetDocumentAsync("/Workbench")).QuerySelector("#organization-status")!.TextContent);
        // The code is free for a correct registration.
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().PostFormAsync("/Account/Register", Form(code, "wuhua.right", "五华区正名科技有限公司"))).StatusCode);
    }

    [Fact]
    public async Task The_real_organisation_contests_a_squatted_code_and_registers_after_the_contest_is_upheld()
    {
        var realCode = ValidCode("91530102MA6K0C2D");
        // Someone squats the code.
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().PostFormAsync("/Account/Register", Form(realCode, "squat.user", "抢注商贸有限公司"))).StatusCode);
        var held = await OrgAsync(realCode);

        // The real organisation cannot register and is pointed to the contest.
        var refused = await (await app.Client().PostFormAsync("/Account/Register", Form(realCode, "real.user", "真实单位有限公司"))).ToDocumentAsync();
        Assert.Contains(refused.Errors(), e => e.StartsWith("该统一社会信用代码已注册") && e.Contains("异议"));
        var contest = await app.Client().PostFormAsync("/Organizations/Contest", new Dictionary<string, string>
        {
            ["Uscc"] = realCode, ["ClaimantName"] = "真实单位有限公司", ["ContactName"] = "李华", ["ContactPhone"] = "0871-65099876",
            ["Statement"] = "本单位从未在本系统注册，营业执照原件可供核验。",
        });
        Assert.Equal(HttpStatusCode.Redirect, contest.StatusCode);
        var claim = await DbAsync(db => db.Set<OrganizationClaim>().AsNoTracking().SingleAsync(c => c.OrganizationId == held.Id && c.Status == ClaimStatus.Open));

        var wuhua = await app.SignedInAsync("km.wuhua");
        var list = await wuhua.GetDocumentAsync("/Organizations/Registrations");
        Assert.Equal("0871-****9876", list.QuerySelector($"tr[data-claim='{claim.Id}'] .phone .mono")!.TextContent);
        var noNote = await wuhua.PostFormAsync("/Organizations/Registrations", new Dictionary<string, string>
        {
            ["claimId"] = claim.Id.ToString(), ["version"] = claim.Version.ToString(), ["uphold"] = "true",
        }, postUrl: "/Organizations/Registrations?handler=Claim");
        Assert.Contains("请填写核实情况（将记入审计日志）。", (await noNote.ToDocumentAsync()).Errors());
        var upheld = await wuhua.PostFormAsync("/Organizations/Registrations", new Dictionary<string, string>
        {
            ["claimId"] = claim.Id.ToString(), ["version"] = claim.Version.ToString(), ["uphold"] = "true", ["note"] = "已核验营业执照原件，代码属于异议人。",
        }, postUrl: "/Organizations/Registrations?handler=Claim");
        Assert.Equal(HttpStatusCode.Redirect, upheld.StatusCode);

        var revoked = await DbAsync(db => db.Set<Organization>().AsNoTracking().SingleAsync(o => o.Id == held.Id));
        Assert.Equal(OrganizationStatus.Revoked, revoked.Status);
        Assert.False(OrganizationStanding.MayApply(revoked).Allowed);
        Assert.False(await DbAsync(db => db.Set<UserAccount>().AnyAsync(u => u.OrganizationId == held.Id && u.IsActive)));
        Assert.True(await DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Operation == "单位.异议成立撤销注册")));

        // Now the real organisation registers with its code.
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().PostFormAsync("/Account/Register", Form(realCode, "real.user", "真实单位有限公司"))).StatusCode);
        Assert.Equal(OrganizationStatus.Pending, (await DbAsync(db => db.Set<Organization>().SingleAsync(o => o.Uscc == realCode && o.Name == "真实单位有限公司"))).Status);
    }

    [Fact]
    public async Task The_demo_directorys_organisations_are_confirmed()
    {
        var orgs = await DbAsync(db => db.Set<Organization>().AsNoTracking().Where(o => o.Kind == OrganizationKind.Applicant && o.DecidedBy == "演示数据").ToListAsync());
        Assert.Equal(DemoDirectory.Organizations.Count(o => o.Kind == OrganizationKind.Applicant), orgs.Count);
        Assert.All(orgs, o => Assert.True(OrganizationStanding.MayApply(o).Allowed));
    }
}
