using Exemplar.Domain.Calendar;
using static Exemplar.Domain.Tests.Calendar.ShippedCalendar;

namespace Exemplar.Domain.Tests.Calendar;

public class ReminderSelectorTests
{
    private static readonly int[] Leads = [30, 7, 1];

    private static IReadOnlyList<Obligation> TibetObligations() =>
        ObligationDeriver.Derive(ProgrammeRules.TibetBase,
            new ObligationFacts("base-1", DesignatedOn: D(2024, 6, 14), ReportingYears: new YearRange(2025, 2025)), Instance);

    [Fact]
    public void DailyJobSendsEachLeadOnceAndNeverRepeats()
    {
        var obligations = TibetObligations(); // summary due 2026-01-31, report due 2026-02-28, expiry 2027-06-14
        var sent = new HashSet<ReminderKey>();
        var log = new List<(DateOnly Day, ReminderKey Key)>();
        for (var day = D(2025, 12, 1); day <= D(2026, 3, 10); day = day.AddDays(1))
        {
            // Run twice a day, as two app instances might: the second run finds nothing new.
            for (var run = 0; run < 2; run++)
            {
                foreach (var r in ReminderSelector.SelectDue(obligations, Leads, sent, day))
                {
                    Assert.DoesNotContain(r.Key, sent);
                    log.Add((day, r.Key));
                    sent.UnionWith(r.KeysToRecord);
                }
            }
        }
        Assert.Equal(log.Count, log.Select(l => l.Key).Distinct().Count());
        var summary = log.Where(l => l.Key.ObligationKey.EndsWith("AnnualSummary/2025", StringComparison.Ordinal)).ToList();
        Assert.Equal([(D(2026, 1, 1), 30), (D(2026, 1, 24), 7), (D(2026, 1, 30), 1)], summary.Select(l => (l.Day, l.Key.LeadDays)));
        Assert.Equal(6, log.Count); // summary and report, three leads each; the 2027 expiry is out of range
    }

    [Fact]
    public void AfterAnOutageOnlyTheMostUrgentLeadIsSentAndTheOthersAreCovered()
    {
        var summary = TibetObligations().Single(o => o.Kind == ObligationKind.AnnualSummary);
        var reminders = ReminderSelector.SelectDue([summary], Leads, new HashSet<ReminderKey>(), D(2026, 1, 27));
        var r = Assert.Single(reminders);
        Assert.Equal(7, r.LeadDays);
        Assert.Equal(4, r.DaysLeft);
        Assert.Equal([30, 7], r.KeysToRecord.Select(k => k.LeadDays).Order().Reverse());
        Assert.StartsWith("距截止还有4天：", r.Text, StringComparison.Ordinal);
        Assert.Empty(ReminderSelector.SelectDue([summary], Leads, r.KeysToRecord.ToHashSet(), D(2026, 1, 28)));
    }

    [Fact]
    public void DoneAndOverdueObligationsGetNoLeadReminders()
    {
        var summary = TibetObligations().Single(o => o.Kind == ObligationKind.AnnualSummary);
        var none = new HashSet<ReminderKey>();
        Assert.Empty(ReminderSelector.SelectDue([summary], Leads, none, D(2026, 1, 30), new HashSet<string> { summary.Key }));
        Assert.Empty(ReminderSelector.SelectDue([summary], Leads, none, D(2026, 2, 1)));
        Assert.Equal("今天截止：", ReminderSelector.SelectDue([summary], [0], none, D(2026, 1, 31)).Single().Text[..5]);
    }

    [Fact]
    public void OverdueDetection()
    {
        var obligations = TibetObligations();
        var summary = obligations.Single(o => o.Kind == ObligationKind.AnnualSummary);
        Assert.Equal(ObligationStatus.DueToday, ReminderSelector.StatusOn(summary, D(2026, 1, 31)));
        Assert.Equal(ObligationStatus.Overdue, ReminderSelector.StatusOn(summary, D(2026, 2, 1)));
        Assert.Equal(ObligationStatus.Done, ReminderSelector.StatusOn(summary, D(2026, 2, 1), new HashSet<string> { summary.Key }));
        Assert.Equal([summary], ReminderSelector.Overdue(obligations, D(2026, 2, 1)));
        Assert.Equal(2, ReminderSelector.Upcoming(obligations, D(2026, 1, 10), 60).Count);
    }

    [Fact]
    public void AMovedDueDateIsRemindedAfresh()
    {
        var before = new Obligation("p/s/ChangeFiling/2026-12-24", ObligationKind.ChangeFiling, ObligationParty.Base, "变更备案",
            D(2027, 1, 7), true, "第十五条", Instance.Classify(D(2027, 1, 7)));
        var sent = ReminderSelector.SelectDue([before], Leads, new HashSet<ReminderKey>(), D(2027, 1, 6)).Single().KeysToRecord.ToHashSet();
        Assert.Contains("暂定", ReminderSelector.SelectDue([before], Leads, new HashSet<ReminderKey>(), D(2027, 1, 6)).Single().Text, StringComparison.Ordinal);
        var after = before with { DueDate = D(2027, 1, 8), IsProvisional = false };
        Assert.Empty(ReminderSelector.SelectDue([before], Leads, sent, D(2027, 1, 6)));
        Assert.Single(ReminderSelector.SelectDue([after], Leads, sent, D(2027, 1, 6)));
    }
}
