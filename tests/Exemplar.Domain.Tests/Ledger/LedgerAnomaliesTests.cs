using Exemplar.Domain.Ledger;

namespace Exemplar.Domain.Tests.Ledger;

public sealed class LedgerAnomaliesTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly ResidentFact[] Residents = [new(A, "甲公司", new DateOnly(2025, 3, 1), new DateOnly(2025, 9, 30), SizeClass.Micro, true, [])];

    private static EntryFact E(int n, string date, int persons, bool feedback = true, string place = "厅", ServiceFunction f = ServiceFunction.ManagementConsulting, params Participant[] ps) =>
        new(new Guid(n, 0, 0, new byte[8]), f, DateOnly.Parse(date), ServiceForm.OneToOne, EventTopic.None, persons, FeeClass.Free, ps, place, feedback);

    private static IReadOnlyList<AnomalyKind> Kinds(params EntryFact[] es) => LedgerAnomalies.Find(es, Residents).Select(a => a.Kind).ToList();

    [Fact]
    public void A_clean_entry_raises_nothing() => Assert.Empty(Kinds(E(1, "2025-05-01", 2, ps: new Participant(A, "甲公司"))));

    [Fact]
    public void Identical_entries_are_flagged_as_duplicates()
    {
        var kinds = Kinds(E(1, "2025-05-01", 2, ps: new Participant(A, "甲公司")), E(2, "2025-05-01", 2, ps: new Participant(A, "甲公司")));
        Assert.Contains(AnomalyKind.DuplicateEntry, kinds);
    }

    [Fact]
    public void Same_enterprise_same_service_same_day_in_different_places_is_flagged()
    {
        var kinds = Kinds(E(1, "2025-05-01", 2, place: "甲", ps: new Participant(A, "甲公司")), E(2, "2025-05-01", 3, place: "乙", ps: new Participant(A, "甲公司")));
        Assert.Equal([AnomalyKind.SameEnterpriseSameDay], kinds);
    }

    [Fact]
    public void Service_before_entry_or_after_exit_is_outside_residency()
    {
        Assert.Equal([AnomalyKind.OutsideResidency], Kinds(E(1, "2025-02-28", 1, ps: new Participant(A, "甲公司"))));
        Assert.Equal([AnomalyKind.OutsideResidency], Kinds(E(1, "2025-10-01", 1, ps: new Participant(A, "甲公司"))));
        Assert.Empty(Kinds(E(1, "2025-09-30", 1, ps: new Participant(A, "甲公司"))));
    }

    [Fact]
    public void Head_counts_below_enterprises_or_above_5000_are_implausible()
    {
        Assert.Equal([AnomalyKind.ImplausibleHeadCount], Kinds(E(1, "2025-05-01", 1, ps: [new Participant(A, "甲公司"), new Participant(null, "乙")])));
        Assert.Equal([AnomalyKind.ImplausibleHeadCount], Kinds(E(1, "2025-05-01", 5001)));
        Assert.Empty(Kinds(E(1, "2025-05-01", 5000)));
    }

    [Fact]
    public void Missing_feedback_is_flagged() => Assert.Equal([AnomalyKind.MissingFeedback], Kinds(E(1, "2025-05-01", 0, feedback: false)));
}
