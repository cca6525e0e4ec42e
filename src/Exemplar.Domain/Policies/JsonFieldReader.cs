using System.Globalization;
using System.Text.Json;

namespace Exemplar.Domain.Policies;

/// <summary>Reads fields of a JSON object, recording each problem with its JSON path instead of throwing.</summary>
internal sealed class JsonFieldReader(string source, List<PolicyLoadError> errors)
{
    public void Error(string path, string message) => errors.Add(new PolicyLoadError(source, path, message));

    public bool IsObject(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(path, "应为 JSON 对象 (expected an object)");
        return false;
    }

    public bool Has(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public string String(JsonElement obj, string name, string path)
    {
        if (obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
        {
            return v.GetString()!;
        }

        Error($"{path}.{name}", obj.TryGetProperty(name, out _) ? "应为非空字符串" : "缺少必填字段");
        return string.Empty;
    }

    public string? OptionalString(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            return v.GetString();
        }

        Error($"{path}.{name}", "应为字符串或 null");
        return null;
    }

    public decimal Number(JsonElement obj, string name, string path)
    {
        if (obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
        {
            return d;
        }

        Error($"{path}.{name}", obj.TryGetProperty(name, out _) ? "应为数字" : "缺少必填字段");
        return 0;
    }

    public int? OptionalInt(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i))
        {
            return i;
        }

        Error($"{path}.{name}", "应为整数或 null");
        return null;
    }

    public bool Bool(JsonElement obj, string name, string path, bool? defaultValue = null)
    {
        if (obj.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        if (!obj.TryGetProperty(name, out _) && defaultValue is { } d)
        {
            return d;
        }

        Error($"{path}.{name}", obj.TryGetProperty(name, out _) ? "应为 true 或 false" : "缺少必填字段");
        return false;
    }

    public DateOnly? OptionalDate(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            Error($"{path}.{name}", "缺少字段（文本未载明时写 null）");
            return null;
        }

        if (v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String &&
            DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error($"{path}.{name}", $"日期应为 yyyy-MM-dd 或 null，实际为 {v.GetRawText()}");
        return null;
    }

    public IEnumerable<(JsonElement Item, string Path)> Array(JsonElement obj, string name, string path, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error($"{path}.{name}", "缺少必填字段（数组）");
            }

            yield break;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Error($"{path}.{name}", "应为数组");
            yield break;
        }

        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            yield return (item, $"{path}.{name}[{i++}]");
        }
    }

    public IReadOnlyList<string> Strings(JsonElement obj, string name, string path, bool required = false) =>
        Array(obj, name, path, required)
            .Select(x =>
            {
                if (x.Item.ValueKind == JsonValueKind.String)
                {
                    return x.Item.GetString()!;
                }

                Error(x.Path, "应为字符串");
                return string.Empty;
            })
            .ToList();

    public JsonElement Object(JsonElement obj, string name, string path)
    {
        if (obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object)
        {
            return v;
        }

        Error($"{path}.{name}", obj.TryGetProperty(name, out _) ? "应为对象" : "缺少必填字段（对象）");
        return default;
    }
}
