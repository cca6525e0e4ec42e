using Exemplar.Domain.Ledger;
using Exemplar.Web.Features.Documents;
using Exemplar.Web.Features.Documents.Applications;
using Exemplar.Web.Infrastructure;

namespace Exemplar.Web.Features.Applications;

/// <summary>
/// The 申请报告 as a Word file, generated from the report data as locked for stamping (the same record the HTML report
/// and the submission show), so the paper that is stamped carries exactly the locked figures. Same locked data, same bytes:
/// the copy downloaded before submission and the one in the submitted version's dossier are identical.
/// </summary>
public sealed class ReportDocuments(DocumentGenerator generator)
{
    /// <summary>
    /// Programmes whose application has a Word form: Kunming's 申请报告 (昆工信规〔2022〕1号 附件1), Tibet's base 申请报告
    /// (附件2, layout the system's) and Liaocheng's 认定申请表 (第十条, layout the system's). The Tibet platform text names no form.
    /// </summary>
    public static bool HasWord(string programmeId) => programmeId is KunmingProgramme or TibetBaseProgramme or LiaochengProgramme;

    public const string KunmingProgramme = "kunming-base-2022";
    public const string TibetBaseProgramme = "xizang-base-2017";
    public const string LiaochengProgramme = "liaocheng-base-2021";

    /// <summary>The Word report of locked data; null for a programme without a Word layout.</summary>
    public GeneratedDocument? Word(string lockedJson, string lockedHash, DateTimeOffset lockedAt)
    {
        var data = ApplicationJson.ReadRecord<ReportData>(lockedJson);
        var filledOn = ChinaTime.DateOf(lockedAt);
        return data.Call.ProgrammeId switch
        {
            KunmingProgramme => generator.KunmingApplicationReport(ToDocumentData(data, filledOn, lockedHash)),
            // 推荐单位 is left for the 地（市）bureau that recommends to write and stamp: the locked data does not name it.
            TibetBaseProgramme => generator.TibetApplicationReport(ToDocumentData(data, filledOn, lockedHash), ""),
            // Which materials go with it is not known when the data is locked: the boxes are ticked by hand.
            LiaochengProgramme => generator.LiaochengApplicationForm(ToDocumentData(data, filledOn, lockedHash), null),
            _ => null,
        };
    }

    /// <summary>
    /// A submitted version's Word report: from the report data its snapshot froze, dated and hashed as locked (the lock
    /// time stays on the version; a version frozen without one is dated by its submission).
    /// </summary>
    public GeneratedDocument? Submitted(ApplicationVersion v)
    {
        if (v.SnapshotJson is null) return null;
        using var doc = System.Text.Json.JsonDocument.Parse(v.SnapshotJson);
        var root = doc.RootElement;
        var report = root.GetProperty("report").GetRawText();
        var hash = root.GetProperty("submission").GetProperty("lockedReportHash").GetString() ?? ApplicationJson.Sha256(report);
        return Word(report, hash, v.LockedAt ?? v.SubmittedAt ?? DateTimeOffset.UnixEpoch);
    }

