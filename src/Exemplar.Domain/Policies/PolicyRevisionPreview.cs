namespace Exemplar.Domain.Policies;

public sealed record ProfileChange(string? ProfileName, Verdict Before, Verdict After, IReadOnlyList<string> ChangedConditions);

public sealed record RevisionPreview(
    string CurrentId,
    string CurrentVersion,
    string DraftVersion,
    int Profiles,
    /// <summary>Met all quantitative conditions before, does not (or lacks data) under the draft.</summary>
    int NewlyExcluded,
    int NewlyQualified,
    int Unchanged,
    IReadOnlyDictionary<string, int> ChangesByCondition,
    IReadOnlyList<ProfileChange> Changes);

/// <summary>"How many of last year's applicants would this change exclude?"</summary>
public static class PolicyRevisionPreview
{
    public static RevisionPreview Compare(PolicyVersion current, PolicyVersion draft, IEnumerable<Profile> profiles)
    {
        var changes = new List<ProfileChange>();
        var byCondition = new Dictionary<string, int>(StringComparer.Ordinal);
        int excluded = 0, qualified = 0, unchanged = 0, count = 0;
        foreach (var profile in profiles)
        {
            count++;
            var before = EligibilityEvaluator.Evaluate(current, profile);
            var after = EligibilityEvaluator.Evaluate(draft, profile);
            var beforeStates = before.AllResults().GroupBy(r => r.ConditionId).ToDictionary(g => g.Key, g => g.First().State);
            var changed = after.AllResults()
                .Where(r => !beforeStates.TryGetValue(r.ConditionId, out var s) || s != r.State)
                .Select(r => r.ConditionId)
                .Concat(beforeStates.Keys.Where(id => after.Find(id) is null))
                .Distinct()
                .ToList();
            foreach (var id in changed)
            {
                byCondition[id] = byCondition.GetValueOrDefault(id) + 1;
            }

            if (before.Verdict == Verdict.MeetsAllQuantitative && after.Verdict != Verdict.MeetsAllQuantitative)
            {
                excluded++;
            }
            else if (before.Verdict != Verdict.MeetsAllQuantitative && after.Verdict == Verdict.MeetsAllQuantitative)
            {
                qualified++;
            }

            if (changed.Count == 0 && before.Verdict == after.Verdict)
            {
                unchanged++;
            }
            else
            {
                changes.Add(new ProfileChange(profile.Name, before.Verdict, after.Verdict, changed));
            }
        }

        return new RevisionPreview(current.Id, current.Version, draft.Version, count, excluded, qualified, unchanged, byCondition, changes);
    }
}
