using System.Globalization;
using System.Text;

namespace Exemplar.Web.Infrastructure.Files;

/// <summary>
/// The name a stored file is shown and downloaded under: the last path segment, without control, format (bidi
/// overrides such as U+202E that make "invoice\u202Efdp.exe" read as "invoiceexe.pdf") or reserved characters,
/// with the extension of the type its content was found to be.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 100;

    public static string Normalise(string? name, UploadKind kind)
    {
        var stem = Clean(name);
        var dot = stem.LastIndexOf('.');
        if (dot > 0) stem = stem[..dot];
        stem = stem.TrimEnd('.', ' ');
        if (stem.Length == 0) stem = "附件";
        var extension = UploadKinds.Extension(kind);
        if (stem.Length + extension.Length > MaxLength) stem = stem[..(MaxLength - extension.Length)];
        return stem + extension;
    }

    /// <summary>Cleans a name whose type is not known (e.g. an entry inside a package, for a message).</summary>
    public static string Clean(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var sb = new StringBuilder(last.Length);
        foreach (var ch in last.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator) continue;
            if ("<>:\"|?*".IndexOf(ch) >= 0) continue;
            sb.Append(ch);
        }
        var clean = sb.ToString().Trim().TrimStart('.');
        return clean.Length > MaxLength ? clean[^MaxLength..] : clean;
    }
}