    /// <summary>
    /// The report data in the document layer's terms. Labels the snapshot stores (size class, education, service form,
    /// fee class) are read back into the ledger's kinds; participants are the snapshot's enterprise names, a resident's
    /// name standing for that resident. Residents and partner agreements are listed as on the report year's last day, the
    /// day the HTML report counts them on.
    /// </summary>
    public static ApplicationDocumentData ToDocumentData(ReportData d, DateOnly filledOn, string lockedHash)
    {
        var det = d.Details;
        var residentIds = d.Residents.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var narratives = d.Narratives.ToDictionary(n => n.Key, n => n.Text);
        string Text(string key) => narratives.GetValueOrDefault(key, "");
        return new ApplicationDocumentData
        {
            Base = new BaseParticulars
            {
                BaseName = d.Carrier.Name, OperatorName = d.Operator.Name, OperatorUscc = d.Operator.Uscc ?? "", County = d.Carrier.JurisdictionName,
                LeadingIndustries = d.Carrier.LeadingIndustries, UnitNature = det.UnitNature, LegalRepresentative = det.LegalRepresentative,
                RegisteredOn = det.RegisteredOn, RegisteredAddress = det.RegisteredAddress, EstablishedOn = d.Carrier.EstablishedOn,
                ContactName = det.ContactName, ContactMobile = det.ContactMobile, Website = det.Website, Email = det.ContactEmail,
                MainFacilities = det.Infrastructure, TotalAreaM2 = d.Carrier.Area, PublicServiceAreaM2 = d.Carrier.PublicServiceArea,
                PrimaryType = LedgerLabels.TryParse<CarrierPrimaryType>(d.Carrier.PrimaryType, LedgerLabels.Of, out var primary) ? primary : null,
            },
            FilledOn = filledOn,
            RecordsOn = new DateOnly(d.ProfileYear, 12, 31),
            ReportYear = d.ProfileYear,
            OperatorRevenueWan = det.PreviousYearRevenueWan,
            FeesWaivedWan = det.FeesWaivedWan,
            Residents = d.Residents.Select(r => new ApplicantResident(r.Id, r.Name, r.Uscc, r.EntryDate, r.ExitDate,
                LedgerLabels.TryParse<SizeClass>(r.Size, LedgerLabels.Of, out var size) ? size : SizeClass.Other, r.InLeadingIndustry, r.Industry,
                r.Years.Select(y => new ApplicantResidentYear(y.Year, y.Employees, y.RevenueWan, y.PatentsApplied, y.PatentsHeld,
                    y.HighTechRecognitions, y.TechSmeRecognitions, y.OtherOutcomes)).ToList())
            {
                ContactName = r.ContactName ?? "", ContactPhone = r.ContactPhone ?? "",
            }).ToList(),
            Staff = d.Staff.Select(s => new ApplicantStaff(s.Id, s.Name, s.Position, s.FullTime,
                LedgerLabels.TryParse<Education>(s.Education, LedgerLabels.Of, out var education) ? education : Education.None,
                LedgerLabels.TryParse<TitleLevel>(s.Title, LedgerLabels.Of, out var title) ? title : TitleLevel.None, s.YearsAtBase)
            {
                MentorCertificate = s.MentorCertificate,
            }).ToList(),
            Partners = d.Partners.Select(p => new ApplicantPartner(p.Id, p.Name, p.AgreementFrom, p.AgreementTo, p.Services)).ToList(),
            Entries = d.Activities.Select(a => Entry(a, residentIds)).OfType<EntryFact>().ToList(),
            SurveyAnswers = d.Satisfaction.Select(s => new SatisfactionAnswer(s.EnterpriseId, null, s.Satisfied)).ToList(),
            Narrative = new ApplicationNarrative
            {
                BasicSituation = Text("basic"), ResidentsAndTeams = Text("residents"), OperationsManagement = Text("operations"),
                ServiceToSmallMicro = Text("services"), OtherMatters = Text("other"), DevelopmentPlan = Text("plan"),
                ProfessionalQualifications = det.Qualifications, GovernmentSupport = det.GovernmentSupport, Honours = det.Honours,
            },
            Reference = lockedHash.Length > 16 ? lockedHash[..16] : lockedHash,
            ReferenceLabel = "锁定数据哈希",
        };
    }

    private static EntryFact? Entry(PackageActivity a, IReadOnlyDictionary<string, Guid> residentIds)
    {
        if (!ServiceFunctions.TryParse(a.Function, out var function)) return null;
        var form = LedgerLabels.TryParse<ServiceForm>(a.Form, LedgerLabels.Of, out var f) ? f : ServiceForm.OneToOne;
        var topic = LedgerLabels.TryParse<EventTopic>(a.Topic, LedgerLabels.Of, out var t) ? t : EventTopic.None;
        var fee = LedgerLabels.TryParse<FeeClass>(a.Fee, LedgerLabels.Of, out var c) ? c : FeeClass.Market;
        var participants = a.Enterprises.Select(n => new Participant(residentIds.TryGetValue(n, out var id) ? id : null, n)).ToList();
        return new EntryFact(a.Id, function, a.Date, form, topic, a.PersonCount, fee, participants, a.Place);
    }
}
