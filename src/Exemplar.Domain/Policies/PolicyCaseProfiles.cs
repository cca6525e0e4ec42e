using System.Globalization;
using System.Text.Json;

namespace Exemplar.Domain.Policies;

/// <summary>
/// The profiles of a <c>*.cases.json</c> file: the base profile and, for every case, the base profile with the
/// case's <c>set</c> applied (dotted fact keys; null removes a fact). Used to preview a draft revision.
/// </summary>
public static class PolicyCaseProfiles
{
    public static IReadOnlyList<Profile> Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var baseProfile = ProfileJson.Parse(root.GetProperty("baseProfile"));
        var profiles = new List<Profile> { baseProfile };
        if (!root.TryGetProperty("cases", out var cases))
        {
            return profiles;
        }

        foreach (var c in cases.EnumerateArray())
        {
            var profile = baseProfile;
            var reference = c.TryGetProperty("referenceDate", out var r) ? ParseDate(r) : profile.ReferenceDate;
            var deadline = profile.ApplicationDeadline;
            if (c.TryGetProperty("applicationDeadline", out var d))
            {
                deadline = d.ValueKind == JsonValueKind.Null ? null : ParseDate(d);
            }

            profile = profile.WithDates(reference, deadline);
            if (c.TryGetProperty("set", out var set))
            {
                foreach (var p in set.EnumerateObject())
                {
                    profile = profile.With(p.Name, ProfileJson.ParseFact(p.Name, p.Value, $"$.cases.set.{p.Name}"));
                }
            }

            var name = c.TryGetProperty("name", out var n) ? n.GetString() : null;
            profiles.Add(new Profile(profile.ReferenceDate, profile.ApplicationDeadline, profile.Facts, name));
        }

        return profiles;
    }

    private static DateOnly ParseDate(JsonElement e) =>
        DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
