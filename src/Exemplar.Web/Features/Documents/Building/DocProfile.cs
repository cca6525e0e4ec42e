namespace Exemplar.Web.Features.Documents.Building;

/// <summary>Page margins in millimetres.</summary>
public sealed record Margins(double Top, double Bottom, double Left, double Right);

/// <summary>
/// Fonts, sizes and page geometry a document is set in. Fonts are named as officials' Windows machines have them
/// (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体) and set as the East-Asian font of every run; Latin
/// letters and digits use <see cref="LatinFont"/>.
/// </summary>
public sealed record DocProfile
{
    public required string Name { get; init; }
    public string BodyFont { get; init; } = OfficeFonts.FangSong;
    public string TitleFont { get; init; } = OfficeFonts.XiaoBiaoSong;
    public string Heading1Font { get; init; } = OfficeFonts.HeiTi;
    public string Heading2Font { get; init; } = OfficeFonts.KaiTi;
    public string PageNumberFont { get; init; } = OfficeFonts.SongTi;
    public string LatinFont { get; init; } = OfficeFonts.TimesNewRoman;
    public double BodySizePt { get; init; } = FontSizes.San;
    public double TitleSizePt { get; init; } = FontSizes.Er;
    public double TableSizePt { get; init; } = FontSizes.XiaoSi;
    public double NoteSizePt { get; init; } = FontSizes.Si;
    public double PageNumberSizePt { get; init; } = FontSizes.Si;
    /// <summary>Exact body line height in twips (GB/T 9704: 22 lines in a 225 mm text area).</summary>
    public int LineTwips { get; init; } = 579;
    /// <summary>Characters per line of body text (GB/T 9704: 28), reached by condensing body-size styles; null = natural spacing.</summary>
    public int? CharsPerLine { get; init; }
    public Margins Portrait { get; init; } = Gbt9704Margins;
    /// <summary>Landscape pages bound on the same edge: the portrait left margin becomes the top.</summary>
    public Margins Landscape { get; init; } = new(Top: 28, Bottom: 26, Left: 35, Right: 37);
    /// <summary>Distance of the page number's baseline area from the page edge, in millimetres.</summary>
    public double FooterMm { get; init; } = 23;

    /// <summary>GB/T 9704-2012 5.2.1/5.2.2: 天头 37 mm, 订口 28 mm; A4 text area 156 mm × 225 mm.</summary>
    public static readonly Margins Gbt9704Margins = new(Top: 37, Bottom: 35, Left: 28, Right: 26);

    /// <summary>
    /// 党政机关公文格式 GB/T 9704-2012: A4, 22 lines × 28 characters, title 2号方正小标宋简体, body 3号仿宋_GB2312,
    /// 一级标题黑体, 二级标题楷体_GB2312, page numbers 4号半角宋体 “— n —”.
    /// </summary>
    public static readonly DocProfile Gbt9704 = new() { Name = "GB/T 9704-2012", CharsPerLine = 28, TableSizePt = FontSizes.Si };

    /// <summary>Forms attached to official documents (申请表, 推荐表): the same page, fonts and 28-character lines, tables in 小四.</summary>
    public static readonly DocProfile Form = new() { Name = "表格", CharsPerLine = 28, TableSizePt = FontSizes.XiaoSi };

    /// <summary>A certificate: landscape, generous margins, no page numbers.</summary>
    public static readonly DocProfile Certificate = new()
    {
        Name = "证书", Landscape = new(Top: 25, Bottom: 20, Left: 30, Right: 30), TableSizePt = FontSizes.Si,
    };

    public Margins For(PageOrientation o) => o == PageOrientation.Portrait ? Portrait : Landscape;

    /// <summary>Text width of a page in twips.</summary>
    public int TextWidthTwips(PageOrientation o)
    {
        var m = For(o);
        var width = o == PageOrientation.Portrait ? Units.A4WidthMm : Units.A4HeightMm;
        return Units.MmToTwips(width - m.Left - m.Right);
    }
}

/// <summary>Font names as Windows machines in Chinese government offices have them.</summary>
public static class OfficeFonts
{
    public const string XiaoBiaoSong = "方正小标宋简体";
    public const string FangSong = "仿宋_GB2312";
    public const string HeiTi = "黑体";
    public const string KaiTi = "楷体_GB2312";
    public const string SongTi = "宋体";
    public const string TimesNewRoman = "Times New Roman";
}

/// <summary>Chinese type sizes (字号) in points.</summary>
public static class FontSizes
{
    public const double XiaoChu = 36;
    public const double Yi = 26;
    public const double XiaoYi = 24;
    public const double Er = 22;
    public const double XiaoEr = 18;
    public const double San = 16;
    public const double XiaoSan = 15;
    public const double Si = 14;
    public const double XiaoSi = 12;
    public const double Wu = 10.5;
    public const double XiaoWu = 9;
}

public static class Units
{
    public const double A4WidthMm = 210;
    public const double A4HeightMm = 297;

    public static int MmToTwips(double mm) => (int)Math.Round(mm / 25.4 * 1440);
    public static long MmToEmu(double mm) => (long)Math.Round(mm * 36000);
    public static int PtToHalfPoints(double pt) => (int)Math.Round(pt * 2);
    public static int PtToTwips(double pt) => (int)Math.Round(pt * 20);
}
