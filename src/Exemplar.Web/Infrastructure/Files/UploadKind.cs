namespace Exemplar.Web.Infrastructure.Files;

/// <summary>The file types the product accepts, always decided from the content, never from the name.</summary>
public enum UploadKind { Pdf, Jpeg, Png, Docx, Xlsx }

public static class UploadKinds
{
    public static readonly IReadOnlySet<UploadKind> Evidence = new HashSet<UploadKind> { UploadKind.Pdf, UploadKind.Jpeg, UploadKind.Png };
    public static readonly IReadOnlySet<UploadKind> Documents = new HashSet<UploadKind>(Enum.GetValues<UploadKind>());

    public static string Extension(UploadKind k) => k switch
    {
        UploadKind.Pdf => ".pdf", UploadKind.Jpeg => ".jpg", UploadKind.Png => ".png", UploadKind.Docx => ".docx", _ => ".xlsx",
    };

    public static string ContentType(UploadKind k) => k switch
    {
        UploadKind.Pdf => "application/pdf",
        UploadKind.Jpeg => "image/jpeg",
        UploadKind.Png => "image/png",
        UploadKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static string Label(UploadKind k) => k switch
    {
        UploadKind.Pdf => "PDF", UploadKind.Jpeg => "JPEG", UploadKind.Png => "PNG", UploadKind.Docx => "Word（.docx）", _ => "Excel（.xlsx）",
    };

    public static string List(IEnumerable<UploadKind> kinds) => string.Join("、", kinds.Select(Label));
}
