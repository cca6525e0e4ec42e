using System.Text.Encodings.Web;
using System.Text.Json;
using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Forms;

namespace Exemplar.Web.Features.Ledger.Transfer;

/// <summary>Status codes of an <see cref="ImportJob"/> and their Chinese labels.</summary>
public static class ImportStatus
{
    public const string Running = "Running";
    /// <summary>All rows saved.</summary>
    public const string Succeeded = "Succeeded";
    /// <summary>Some rows had errors: nothing saved, the report lists them.</summary>
    public const string Rejected = "Rejected";
    /// <summary>The file itself was refused (size, type, encoding, package): nothing saved.</summary>
    public const string Refused = "Refused";
    /// <summary>Stopped before the end (connection closed, app stopping): the transaction rolled back, nothing saved.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>A running job that has not written progress for this long was interrupted (e.g. the app was killed).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    public static string Label(string status) => status switch
    {
        Running => "正在导入",
        Succeeded => "导入成功",
        Rejected => "有错误，未导入",
        Refused => "文件被拒绝，未导入",
        Cancelled => "已中断，未导入",
        _ => status,
    };

    public static string KindLabel(string kind) => ImportLayout.For(kind)?.Title ?? kind;
}

/// <summary>What an import job's page shows: a refusal or summary message and the row-level issues.</summary>
public sealed record ImportReport(string? Message, IReadOnlyList<ImportIssue> Issues, long Omitted)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ImportReport From(string? message, ImportIssues? issues) =>
        new(message, issues?.Kept ?? [], issues?.Omitted ?? 0);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportReport Read(string? json) =>
        string.IsNullOrEmpty(json) ? new(null, [], 0) : JsonSerializer.Deserialize<ImportReport>(json, Json) ?? new(null, [], 0);
}
