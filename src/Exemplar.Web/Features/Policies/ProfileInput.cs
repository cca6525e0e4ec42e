using System.Text;
using System.Text.Json;
using Exemplar.Domain.Policies;

namespace Exemplar.Web.Features.Policies;

/// <summary>A profile read from pasted, uploaded or posted JSON, or the reason it was refused.</summary>
public sealed record ProfileInputResult(Profile? Profile, string? PolicyId, string? Path, string? Error)
{
    public bool Succeeded => Profile is not null;
}

/// <summary>Reads the documented profile format (policies/README.md) with Chinese messages naming the problem and its path.</summary>
public static class ProfileInput
{
    public const int MaxBytes = 256 * 1024;

    public static ProfileInputResult Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Fail("$", "档案内容为空，请粘贴或上传档案 JSON。");
        }

        if (Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            return Fail("$", $"档案超过 {MaxBytes / 1024} KB 的大小限制。");
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            string? policyId = null;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("policyId", out var p))
            {
                if (p.ValueKind == JsonValueKind.String)
                {
                    policyId = p.GetString();
                }
                else if (p.ValueKind != JsonValueKind.Null)
                {
                    return Fail("$.policyId", "政策标识 policyId 应为字符串。");
                }
            }

            return new ProfileInputResult(ProfileJson.Parse(root), string.IsNullOrWhiteSpace(policyId) ? null : policyId, null, null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"第 {line + 1} 行第 {(ex.BytePositionInLine ?? 0) + 1} 个字节附近" : "某处";
            return Fail(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, $"不是有效的 JSON：{where}有语法错误（如缺少逗号、引号或括号）。");
        }
        catch (ProfileFormatException ex)
        {
            return Fail(ex.Path, $"档案格式错误：{ex.Path} {StripPath(ex)}");
        }
        catch (InvalidOperationException)
        {
            // JsonElement accessors throw this when a value has the wrong kind (e.g. "functions": 3).
            return Fail("$.facts", "档案格式错误：facts 中某项的类型不对（functions 与 attestations 应为对象）。");
        }
    }

    public static async Task<ProfileInputResult> ReadAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += read;
        }

        if (total > MaxBytes)
        {
            return Fail("$", $"档案超过 {MaxBytes / 1024} KB 的大小限制。");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(buffer, 0, total);
        }
        catch (DecoderFallbackException)
        {
            return Fail("$", "档案不是 UTF-8 编码的文本。");
        }

        return Parse(text);
    }

    private static string StripPath(ProfileFormatException ex) =>
        ex.Message.StartsWith(ex.Path + ": ", StringComparison.Ordinal) ? ex.Message[(ex.Path.Length + 2)..] : ex.Message;

    private static ProfileInputResult Fail(string path, string message) => new(null, null, path, message);
}
