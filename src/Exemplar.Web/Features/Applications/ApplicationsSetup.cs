namespace Exemplar.Web.Features.Applications;

/// <summary>Applications (申报): drafted from the ledger, submitted and frozen with a receipt, returned for correction, withdrawn.</summary>
public static class ApplicationsSetup
{
    public static WebApplicationBuilder AddApplications(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<ApplicationLoader>();
        s.AddScoped<ApplicationProfile>();
        s.AddScoped<ApplicationAdmission>();
        s.AddScoped<ReportDataBuilder>();
        s.AddScoped<SubmissionCheck>();
        s.AddScoped<StartApplicationHandler>();
        s.AddScoped<SaveDetailsHandler>();
        s.AddScoped<SaveProfileHandler>();
        s.AddScoped<SaveNarrativesHandler>();
        s.AddScoped<UploadMaterialHandler>();
        s.AddScoped<RemoveMaterialHandler>();
        s.AddScoped<LockReportHandler>();
        s.AddScoped<AcceptDeclarationHandler>();
        s.AddScoped<SubmitApplicationHandler>();
        s.AddScoped<ReceiptDesk>();
        s.AddScoped<ReturnApplicationHandler>();
        s.AddScoped<WithdrawApplicationHandler>();
        s.AddScoped<ApplicationListQuery>();
        s.AddScoped<Dossier>();
        s.AddScoped<ReportDocuments>();
        return builder;
    }
}
