using System.Runtime.CompilerServices;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Decisions;
using Exemplar.Web.Features.Notices;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Infrastructure.Files;
using Exemplar.Web.Tests.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Exemplar.Web.Tests.Security.Access;

namespace Exemplar.Web.Tests.Security;

/// <summary>
/// Public notice and decision (issue 13): notices, objection filing and status lookup for anyone; the base's objections for
/// applicants; management, objection handling, evidence, decision and minutes for the designating authority that issued
/// the call (administrators read); the announcement for anyone; a written outcome for its organisation and the authority.
/// </summary>
public sealed class NoticesMatrixRows : IMatrixRows
{
    public IEnumerable<MatrixRow> Rows =>
    [
        .. Public("/Notices"),
        .. Public("/Notices/Objections/Filed"),
        .. Public("/Notices/Objections/Status"),
        .. Public("/Notices/{id:guid}", s => $"/Notices/{s.KmNotice}"),
        .. Public("/Notices/{id:guid}/Object", s => $"/Notices/{s.KmNotice}/Object"),
        .. Public("/Decisions/Notices/{noticeId:guid}/Announcement", s => $"/Decisions/Notices/{s.KmNotice}/Announcement"),
        // The Word files of the notice and the announcement: for anyone, like their pages.
        Public("/Notices/{id:guid}", s => $"/Notices/{s.KmNotice}?handler=Word").First(),
        Public("/Decisions/Notices/{noticeId:guid}/Announcement", s => $"/Decisions/Notices/{s.KmNotice}/Announcement?handler=Word").First(),
        MatrixRow.Public("GET", "/api/v1/notices"),
        MatrixRow.Public("GET", "/api/v1/notices/{id:guid}") with { Sample = async (s, _) => { var u = $"/api/v1/notices/{(await SamplesAsync(s)).KmNotice}"; return (u, u); } },
        .. Both(m => new(m, "/Notices/Objections", Deny, Allow, Deny, Deny, Deny, Deny, Deny, Deny)),
        .. Both(m => new(m, "/Notices/Manage", Deny, Deny, Deny, Deny, Deny, Allow, Deny, Allow)),
        .. Authority("/Notices/Manage/Calls/{callId:guid}", s => ($"/Notices/Manage/Calls/{s.KmCall}", $"/Notices/Manage/Calls/{s.LcCall}")),
        .. Authority("/Notices/Manage/{id:guid}", s => ($"/Notices/Manage/{s.KmNotice}", $"/Notices/Manage/{s.LcNotice}")),
        .. Authority("/Notices/Manage/Objections/{id:guid}", s => ($"/Notices/Manage/Objections/{s.KmObjection}", $"/Notices/Manage/Objections/{s.LcObjection}")),
        .. Authority("/Notices/Manage/Objections/{id:guid}/Evidence/{fileId:guid}",
            s => ($"/Notices/Manage/Objections/{s.KmObjection}/Evidence/{s.KmEvidence}", $"/Notices/Manage/Objections/{s.LcObjection}/Evidence/{s.LcEvidence}")),
        .. Authority("/Decisions/Notices/{noticeId:guid}", s => ($"/Decisions/Notices/{s.KmNotice}", $"/Decisions/Notices/{s.LcNotice}")),
        .. Authority("/Decisions/Notices/{noticeId:guid}/Minutes", s => ($"/Decisions/Notices/{s.KmNotice}/Minutes", $"/Decisions/Notices/{s.LcNotice}/Minutes")),
        .. Both(m => new(m, "/Decisions/Outcomes/{id:guid}", Deny, Own, Deny, Deny, Deny, Own, Deny, Allow,
            async (s, _) => { var x = await SamplesAsync(s); return ($"/Decisions/Outcomes/{x.KmOutcome}", $"/Decisions/Outcomes/{x.LcOutcome}"); })),
    ];

    private static IEnumerable<MatrixRow> Both(Func<string, MatrixRow> row) => [row("GET"), row("POST")];

    private static IEnumerable<MatrixRow> Public(string route, Func<Samples, string>? url = null) => Both(m => MatrixRow.Public(m, route) with
    {
        Sample = url is null ? null : async (s, _) => { var u = url(await SamplesAsync(s)); return (u, u); },
    });

    private static IEnumerable<MatrixRow> Authority(string route, Func<Samples, (string, string)> urls) =>
        Both(m => new(m, route, Deny, Deny, Deny, Deny, Deny, Own, Deny, Allow, async (s, _) => urls(await SamplesAsync(s))));

    private sealed record Samples(Guid KmCall, Guid LcCall, Guid KmNotice, Guid LcNotice, Guid KmObjection, Guid LcObjection,
        Guid KmEvidence, Guid LcEvidence, Guid KmOutcome, Guid LcOutcome);

