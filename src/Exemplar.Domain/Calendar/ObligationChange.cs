namespace Exemplar.Domain.Calendar;

/// <summary>How one obligation differs between two derivations (e.g. before and after a year's notice is entered).</summary>
public sealed record ObligationChange(string Key, Obligation? Before, Obligation? After)
{
    /// <summary>Was provisional, is final now.</summary>
    public bool BecameFinal => Before is { IsProvisional: true } && After is { IsProvisional: false };

    public bool DueDateMoved => Before is not null && After is not null && Before.DueDate != After.DueDate;

    /// <summary>
    /// Compares two derivations by key and returns the obligations whose due date, provisional flag or day-off
    /// status changed, or that appear in only one of them.
    /// </summary>
    public static IReadOnlyList<ObligationChange> Compare(IEnumerable<Obligation> before, IEnumerable<Obligation> after)
    {
        var old = before.ToDictionary(o => o.Key);
        var now = after.ToDictionary(o => o.Key);
        return [.. old.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Select(k => new ObligationChange(k, old.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .Where(c => c.Before is null || c.After is null
                || c.Before.DueDate != c.After.DueDate
                || c.Before.IsProvisional != c.After.IsProvisional
                || c.Before.DueDay.Kind != c.After.DueDay.Kind)];
    }

    /// <summary>Recomputes with <paramref name="updated"/> and reports what changed against <paramref name="current"/>.</summary>
    public static IReadOnlyList<ObligationChange> Recompute(
        ObligationRules rules, IEnumerable<ObligationFacts> subjects, HolidayCalendar current, HolidayCalendar updated)
    {
        var list = subjects.ToList();
        return Compare(ObligationDeriver.DeriveAll(rules, list, current), ObligationDeriver.DeriveAll(rules, list, updated));
    }
}
