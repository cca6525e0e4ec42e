namespace Exemplar.Domain.Policies;

/// <summary>One piece of the text's own words a policy file holds, with the article it cites and its JSON path.</summary>
public sealed record PolicyQuote(string Path, string Citation, string Text, bool IsFormName = false);

/// <summary>
/// Every quote of a policy file outside the conditions — who may apply, undertakings, materials, procedure and
/// management — so tests can check each against the article it cites and lint can scan them.
/// </summary>
public static class PolicyQuotes
{
    public static IEnumerable<PolicyQuote> Rules(PolicyVersion p)
    {
        var a = p.Applicants;
        yield return new("$.applicants.quote", a.Citation, a.Quote);
        for (var i = 0; i < a.CarrierTypes.Count; i++)
        {
            yield return new($"$.applicants.carrierTypes[{i}].quote", a.Citation, a.CarrierTypes[i].Quote);
        }

        yield return new("$.applicants.region.quote", a.Region.Citation, a.Region.Quote);
        if (p.Transitional is { } t)
        {
            yield return new("$.transitional.text", t.Citation, t.Text);
        }

        for (var i = 0; i < p.Undertakings.Count; i++)
        {
            yield return new($"$.undertakings[{i}].text", p.Undertakings[i].Citation, p.Undertakings[i].Text);
        }

        for (var i = 0; i < p.Materials.Count; i++)
        {
            yield return new($"$.materials[{i}].text", p.Materials[i].Citation, p.Materials[i].Text);
            if (p.Materials[i].Form is { } f)
            {
                yield return Form($"$.materials[{i}].form", f);
            }
        }

        foreach (var q in Procedure(p.Procedure))
        {
            yield return q;
        }

        foreach (var q in Management(p.Management))
        {
            yield return q;
        }
    }

    private static PolicyQuote Form(string path, FormReference f) => new($"{path}.name", f.Citation, f.Name.Trim('《', '》'), IsFormName: true);

    private static IEnumerable<PolicyQuote> Cited(string path, CitedText? c) =>
        c is null ? [] : [new PolicyQuote($"{path}.text", c.Citation, c.Text)];

    private static IEnumerable<PolicyQuote> Procedure(ProcedureRules p)
    {
        const string root = "$.procedure";
        yield return new($"{root}.application.quote", p.Application.Citation, p.Application.Quote);
        if (p.Application.Form is { } af)
        {
            yield return Form($"{root}.application.form", af);
        }

        yield return new($"{root}.recommendation.quote", p.Recommendation.Citation, p.Recommendation.Quote);
        for (var i = 0; i < p.Recommendation.Levels.Count; i++)
        {
            var l = p.Recommendation.Levels[i];
            var lp = $"{root}.recommendation.levels[{i}]";
            yield return new($"{lp}.quote", l.Citation, l.Quote);
            foreach (var q in Cited($"{lp}.initialReview", l.InitialReview).Concat(Cited($"{lp}.onSiteAudit", l.OnSiteAudit)))
            {
                yield return q;
            }

            if (l.Assessment is { } a)
            {
                yield return new($"{lp}.assessment.quote", a.Citation, a.Quote);
            }

            if (l.SatisfactionSampling is { } s)
            {
                yield return new($"{lp}.satisfactionSampling.quote", s.Citation, s.Quote);
            }

            if (l.Form is { } f)
            {
                yield return Form($"{lp}.form", f);
            }
        }

        yield return new($"{root}.expertReview.quote", p.ExpertReview.Citation, p.ExpertReview.Quote);
        if (p.SiteInspection is { Citation: { } sc, Quote: { } sq })
        {
            yield return new($"{root}.siteInspection.quote", sc, sq);
        }

        if (p.PublicNotice.Quote is { } nq)
        {
            yield return new($"{root}.publicNotice.quote", p.PublicNotice.Citation, nq);
        }

        foreach (var q in Cited($"{root}.objectionHandling", p.ObjectionHandling)
                     .Concat(Cited($"{root}.collectiveDecision", p.CollectiveDecision))
                     .Concat(Cited($"{root}.plaque", p.Plaque))
                     .Concat(Cited($"{root}.frequency", p.Frequency)))
        {
            yield return q;
        }
    }

    private static IEnumerable<PolicyQuote> Management(ManagementRules m)
    {
        const string root = "$.management";
        if (m.Validity is { Citation: { } vc, Quote: { } vq })
        {
            yield return new($"{root}.validity.quote", vc, vq);
        }

        foreach (var (name, d) in new[] { ("annualSummaryDue", m.AnnualSummaryDue), ("localAnnualReportDue", m.LocalAnnualReportDue) })
        {
            if (d is not null)
            {
                yield return new($"{root}.{name}.wording", d.Citation, d.Wording);
            }
        }

        if (m.LocalChecks is { } lc)
        {
            yield return new($"{root}.localChecks.quote", lc.Citation, lc.Quote);
        }

        if (m.ChangeFiling is { } cf)
        {
            yield return new($"{root}.changeFiling.quote", cf.Citation, cf.Quote);
            if (cf.Outcome is { } o)
            {
                yield return new($"{root}.changeFiling.outcome.quote", o.Citation, o.Quote);
            }
        }

        for (var i = 0; i < m.RevocationGrounds.Count; i++)
        {
            var g = m.RevocationGrounds[i];
            yield return new($"{root}.revocationGrounds[{i}].text", g.Citation, g.Text);
            if (g.Consequence is { } c)
            {
                yield return new($"{root}.revocationGrounds[{i}].consequence.quote", g.Citation, c.Quote);
            }
        }

        for (var i = 0; i < m.ReapplicationBans.Count; i++)
        {
            yield return new($"{root}.reapplicationBans[{i}].quote", m.ReapplicationBans[i].Citation, m.ReapplicationBans[i].Quote);
        }

        if (m.Reapplication is { Citation: { } rc, Quote: { } rq })
        {
            yield return new($"{root}.reapplication.quote", rc, rq);
        }

        if (m.ReReview is { } rr)
        {
            yield return new($"{root}.reReview.quote", rr.Citation, rr.Quote);
        }

        if (m.Evaluation is { } e)
        {
            yield return new($"{root}.evaluation.quote", e.Citation, e.Quote);
            foreach (var q in Cited($"{root}.evaluation.nonParticipation", e.NonParticipation))
            {
                yield return q;
            }

            for (var i = 0; i < e.Outcomes.Count; i++)
            {
                yield return new($"{root}.evaluation.outcomes[{i}].quote", e.Outcomes[i].Citation, e.Outcomes[i].Quote);
            }
        }

        for (var i = 0; i < m.PeriodicReporting.Count; i++)
        {
            yield return new($"{root}.periodicReporting[{i}].quote", m.PeriodicReporting[i].Citation, m.PeriodicReporting[i].Quote);
        }

        foreach (var q in Cited($"{root}.priorityRecommendation", m.PriorityRecommendation))
        {
            yield return q;
        }
    }
}
