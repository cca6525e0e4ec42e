using Exemplar.Domain.Ledger;
using Exemplar.Domain.Policies;
using Exemplar.Web.Features.Calls;
using Exemplar.Web.Features.Carriers;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Ledger;
using Exemplar.Web.Features.Organizations;
using Exemplar.Web.Features.Surveys;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// Reads everything a stamped report shows for one application version, as of now: the carrier and its operator, the
/// typed details and narrative, the profile with the engine's result, and the records behind the official tables.
/// A caller that has just worked out the profile and result (the submission's check) passes them instead of their being read again.
/// </summary>
public sealed class ReportDataBuilder(ExemplarDbContext db, ApplicationProfile profiles, JurisdictionTreeCache trees)
{
    public async Task<ReportData> BuildAsync(PolicyVersion policy, Call call, Carrier carrier, ApplicationVersion version, CancellationToken ct,
        LiveEligibility? built = null)
    {
        if (built is null)
        {
            var (profile, profileFacts, _) = await profiles.BuildAsync(policy, call, carrier, version, ct);
            built = new LiveEligibility(profileFacts, ApplicationEligibility.Evaluate(policy, profile));
        }
        var (facts, evaluation) = (built.Facts, built.Evaluation);
        var org = await db.Set<Organization>().AsNoTracking().SingleAsync(o => o.Id == carrier.OrganizationId, ct);
        var tree = await trees.GetAsync(ct);
        var year = version.ProfileYear;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

        var residents = await db.Set<ResidentEnterprise>().AsNoTracking().Include(r => r.Years)
            .Where(r => r.CarrierId == carrier.Id && r.EntryDate <= to && (r.ExitDate == null || r.ExitDate >= new DateOnly(year - 1, 1, 1)))
            .OrderBy(r => r.EntryDate).ThenBy(r => r.Name).ToListAsync(ct);
        var names = residents.ToDictionary(r => r.Id, r => r.Name);
        var staff = await db.Set<ServiceStaff>().AsNoTracking().Where(s => s.CarrierId == carrier.Id).OrderBy(s => s.Name).ToListAsync(ct);
        var partners = await db.Set<PartnerAgency>().AsNoTracking().Where(p => p.CarrierId == carrier.Id).OrderBy(p => p.AgreementFrom).ThenBy(p => p.Name).ToListAsync(ct);
        var entries = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.CarrierId == carrier.Id && e.Date >= from && e.Date <= to)
            .OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync(ct);
        var answers = await (from i in db.Set<SurveyInvitation>()
                             join a in db.Set<SurveyAnswer>() on i.Id equals a.InvitationId
                             where i.CarrierId == carrier.Id && i.Year == year && i.AnsweredAt != null && a.Function == null
                             select new { i.EnterpriseId, a.Satisfied }).ToListAsync(ct);
        var received = entries.SelectMany(e => e.ResidentIds.Select(id => (id, e.Function))).ToLookup(x => x.id, x => x.Function);
        var narratives = ApplicationJson.Read<Dictionary<string, string>>(version.NarrativesJson);

        return new ReportData(
            new PackageCall(call.Id, call.Title, call.ProgrammeId, call.PolicyVersion, call.PolicyHash, call.Year, call.ReferenceDate, call.ApplicationDeadline),
            new PackageCarrier(carrier.Id, carrier.Name, LedgerLabels.Of(carrier.Kind), carrier.JurisdictionCode, tree.FullName(carrier.JurisdictionCode),
                carrier.LeadingIndustries, LedgerLabels.Of(carrier.PrimaryType), carrier.Area, carrier.PublicServiceArea, carrier.EstablishedOn),
            new PackageOperator(org.Id, org.Name, org.Uscc),
            ApplicationJson.Read<ApplicantDetails>(version.DetailsJson),
            year,
            facts.Select(f => new PackageFact(f.Key, f.Definition.Label, ApplicationProfile.Show(f.Effective, f.Definition),
                Domain.Policies.FactSourceLabel.ToChinese(f.Effective?.Source), f.Overrides ? ApplicationProfile.Show(f.Ledger, f.Definition) : null,
                f.Entered?.Reason)).ToList(),
            EvaluationJson.ToDto(evaluation),
            residents.Select(r => new PackageResident(r.Id, r.Name, r.Uscc, r.EntryDate, r.ExitDate, r.Industry, r.InLeadingIndustry, LedgerLabels.Of(r.SizeClass),
                r.ContactName, r.ContactPhone,
                r.Years.Where(y => y.Year == year - 1 || y.Year == year).OrderBy(y => y.Year).Select(y => new PackageResidentYear(y.Year, y.Employees, y.RevenueWan,
                    y.PatentsApplied, y.PatentsHeld, y.HighTechRecognitions, y.TechSmeRecognitions, y.OtherOutcomes)).ToList())).ToList(),
            staff.Select(s => new PackageStaff(s.Id, s.Name, s.Position, s.FullTime, LedgerLabels.Of(s.Education), LedgerLabels.Of(s.Title), s.MentorCertificate, s.YearsAtBase,
                s.Education >= Education.Bachelor, s.Title >= TitleLevel.Intermediate)).ToList(),
            partners.Select(p => new PackagePartner(p.Id, p.Name, p.AgreementFrom, p.AgreementTo, p.Services)).ToList(),
            entries.Select(e => new PackageActivity(e.Id, ServiceFunctions.Label(e.Function), e.Date, e.Place, LedgerLabels.Of(e.Form), LedgerLabels.Of(e.Topic),
                e.PersonCount, LedgerLabels.Of(e.Fee), e.ResidentIds.Count + e.OtherNames.Count,
                [.. e.ResidentIds.Select(id => names.GetValueOrDefault(id, "（已删除企业）")), .. e.OtherNames], e.OutcomeText)).ToList(),
            answers.Where(a => names.ContainsKey(a.EnterpriseId)).OrderBy(a => names[a.EnterpriseId], StringComparer.Ordinal).Select(a =>
            {
                var r = residents.First(x => x.Id == a.EnterpriseId);
                var services = string.Join("、", received[a.EnterpriseId].Distinct().Order().Select(ServiceFunctions.Label));
                return new PackageSatisfaction(a.EnterpriseId, r.Name, r.ContactName, r.ContactPhone, services.Length == 0 ? "—" : services, a.Satisfied);
            }).ToList(),
            NarrativeSections.All.Select(s => new PackageNarrative(s.Key, s.Number + s.Heading, narratives.GetValueOrDefault(s.Key, ""))).ToList());
    }
}
