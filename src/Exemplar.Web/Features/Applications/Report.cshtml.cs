using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The application report as it will be printed: from the locked data once generated (what the stamp vouches for and
/// the submission carries), else a preview of the draft as it stands.
/// </summary>
public sealed class ReportModel(ReportDataBuilder builder, ReportDocuments documents) : ApplicationPageModel
{
    public ReportData Data { get; private set; } = null!;
    public bool Locked { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? version, CancellationToken ct)
    {
        var v = Record.Current;
        var json = v.LockedJson;
        if (version is { } n && n != v.Number) return Redirect($"{BaseUrl}/Versions/{n}");
        Locked = json is not null;
        Data = Locked ? ApplicationJson.ReadRecord<ReportData>(json!) : await builder.BuildAsync(Record.Policy, Record.Call, Record.Carrier, v, ct);
        return Page();
    }

    /// <summary>下载申请报告（Word）: only of locked data — a preview must not be stamped.</summary>
    public IActionResult OnGetWord()
    {
        var v = Record.Current;
        var word = v is { LockedJson: { } json, LockedHash: { } hash, LockedAt: { } at } ? documents.Word(json, hash, at) : null;
        if (word is null)
        {
            TempData["Flash"] = "请先在“申报材料”页生成申请报告并锁定数据，再下载Word版。";
            return Redirect($"{BaseUrl}/Report");
        }
        return File(word.Bytes, word.ContentType, word.FileName);
    }
}
