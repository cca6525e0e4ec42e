using System.Net;
using AngleSharp.Dom;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Revocations;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Features.ChangeFilings;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Revocations;

/// <summary>
/// 撤销称号 with 陈述申辩 on real PostgreSQL (clock 2026-11-21, a Saturday): with a statement rejected and without one; the
/// designation, certificate and registry say 已撤销 at once; 北京第十五条's two-year ban follows its grounds only and is
/// applied when the base applies again, while a 第十四条 (evaluation) revocation carries none.
/// </summary>
public sealed class RevocationTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ApplicationTestData data = new(app.Services);

    private async Task<Guid> StartAsync(HttpClient city, Guid designation, string ground, string days)
    {
        var url = $"/Revocations/Start?designation={designation}&ground={ground}";
        var page = await city.GetDocumentAsync(url);
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[name=Grounds][value={ground}]")!.IsChecked, "the ground from the link is ticked");
        return CaseForms.IdFrom(await CaseForms.PostAsync(city, url, [("designation", designation.ToString()), ("Grounds", ground),
            ("Facts", "经核查，该基地在2025年度绩效评价中提供的服务企业数据与台账不符。"), ("StatementDays", days)], [("Evidence", "核查报告.pdf", CaseForms.Pdf)]));
    }

    [Fact]
    public async Task A_beijing_revocation_on_article_15_after_a_rejected_statement_revokes_at_once_and_bans_a_new_application_for_two_years()
    {
        var (designation, carrier) = await CaseForms.DemoAsync(app.Services, "海淀中关村创业示范基地");
        var city = await app.SignedInAsync("bj.city");
        var id = await StartAsync(city, designation, "false-materials", "7");

        // Not yet delivered: no decision.
        var early = await city.GetDocumentAsync($"/Revocations/{id}");
        Assert.Null(early.QuerySelector("form[action$='/Decide']"));
        Assert.Contains("告知书尚未送达", early.QuerySelector("#wait")!.TextContent);

        // The base opens it on Saturday 11月21日 (送达); 7 days → 11月28日, a Saturday → Monday 11月30日.
        var applicant = await app.SignedInAsync("bj.applicant");
        var casePage = await applicant.GetDocumentAsync($"/Revocations/{id}");
        Assert.Contains("至2026年11月30日", casePage.QuerySelector("#period")!.TextContent);
        Assert.Contains("2026年11月21日", casePage.QuerySelector("#delivered")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await CaseForms.PostAsync(applicant, $"/Revocations/{id}", [("Statement", "数据差异系统计口径不同所致，并非虚假。")],
            action: $"/Revocations/{id}/Statement")).StatusCode);

        // The decision needs the statement's handling and a confirmation before it revokes.
        var decideUrl = $"/Revocations/{id}/Decide";
        var fields = new Dictionary<string, string>
        {
            ["Outcome"] = "Revoke", ["DecisionNumber"] = "京经信发〔2026〕120号", ["Reasons"] = "经核实，所报服务企业数据与台账和抽查结果不符，属提供虚假数据。",
        };
        var refused = await city.PostFormAsync($"/Revocations/{id}", fields, postUrl: decideUrl);
        var errors = (await refused.ToDocumentAsync()).QuerySelector("#errors")!.TextContent;
        Assert.Contains("请选择对陈述申辩意见的处理", errors);
        Assert.Contains("请勾选确认", errors);
        Assert.Null(await CaseForms.WithDbAsync(app.Services, db => db.Set<Designation>().Where(d => d.Id == designation).Select(d => d.RevokedOn).SingleAsync()));
        fields["StatementAccepted"] = "false";
        fields["StatementHandlingReason"] = "统计口径已在申报通知中明确，申辩理由不成立。";
        fields["Confirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostFormAsync($"/Revocations/{id}", fields, postUrl: decideUrl)).StatusCode);

        var d = await CaseForms.WithDbAsync(app.Services, db => db.Set<Designation>().AsNoTracking().SingleAsync(x => x.Id == designation));
        Assert.Equal(new DateOnly(2026, 11, 21), d.RevokedOn);
        Assert.Equal("第十五条第（一）项", d.RevocationCitation);
        Assert.Equal(new DateOnly(2028, 11, 21), d.ReapplyBannedUntil); // 两年内, the revocation day not counted
        var r = await CaseForms.WithDbAsync(app.Services, db => db.Set<Revocation>().AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((RevocationStage.Revoked, false), (r.Stage, r.StatementAccepted));
        Assert.Contains("不予采纳", (await applicant.GetDocumentAsync($"/Revocations/{id}")).QuerySelector("#statement-handling")!.TextContent);

        // Certificate verification and the registry say 已撤销 at once.
        var verify = (await app.Client().GetDocumentAsync("/Verify/BJ-2024-021")).QuerySelector("main")!.TextContent;
        Assert.Contains("撤销", verify);
        Assert.Contains("已撤销", (await app.Client().GetDocumentAsync($"/Registry/Bases/{carrier}")).QuerySelector(".badge")!.TextContent);

        // 北京第十五条: two years without a new application — refused when the base starts one.
        var call = await data.CallAsync("beijing-base", "bj.city", "BR", title: "北京撤销后申报测试批次");
        var org = await CaseForms.WithDbAsync(app.Services, db => db.Set<Carrier>().Where(c => c.Id == carrier).Select(c => c.OrganizationId).SingleAsync());
        var user = await CaseForms.WithDbAsync(app.Services, db => db.Set<Exemplar.Web.Features.Account.UserAccount>().Where(u => u.UserName == "bj.applicant").Select(u => u.Id).SingleAsync());
        var start = await data.WithAsync((s, _) => s.GetRequiredService<StartApplicationHandler>().HandleAsync(new StartApplicationCommand(call, carrier, org, user), default));
        Assert.False(start.Ok);
        Assert.Contains(start.Errors.SelectMany(e => e.Value), m => m.Contains("禁止申请至2028年11月21日，2028年11月22日起可再次申请"));
    }

    [Fact]
    public async Task A_beijing_revocation_for_a_failed_evaluation_without_a_statement_carries_no_ban()
    {
        // Another Beijing base of the same operator, designated in 2024 (北京: no fixed validity).
        var (carrier, org) = await CaseForms.WithDbAsync(app.Services, async db =>
        {
            var o = await db.Set<Organization>().SingleAsync(x => x.Name == "北京海淀科创孵化器有限公司");
            var c = new Carrier
            {
                OrganizationId = o.Id, Name = "海淀评价未通过基地", JurisdictionCode = "110108", Kind = Exemplar.Domain.Ledger.CarrierKind.Base, CarrierType = "startupBase",
                LeadingIndustries = ["软件"], PrimaryType = Exemplar.Domain.Ledger.CarrierPrimaryType.ProducerServices, Area = 8000, PublicServiceArea = 1200,
                EstablishedOn = new DateOnly(2018, 1, 1), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Add(c);
            db.Add(new Designation
            {
                CarrierId = c.Id, ProgrammeId = "beijing-base", PolicyVersion = "2019", AnnouncementNumber = "京经信发〔2024〕7号",
                AnnouncedOn = new DateOnly(2024, 3, 1), ValidFrom = new DateOnly(2024, 3, 1),
            });
            db.Actor.Operation = "测试.认定";
            await db.SaveChangesAsync();
            return (c.Id, o.Id);
        });
        var designation = await CaseForms.WithDbAsync(app.Services, db => db.Set<Designation>().Where(d => d.CarrierId == carrier).Select(d => d.Id).SingleAsync());
        var city = await app.SignedInAsync("bj.city");
        var id = await StartAsync(city, designation, "evaluation-failed", "3");
        // As if started the week before (Friday 11月13日), so the period can have ended by today.
        await CaseForms.WithDbAsync(app.Services, db => db.Set<Revocation>().Where(r => r.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.StartedAt, new DateTimeOffset(2026, 11, 13, 2, 0, 0, TimeSpan.Zero))));

        // Delivered on paper on Monday 11月16日: 3 days → Thursday 11月19日; by 11月21日 the period has ended without a statement.
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostFormAsync($"/Revocations/{id}", new Dictionary<string, string> { ["DeliveredOn"] = "2026-11-16" },
            postUrl: $"/Revocations/{id}/Delivery")).StatusCode);
        var page = await city.GetDocumentAsync($"/Revocations/{id}");
        Assert.Contains("至2026年11月19日", page.QuerySelector("#period")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostFormAsync($"/Revocations/{id}", new Dictionary<string, string>
        {
            ["Outcome"] = "Revoke", ["DecisionNumber"] = "京经信发〔2026〕121号", ["Reasons"] = "2025年度绩效评价结果为不合格（第十四条）。", ["Confirmed"] = "true",
        }, postUrl: $"/Revocations/{id}/Decide")).StatusCode);

        var d = await CaseForms.WithDbAsync(app.Services, db => db.Set<Designation>().AsNoTracking().SingleAsync(x => x.Id == designation));
        Assert.Equal((new DateOnly(2026, 11, 21), "第十四条", (DateOnly?)null), (d.RevokedOn, d.RevocationCitation, d.ReapplyBannedUntil));
        var r = await CaseForms.WithDbAsync(app.Services, db => db.Set<Revocation>().AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Null(r.Statement);
        Assert.Null(r.StatementAccepted);

        // No ban: starting a new application in a Beijing call is not refused for the revocation.
        var call = await data.CallAsync("beijing-base", "bj.city", "BE", title: "北京评价撤销后申报测试批次");
        var user = await CaseForms.WithDbAsync(app.Services, db => db.Set<Exemplar.Web.Features.Account.UserAccount>().Where(u => u.UserName == "bj.applicant").Select(u => u.Id).SingleAsync());
        var start = await data.WithAsync((s, _) => s.GetRequiredService<StartApplicationHandler>().HandleAsync(new StartApplicationCommand(call, carrier, org, user), default));
        Assert.True(start.Ok, string.Join("；", start.Errors.SelectMany(e => e.Value)));
    }

    [Fact]
    public async Task Liaocheng_overdue_summaries_are_proposed_under_article_18_item_3_and_never_applied_by_themselves()
    {
        var (designation, _) = await CaseForms.DemoAsync(app.Services, "东昌府区创业创新示范园");
        var city = await app.SignedInAsync("lc.city");
        var row = (await city.GetDocumentAsync("/Revocations")).QuerySelector($"#proposals tr[data-designation='{designation}']");
        Assert.NotNull(row);
        Assert.Contains("第十八条第（三）项", row!.TextContent);
        Assert.Contains("2025年度工作总结", row.TextContent); // 第十四条: 每年1月10日前 → due 2026-01-10
        Assert.Null(await CaseForms.WithDbAsync(app.Services, db => db.Set<Designation>().Where(d => d.Id == designation).Select(d => d.RevokedOn).SingleAsync()));
        var start = await city.GetDocumentAsync($"/Revocations/Start?designation={designation}&ground=summary-not-filed&proposed=true");
        Assert.Contains("系统不会自动撤销", start.QuerySelector("#proposal")!.TextContent);
        // Kunming's city sees no proposal for a Liaocheng base, and cannot open its start page.
        Assert.Null((await (await app.SignedInAsync("km.city")).GetDocumentAsync("/Revocations")).QuerySelector($"#proposals tr[data-designation='{designation}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("km.city")).GetAsync($"/Revocations/Start?designation={designation}")).StatusCode);
    }
}
