using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Exemplar.Web.Features.Reviews;

/// <summary>
/// Reads an expert's marks from a scoring form (<c>Scores[key]</c> per rubric item; blank = not scored), used by the
/// application review and the evaluation round alike; a mark that is not a number is a Chinese message on its field.
/// </summary>
public static class RubricScoresForm
{
    public static void Read(IFormCollection form, IEnumerable<(string Key, string Label)> items, IDictionary<string, decimal?> scores, ModelStateDictionary state)
    {
        foreach (var (key, label) in items)
        {
            var raw = form[$"Scores[{key}]"].ToString().Trim();
            if (raw.Length == 0) continue;
            if (decimal.TryParse(raw, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v)) scores[key] = v;
            else state.AddModelError($"Scores[{key}]", $"“{label}”的得分应为数字，“{(raw.Length > 10 ? raw[..10] + "…" : raw)}”不是数字。");
        }
    }
}
