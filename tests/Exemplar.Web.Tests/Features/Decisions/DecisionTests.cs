using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Decisions;
using Exemplar.Web.Features.Designations;
using Exemplar.Web.Features.Notices;
using Exemplar.Web.Features.Notifications;
using Exemplar.Web.Infrastructure.Forms;
using Exemplar.Web.Tests.Features.Applications;
using Exemplar.Web.Tests.Features.Notices;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Exemplar.Web.Tests.Features.Notices.NoticeTestData;

namespace Exemplar.Web.Tests.Features.Decisions;

/// <summary>
/// Kunming from the notice to the announcement, on one clock: published Saturday 2026-11-21 for 10 working days (ends Friday
/// 12-04); an objection upheld after the base stated its case, another rejected; the collective decision (第十四条) only
/// after the end with nothing open; the announcement creates the designation (3 years, 第十五条) and the written outcome.
/// </summary>
public sealed class DecisionTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly NoticeTestData data = new(app.Services);

    private async Task<SaveResult> RecordAsync(Guid notice, DateOnly on, bool quorum = true, EvidenceUpload? minutes = null, params DecisionChoice[] choices)
    {
        var who = await data.PrincipalAsync("km.city");
        var version = await data.Db(db => db.Set<PublicNotice>().Where(n => n.Id == notice).Select(n => n.Version).SingleAsync());
        return await data.Reviews.WithAsync((s, _) => s.GetRequiredService<RecordDecisionHandler>().HandleAsync(new RecordDecisionCommand(
            notice, who, version, on, "局长办公会", "王强，主持人\n李娜，参会委员\n张伟，参会委员\n刘洋，参会委员\n陈静，参会委员\n赵敏，记录人",
            7, 5, quorum, minutes, choices), default));
    }

    [Fact]
    public async Task Objections_gate_the_decision_an_upheld_one_removes_the_base_and_the_announcement_designates_the_rest()
    {
        using var _ = app.CreateClient();
        var (call, wuhua, panlong) = await data.ShortlistedAsync();
        Assert.Contains("公示期不能少于10个工作日（第十三条）。", Messages(await data.PublishAsync(call, 9)));
        var n = await data.PublishedAsync();
        Assert.Equal(new DateOnly(2026, 12, 4), n.EndsOn);
        var wuhuaEntry = n.Entries.Single(e => e.CarrierName == Wuhua).Id;
        var panlongEntry = n.Entries.Single(e => e.CarrierName == Panlong).Id;
        var minutes = new EvidenceUpload("会议纪要.pdf", ApplicationTestData.Pdf);
        DecisionChoice[] both = [new(wuhuaEntry, true, null), new(panlongEntry, true, null)];

        var a = await data.FileAsync(Objection(n, Panlong, content: "该基地近两年发生重大安全生产事故，申报时未如实说明。", contact: "zhao.jg@example.cn"));
        var b = await data.FileAsync(Objection(n, Wuhua, FilerKind.Organisation, "昆明市某孵化器协会", "0871-63123456"));
        Ok(a); Ok(b);

        // Before the end: refused, whatever else.
        Assert.Contains("公示期至2026年12月4日届满，届满前不能作出认定决定。", Messages(await RecordAsync(n.Id, new DateOnly(2026, 11, 21), minutes: minutes, choices: both)));

        Ok(await data.RegisterAsync(a.Id!.Value, new DateOnly(2026, 11, 28)));
        Ok(await data.RegisterAsync(b.Id!.Value, new DateOnly(2026, 11, 28)));
        // Against the base before it stated its case and before its period ran out: refused.
        var early = await data.ConcludeAsync(a.Id.Value, ObjectionConclusion.Upheld);
        Assert.False(early.Ok);
        Assert.Contains("Conclusion", early.Errors.Keys);
        var panlongOrg = await data.Db(db => db.Set<Carrier>().Where(c => c.Name == Panlong).Select(c => c.OrganizationId).SingleAsync());
        var objA = await data.ObjectionAsync(a.Id.Value);
        Ok(await data.Reviews.WithAsync((s, _) => s.GetRequiredService<StateCaseHandler>().HandleAsync(
            new StateCaseCommand(objA.Id, panlongOrg, objA.Version, "事故已由应急管理部门结案，本单位无责任。"), default)));
        Ok(await data.ConcludeAsync(a.Id.Value, ObjectionConclusion.Upheld, "经向应急管理局核实，该基地2025年发生一般生产安全事故，运营单位负有责任。"));
        var removed = await data.Db(db => db.Set<NoticeEntry>().SingleAsync(e => e.Id == panlongEntry));
        Assert.True(removed.Removed);

        // After the end (Saturday 12-05, 10:00 in Beijing).
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero));
        var late = await data.FileAsync(Objection(n, Wuhua));
        Assert.Equal(["公示期已于2026年12月4日结束，逾期提出的异议不予受理。"], Messages(late));
        Assert.Contains($"“{Wuhua}”尚有未办结的异议，办结前不能作出认定决定。",
            Messages(await RecordAsync(n.Id, new DateOnly(2026, 12, 5), minutes: minutes, choices: [new(wuhuaEntry, true, null)])));
        Ok(await data.ConcludeAsync(b.Id!.Value, ObjectionConclusion.NotUpheld, "经核实，入驻企业数量与台账一致。"));

        Assert.Contains("请上传会议纪要。", Messages(await RecordAsync(n.Id, new DateOnly(2026, 12, 5), choices: [new(wuhuaEntry, true, null)])));
        Assert.Contains("请确认到会人数符合本机关集体决策的议事规则。", Messages(await RecordAsync(n.Id, new DateOnly(2026, 12, 5), quorum: false, minutes: minutes, choices: [new(wuhuaEntry, true, null)])));
        Assert.Contains("决定日期应在公示期届满（2026年12月4日）之后。", Messages(await RecordAsync(n.Id, new DateOnly(2026, 12, 4), minutes: minutes, choices: [new(wuhuaEntry, true, null)])));
        Ok(await RecordAsync(n.Id, new DateOnly(2026, 12, 5), minutes: minutes, choices: [new(wuhuaEntry, true, null)]));
        var decision = await data.Db(db => db.Set<DesignationDecision>().Include(d => d.Lines).SingleAsync(d => d.NoticeId == n.Id));
        Assert.True(decision.Collective);
        Assert.Equal((7, 5), (decision.MembersExpected!.Value, decision.MembersPresent!.Value));
        Assert.Single(decision.Lines); // 盘龙 is off the list

        var who = await data.PrincipalAsync("km.city");
        var announced = await data.Reviews.WithAsync((s, _) => s.GetRequiredService<AnnounceHandler>().HandleAsync(
            new AnnounceCommand(n.Id, who, decision.Version, "昆工信发〔2026〕120号", "关于认定2026年度昆明市小型微型企业创业创新示范基地的公告", new DateOnly(2026, 12, 5)), default));
        Ok(announced);
        var designation = await data.Db(db => db.Set<Designation>().SingleAsync(d => d.AnnouncementNumber == "昆工信发〔2026〕120号"));
        var wuhuaCarrier = await data.Db(db => db.Set<Carrier>().Where(c => c.Name == Wuhua).Select(c => c.Id).SingleAsync());
        Assert.Equal(wuhuaCarrier, designation.CarrierId);
        Assert.Equal("kunming-base-2022", designation.ProgrammeId);
        Assert.Equal(new DateOnly(2026, 12, 5), designation.ValidFrom);
        Assert.Equal(new DateOnly(2029, 12, 5), designation.ValidUntil); // 三年 (第十五条), the corresponding day

        var outcome = await data.Db(db => db.Set<WrittenOutcome>().SingleAsync(w => w.ApplicationId == panlong));
        Assert.Contains("异议经调查核实成立", outcome.Reasons);
        var notice = await data.Db(db => db.Set<Notice>().SingleAsync(x => x.Ref == $"written-outcome:{outcome.Id}"));
        Assert.Contains("60日内依法申请行政复议", notice.Body);
        Assert.Contains("6个月内依法向人民法院提起行政诉讼", notice.Body);
        Assert.True(await data.Db(db => db.Set<OutboundMessage>().AnyAsync(m => m.NoticeId == notice.Id && m.Channel == MessageChannel.Email)));
        Assert.False(await data.Db(db => db.Set<WrittenOutcome>().AnyAsync(w => w.ApplicationId == wuhua)));

        var page = await app.Client().GetDocumentAsync($"/Decisions/Notices/{n.Id}/Announcement");
        var rows = page.QuerySelectorAll("#designated tbody tr").Select(r => r.TextContent).ToList();
        Assert.Single(rows);
        Assert.Contains(Wuhua, rows[0]);
        Assert.Contains("2029年12月5日", rows[0]);
        Assert.Contains("昆工信发〔2026〕120号", page.QuerySelector("#announcement-number")!.TextContent);
    }
}
