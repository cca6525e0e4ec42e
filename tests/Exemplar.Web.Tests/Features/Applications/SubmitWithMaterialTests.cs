using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Exemplar.Web.Features.Applications;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Infrastructure.Data;
using Exemplar.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exemplar.Web.Tests.Features.Applications;

/// <summary>
/// The last material and the submission in one API request (issue 11, the deadline rush's "submission carrying its last
/// 1 MB material"): both land in one transaction, or neither — a refused file or a refused submission keeps nothing.
/// </summary>
public sealed class SubmitWithMaterialTests(ExemplarFactory app) : IClassFixture<ExemplarFactory>
{
    private readonly ApplicationTestData data = new(app.Services);

    /// <summary>A PDF of about one megabyte (the rush's material), distinct per call so hashes tell files apart.</summary>
    private static byte[] Megabyte(string marker)
    {
        var head = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + marker + "\n");
        var tail = "trailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
        var bytes = new byte[1024 * 1024];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < bytes.Length - tail.Length; i++) bytes[i] = (byte)(i % 50 == 0 ? '\n' : ' ');
        tail.CopyTo(bytes, bytes.Length - tail.Length);
        return bytes;
    }

    /// <summary>A complete draft of the carrier with the files of its last <paramref name="emptied"/> required slots taken out again.</summary>
    private async Task<(Guid Id, List<Guid> EmptiedSlots)> DraftAsync(string carrier, int emptied, Guid? call = null)
    {
        var id = await data.StartAsync(call ?? await data.CallIdAsync(), carrier);
        await data.CompleteAsync(id);
        var slots = await data.WithAsync(async (_, db) =>
        {
            var a = await db.Set<Application>().SingleAsync(x => x.Id == id);
            var version = await db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id).Select(v => v.Id).SingleAsync();
            var last = await db.Set<CallMaterialSlot>().Where(s => s.CallId == a.CallId && s.Required && !s.Generated && !s.IsDeclaration)
                .OrderByDescending(s => s.Order).Take(emptied).Select(s => s.Id).ToListAsync();
            db.RemoveRange(await db.Set<ApplicationMaterial>().Where(m => m.VersionId == version && last.Contains(m.SlotId)).ToListAsync());
            db.Actor.Operation = "测试.取出材料";
            await db.SaveChangesAsync();
            return last;
        });
        return (id, slots);
    }

    private static HttpRequestMessage Post(Guid id, Guid slot, byte[] body, string fileName, string contentType = "application/pdf", Guid? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submit-with-material/{slot}?fileName={Uri.EscapeDataString(fileName)}")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("Idempotency-Key", (key ?? Guid.NewGuid()).ToString());
        return request;
    }

    private Task<(ApplicationStatus Status, int InSlot, string? Receipt)> StateAsync(Guid id, Guid slot) => data.WithAsync(async (_, db) =>
    {
        var a = await db.Set<Application>().SingleAsync(x => x.Id == id);
        var version = await db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id && v.Number == a.CurrentVersion).Select(v => v.Id).SingleAsync();
        return (a.Status, await db.Set<ApplicationMaterial>().CountAsync(m => m.VersionId == version && m.SlotId == slot), a.ReceiptNumber);
    });

    [Fact]
    public async Task The_last_material_and_the_submission_land_together_and_a_retry_is_answered_without_a_second_copy()
    {
        var (id, slots) = await DraftAsync("昆明五华创新创业园", emptied: 1);
        using var client = await app.SignedInAsync("km.applicant");
        var file = Megabyte("last");
        var key = Guid.NewGuid();

        var response = await client.SendAsync(Post(id, slots[0], file, "场地证明.pdf", key: key));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        // The first submission of the demo Kunming 2026 call in this database: receipt KM-2026-0001.
        Assert.Equal("KM-2026-0001", body.GetProperty("receiptNumber").GetString());

        var (stored, version) = await data.WithAsync(async (_, db) =>
        {
            var m = await db.Set<ApplicationMaterial>().SingleAsync(x => x.SlotId == slots[0] && db.Set<ApplicationVersion>().Any(v => v.Id == x.VersionId && v.ApplicationId == id));
            return (m, await db.Set<ApplicationVersion>().SingleAsync(v => v.ApplicationId == id && v.Number == 1));
        });
        Assert.Equal(VersionState.Submitted, version.State);
        Assert.Equal(version.PackageHash, body.GetProperty("packageHash").GetString());
        Assert.Equal(ApplicationJson.Sha256(version.SnapshotJson!), version.PackageHash);
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        Assert.Equal(sha, stored.Sha256, ignoreCase: true);
        Assert.Equal(1024 * 1024, stored.Size);
        // The frozen package lists the file that came with the submission, with its hash.
        var materials = JsonDocument.Parse(version.SnapshotJson!).RootElement.GetProperty("materials").EnumerateArray().ToList();
        Assert.Contains(materials, m => m.GetProperty("fileName").GetString() == "场地证明.pdf"
            && string.Equals(m.GetProperty("sha256").GetString(), sha, StringComparison.OrdinalIgnoreCase));
        var bytes = await data.WithAsync((_, db) => db.Set<Exemplar.Web.Infrastructure.Files.StoredFileContent>().Where(c => c.FileId == stored.FileId).Select(c => c.Content).SingleAsync());
        Assert.Equal(file, bytes);

        // The same key again (a client that lost the answer): replayed, no second file, no second receipt.
        var replay = await client.SendAsync(Post(id, slots[0], file, "场地证明.pdf", key: key));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((ApplicationStatus.Submitted, 1, "KM-2026-0001"), await StateAsync(id, slots[0]));

        // A new key on the submitted application: refused, and the file is not added to the submitted version.
        var again = await client.SendAsync(Post(id, slots[0], Megabyte("again"), "场地证明2.pdf"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(1, (await StateAsync(id, slots[0])).InSlot);
    }

    [Fact]
    public async Task While_every_place_for_work_beside_a_transaction_is_taken_a_submission_waits_its_turn_then_lands()
    {
        // A call of its own, so this test's receipt is not the demo call's first.
        var call = await data.CallAsync("kunming-base-2022", "km.city", "QW", title: "排队提交测试批次");
        var (id, slots) = await DraftAsync("昆明五华创新创业园", emptied: 1, call);
        using var client = await app.SignedInAsync("km.applicant");
        var gate = app.Services.GetRequiredService<ConnectionsBeside>();
        var taken = new List<System.Threading.RateLimiting.RateLimitLease>();
        for (var i = 0; i < gate.Units; i++) taken.Add((await gate.EnterAsync(default))!);

        var sent = client.SendAsync(Post(id, slots[0], Megabyte("queued"), "场地证明.pdf"));
        await Task.Delay(500);
        Assert.False(sent.IsCompleted);
        Assert.Equal((ApplicationStatus.Draft, 0, (string?)null), await StateAsync(id, slots[0]));

        foreach (var place in taken) place.Dispose();
        var response = await sent;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("QW-2026-0001", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("receiptNumber").GetString());
        Assert.Equal((ApplicationStatus.Submitted, 1, "QW-2026-0001"), await StateAsync(id, slots[0]));
    }

    [Fact]
    public async Task Evidence_sent_with_the_submission_is_named_in_the_frozen_report_of_a_draft_without_a_locked_report()
    {
        // A Kunming call whose officer asks for no generated report this year: the package is made from the draft at submission.
        var call = await data.CallAsync("kunming-base-2022", "km.city", "EV", title: "佐证随提交测试批次");
        await data.WithAsync(async (_, db) =>
        {
            foreach (var slot in await db.Set<CallMaterialSlot>().Where(x => x.CallId == call && x.Generated).ToListAsync()) slot.Generated = false;
            db.Actor.Operation = "测试.不生成申请报告";
            return await db.SaveChangesAsync();
        });
        var (id, slots) = await DraftAsync("昆明五华创新创业园", emptied: 1, call);
        // 第六条第（二）项 独立法人资格 is attested, its evidence the slot whose file comes with the submission.
        var (_, org, _) = await data.CarrierAsync("昆明五华创新创业园");
        var saved = await data.WithAsync(async (s, _) => await s.GetRequiredService<SaveProfileHandler>().HandleAsync(new SaveProfileCommand(id, org,
            await data.VersionTokenAsync(id), new Dictionary<string, string?> { ["a.attestations.independentLegalPerson"] = "true", ["e.attestations.independentLegalPerson"] = slots[0].ToString() }), default));
        Assert.True(saved.Ok, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));

        using var client = await app.SignedInAsync("km.applicant");
        var response = await client.SendAsync(Post(id, slots[0], Megabyte("evidence"), "营业执照.pdf"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var snapshot = await data.WithAsync((_, db) => db.Set<ApplicationVersion>().Where(v => v.ApplicationId == id && v.Number == 1).Select(v => v.SnapshotJson!).SingleAsync());
        var fact = JsonDocument.Parse(snapshot).RootElement.GetProperty("report").GetProperty("facts").EnumerateArray()
            .Single(x => x.GetProperty("key").GetString() == "attestations.independentLegalPerson");
        Assert.Contains("营业执照.pdf", fact.GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_refused_file_or_a_refused_submission_keeps_neither()
    {
        using var client = await app.SignedInAsync("km.applicant2");

        // Two required materials missing. A renamed executable into the first: refused by its content, nothing kept.
        var (id, slots) = await DraftAsync("盘龙众创空间", emptied: 2);
        var exe = new byte[4096];
        "MZ"u8.CopyTo(exe);
        var refused = await client.SendAsync(Post(id, slots[0], exe, "场地证明.pdf"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("未能提交", problem.GetProperty("title").GetString());
        Assert.Contains("按文件内容判断", problem.GetProperty("detail").GetString());
        Assert.Equal((ApplicationStatus.Draft, 0, (string?)null), await StateAsync(id, slots[0]));

        // Just over the 20 MB file limit (Exemplar:Uploads:MaxFileBytes): read in full and refused in Chinese, not a bare 413.
        var oversized = Megabyte("big").Concat(new byte[20 * 1024 * 1024 - 1024 * 1024 + 1]).ToArray();
        var tooLarge = await client.SendAsync(Post(id, slots[0], oversized, "场地证明.pdf"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLarge.StatusCode);
        Assert.Contains("超过 20 MB 的上限", JsonDocument.Parse(await tooLarge.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());

        // A good file into the first: the submission is refused for the second, and the good file is not kept either —
        // neither its record nor its bytes, which were written beside the submission's transaction.
        var good = Megabyte("two");
        var missing = await client.SendAsync(Post(id, slots[0], good, "材料.pdf"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("缺少必需材料", JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.Equal((ApplicationStatus.Draft, 0, (string?)null), await StateAsync(id, slots[0]));
        var sha = Convert.ToHexStringLower(SHA256.HashData(good));
        Assert.Equal((0, 0), await data.WithAsync(async (_, db) => (
            await db.Set<Exemplar.Web.Infrastructure.Files.StoredFile>().CountAsync(f => f.Sha256 == sha),
            await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM stored_file_contents WHERE encode(sha256(content), 'hex') = {sha}").SingleAsync())));
    }

    [Fact]
    public async Task A_form_type_an_unknown_slot_and_another_organisations_draft_are_refused()
    {
        var (id, slots) = await DraftAsync("五华创新创业园高新分园", emptied: 1);
        using var owner = await app.SignedInAsync("km.applicant");
        // A body a cross-site form could send: 415, before anything is read.
        var formType = await owner.SendAsync(Post(id, slots[0], Megabyte("x"), "a.pdf", contentType: "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formType.StatusCode);
        // The framework's own answer, in Chinese like every other (its default title was “Unsupported Media Type”).
        Assert.Equal("不支持的内容类型", JsonDocument.Parse(await formType.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await owner.SendAsync(Post(id, Guid.NewGuid(), Megabyte("x"), "a.pdf"))).StatusCode);
        using var stranger = await app.SignedInAsync("km.applicant2");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendAsync(Post(id, slots[0], Megabyte("x"), "a.pdf"))).StatusCode);
        using var officer = await app.SignedInAsync("km.wuhua");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.SendAsync(Post(id, slots[0], Megabyte("x"), "a.pdf"))).StatusCode);
        Assert.Equal((ApplicationStatus.Draft, 0, (string?)null), await StateAsync(id, slots[0]));
    }
}