    private static readonly ConditionalWeakTable<IServiceProvider, Task<Samples>> Cache = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static async Task<Samples> SamplesAsync(IServiceProvider services)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Cache.TryGetValue(services, out var task)) Cache.Add(services, task = BuildAsync(services));
            return await task;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// A Kunming and a Liaocheng notice, each announced with one objection (with evidence), minutes and a written outcome,
    /// written straight to the database: the rows test who reaches what, the workflow is tested in Features/Notices and Decisions.
    /// </summary>
    private static async Task<Samples> BuildAsync(IServiceProvider services)
    {
        var data = new ApplicationTestData(services);
        var kmCall = await data.CallIdAsync();
        var kmApp = await data.SubmittedAsync("昆明五华创新创业园", kmCall);
        var kmFresh = await data.CallAsync("kunming-base-2022", "km.city", "KN", title: "昆明公示测试批次");
        var lcCall = await data.CallAsync("liaocheng-base-2021", "lc.city", "LN", title: "聊城公示测试批次");
        var lcApp = await data.SubmittedAsync("聊城东昌创业孵化园", lcCall);
        var km = await NoticeAsync(data, kmCall, kmApp, "530100", "kunming-base-2022");
        var lc = await NoticeAsync(data, lcCall, lcApp, "371500", "liaocheng-base-2021");
        return new Samples(kmFresh, lcCall, km.Notice, lc.Notice, km.Objection, lc.Objection, km.Evidence, lc.Evidence, km.Outcome, lc.Outcome);
    }

    private static Task<(Guid Notice, Guid Objection, Guid Evidence, Guid Outcome)> NoticeAsync(ApplicationTestData data, Guid callId, Guid appId, string jurisdiction, string programme) =>
        data.WithAsync(async (s, db) =>
        {
            var app = await db.Set<Application>().SingleAsync(a => a.Id == appId);
            var inspector = s.GetRequiredService<UploadInspector>();
            var store = s.GetRequiredService<FileStore>();
            var evidence = store.Add(inspector.Inspect("证据.pdf", ApplicationTestData.Pdf, UploadKinds.Evidence).File!, ApplicationTestData.Pdf, "公示异议证明材料", null);
            var minutes = store.Add(inspector.Inspect("会议纪要.pdf", ApplicationTestData.Pdf, UploadKinds.Documents).File!, ApplicationTestData.Pdf, "认定决定会议纪要", null);
            var entry = new NoticeEntry { ApplicationId = app.Id, CarrierId = app.CarrierId, CarrierName = "测试基地", OperatorName = "测试运营单位", RegionName = "测试地区", Order = 0 };
            var notice = new PublicNotice
            {
                CallId = callId, ProgrammeId = programme, PolicyVersion = "test", JurisdictionCode = jurisdiction, Title = "矩阵测试公示", Contact = "0000-0000000",
                PublishedOn = new DateOnly(2026, 11, 2), StartsOn = new DateOnly(2026, 11, 2), EndsOn = new DateOnly(2026, 11, 13), WorkingDays = 10,
                Status = NoticeStatus.Announced, PublishedAt = DateTimeOffset.UtcNow, PublishedByName = "测试", Entries = [entry],
            };
            var objection = new Objection
            {
                NoticeId = notice.Id, EntryId = entry.Id, Reference = ObjectionReference.New(2026), FilerKind = FilerKind.Person, FilerName = "赵建国",
                FilerContact = "13987654321", Content = "矩阵测试异议内容。", FiledAt = DateTimeOffset.UtcNow, Status = ObjectionStatus.Concluded,
                Conclusion = ObjectionConclusion.Upheld, Findings = "核实。", Reply = "答复。", RegisteredAt = DateTimeOffset.UtcNow, StatementDue = new DateOnly(2026, 11, 10),
                ConcludedAt = DateTimeOffset.UtcNow, Evidence = [new ObjectionEvidence { FileId = evidence.Id, FileName = evidence.FileName, Sha256 = evidence.Sha256, Size = evidence.Size }],
            };
            entry.Removed = true;
            entry.RemovedReason = "公示期间异议经调查核实成立：核实。";
            var decision = new DesignationDecision
            {
                NoticeId = notice.Id, CallId = callId, Collective = true, DecidedOn = new DateOnly(2026, 11, 16), MeetingName = "局长办公会",
                AttendeesJson = "[{\"Name\":\"王强\",\"Role\":\"主持人\"}]", MembersExpected = 1, MembersPresent = 1, MinutesFileId = minutes.Id, MinutesFileName = minutes.FileName,
                RecordedAt = DateTimeOffset.UtcNow, RecordedByName = "测试", AnnouncementNumber = "测〔2026〕1号", AnnouncementTitle = "矩阵测试公告",
                AnnouncedOn = new DateOnly(2026, 11, 17), AnnouncedAt = DateTimeOffset.UtcNow, AnnouncedByName = "测试",
            };
            var outcome = new WrittenOutcome
            {
                DecisionId = decision.Id, ApplicationId = app.Id, OrganizationId = app.OrganizationId, CarrierName = "测试基地", Reasons = "不予认定。",
                IssuedOn = new DateOnly(2026, 11, 17), IssuedBy = "测试认定机关",
            };
            db.AddRange(notice, objection, decision, outcome);
            await db.SaveChangesAsync();
            return (notice.Id, objection.Id, evidence.Id, outcome.Id);
        });
}
