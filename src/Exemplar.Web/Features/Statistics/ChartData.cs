using System.Text.Json;

namespace Exemplar.Web.Features.Statistics;

/// <summary>A bar chart's data for <c>wwwroot/js/statistics-charts.js</c>: the same figures as the table beside it.</summary>
public sealed record ChartData(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, bool Stacked)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record ChartSeries(string Name, IReadOnlyList<int> Data);
