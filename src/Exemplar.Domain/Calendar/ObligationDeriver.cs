namespace Exemplar.Domain.Calendar;

/// <summary>Derives every obligation a programme's rules impose, given one subject's facts. Pure: same input, same output.</summary>
public static class ObligationDeriver
{
    public static IReadOnlyList<Obligation> Derive(ObligationRules rules, ObligationFacts facts, HolidayCalendar calendar)
    {
        var result = new List<Obligation>();
        var validity = rules.Validity is { } v && facts.DesignatedOn is { } announced ? new ValidityPeriod(announced, v.Years) : null;
        var prefix = string.IsNullOrWhiteSpace(facts.SubjectName) ? string.Empty : facts.SubjectName + "：";

        Obligation Make(string scope, ObligationKind kind, string discriminator, ObligationParty party, string title,
            ComputedDate due, string citation, DateOnly? opensOn = null)
        {
            var day = calendar.Classify(due.Date);
            return new Obligation($"{scope}/{kind}/{discriminator}", kind, party, title, due.Date,
                due.IsProvisional || day.IsProvisional, citation, day, opensOn);
        }

        var subject = $"{rules.ProgrammeKey}/{facts.SubjectKey}";

        if (rules.PublicNotice is { } notice && facts.CallNoticePublishedOn is { } published)
        {
            var period = calendar.PublicNotice(published, notice.WorkingDays);
            result.Add(Make(subject, ObligationKind.PublicNoticeEnd, Iso(published), ObligationParty.DesignatingAuthority,
                $"{prefix}公示期结束（公示{notice.WorkingDays}个工作日，{ChinaDate.Format(period.Start)}至{ChinaDate.Format(period.End)}）",
                new ComputedDate(period.End, period.IsProvisional), notice.Citation, period.Start));
        }

        foreach (var year in facts.ReportingYears?.Years() ?? [])
        {
            if (rules.AnnualSummary is { } summary && IsDesignatedDuring(year, facts.DesignatedOn, validity))
            {
                var due = summary.Due.DateIn(year + 1);
                result.Add(Make(subject, ObligationKind.AnnualSummary, year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ObligationParty.Base, $"{prefix}报送{year}年度工作总结（每年{summary.Due}前）",
                    new ComputedDate(due, false), summary.Citation, new DateOnly(year + 1, 1, 1)));
            }
            if (rules.AnnualReport is { } report)
            {
                var due = report.Due.DateIn(year + 1);
                result.Add(Make(subject, ObligationKind.AnnualReport, year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ObligationParty.LocalAuthority, $"{prefix}报送{year}年度示范基地工作总结和检查情况报告（每年{report.Due}前）",
                    new ComputedDate(due, false), report.Citation, new DateOnly(year + 1, 1, 1)));
            }
        }

        if (rules.ChangeFiling is { } change)
        {
            foreach (var completed in (facts.ChangesCompletedOn ?? []).Distinct().Order())
            {
                result.Add(Make(subject, ObligationKind.ChangeFiling, Iso(completed), ObligationParty.Base,
                    $"{prefix}重大变更事项备案（{change.Event ?? "变更完成"}于{ChinaDate.Format(completed)}，{change.WorkingDays}个工作日内{(change.SubmitTo is null ? "" : "报" + change.SubmitTo + "备案")}）",
                    calendar.WithinWorkingDaysAfter(completed, change.WorkingDays), change.Citation, completed));
            }
        }

        if (validity is not null)
        {
            if (rules.ReReviewInExpiryYear is { } reReview)
            {
                // 期满当年须申请复核: the window opens on 1 January of the expiry year; applying after the last
                // valid day would leave a gap, so the last valid day is the due date.
                result.Add(Make(subject, ObligationKind.ReReview, validity.ExpiryYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ObligationParty.Base, $"{prefix}期满当年申请复核（有效期至{ChinaDate.Format(validity.LastDay)}）",
                    new ComputedDate(validity.LastDay, false), reReview.Citation, new DateOnly(validity.ExpiryYear, 1, 1)));
            }
            result.Add(Make(subject, ObligationKind.ValidityExpiry, Iso(validity.AnnouncedOn), ObligationParty.DesignatingAuthority,
                $"{prefix}示范基地有效期届满（{validity.Years}年，自{ChinaDate.Format(validity.AnnouncedOn)}公告起，至{ChinaDate.Format(validity.LastDay)}）",
                new ComputedDate(validity.LastDay, false), rules.Validity!.Citation));
        }

        if (rules.PolicyExpiry is { } policy)
        {
            result.Add(Make(rules.ProgrammeKey, ObligationKind.PolicyExpiry, Iso(policy.EffectiveTo), ObligationParty.DesignatingAuthority,
                $"管理办法有效期至{ChinaDate.Format(policy.EffectiveTo)}，届满后在新版本录入前不再受理新的申报",
                new ComputedDate(policy.EffectiveTo, false), policy.Citation, policy.EffectiveTo.AddDays(-policy.WarningLeadDays)));
        }

        return result;
    }

    /// <summary>Derives for many subjects; programme-wide obligations (policy expiry) appear once.</summary>
    public static IReadOnlyList<Obligation> DeriveAll(ObligationRules rules, IEnumerable<ObligationFacts> subjects, HolidayCalendar calendar) =>
        [.. subjects.SelectMany(f => Derive(rules, f, calendar)).DistinctBy(o => o.Key)];

    private static bool IsDesignatedDuring(int year, DateOnly? designatedOn, ValidityPeriod? validity) =>
        designatedOn is not { } d || (d.Year <= year && (validity is null || validity.LastDay.Year >= year));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
