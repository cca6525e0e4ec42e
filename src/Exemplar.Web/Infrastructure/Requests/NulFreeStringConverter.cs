using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exemplar.Web.Infrastructure.Requests;

/// <summary>JSON bodies bound by minimal APIs: a string with a NUL byte is a malformed request (400), as in forms and queries.</summary>
internal sealed class NulFreeStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Check(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Check(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Check(string? s) =>
        RequestGuardMiddleware.HasNul(s) ? throw new JsonException("字符串中含有空字符（\\u0000）。") : s;
}
