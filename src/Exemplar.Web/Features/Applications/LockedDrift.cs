namespace Exemplar.Web.Features.Applications;

/// <summary>One fact whose value on the current ledger is not the one the locked report holds.</summary>
public sealed record DriftedFact(string Label, string Locked, string Current);

/// <summary>
/// What has moved since a report was locked: the profile's facts, as the report shows them, whose value worked out from
/// today's ledger differs from the locked one. Submission goes by the locked data, so the applicant is told what it
/// leaves out before choosing between submitting it and generating the report again.
/// </summary>
public static class LockedDrift
{
    public static IReadOnlyList<DriftedFact> Of(string lockedJson, IReadOnlyList<ProfileFact> current)
    {
        var locked = ApplicationJson.ReadRecord<LockedFacts>(lockedJson).Facts.ToDictionary(f => f.Key, f => f.Value);
        var drift = new List<DriftedFact>();
        foreach (var fact in current)
        {
            var now = ApplicationProfile.Show(fact.Effective, fact.Definition);
            var then = locked.GetValueOrDefault(fact.Key) ?? "—";
            if (now != then) drift.Add(new DriftedFact(fact.Definition.Label, then, now));
        }
        return drift;
    }

    /// <summary>The part of a locked <see cref="ReportData"/> compared here; the rest of the document is skipped.</summary>
    private sealed record LockedFacts(IReadOnlyList<PackageFact> Facts);
}
