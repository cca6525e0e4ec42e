using Exemplar.Web.Features.Documents.Building;

namespace Exemplar.Web.Features.Documents.Official;

/// <summary>The issuing authority as its documents name it.</summary>
/// <param name="Name">发文机关全称 (署名), e.g. 昆明市工业和信息化局.</param>
/// <param name="Mark">发文机关标志, e.g. 昆明市工业和信息化局文件.</param>
/// <param name="PrintingOffice">印发机关, e.g. 昆明市工业和信息化局办公室.</param>
public sealed record Issuer(string Name, string Mark, string PrintingOffice)
{
    /// <summary>
    /// The one place the 版头 and 版记 names are derived from the authority's full name (the policy file's <c>issuer</c>):
    /// 发文机关标志 “{name}文件” (GB/T 9704 7.2.1, 全称加“文件”), 印发机关 “{name}办公室” (the office that prints for it).
    /// </summary>
    public static Issuer Of(string name) => new(name, name + "文件", name + "办公室");
}

/// <summary>The programme a notice is about: the title it confers and the text (with its number) it acts under.</summary>
/// <param name="DesignationTitle">称号, e.g. 昆明市小型微型企业创业创新示范基地.</param>
/// <param name="PolicyCitation">The text with book-title marks and number: 《昆明市小型微型企业创业创新示范基地认定管理办法（修订）》（昆工信规〔2022〕1号）.</param>
public sealed record ProgrammeRef(string DesignationTitle, string PolicyCitation);

/// <summary>A base named in a notice: name, operator and where it is.</summary>
public sealed record NoticeBase(string BaseName, string OperatorName, string Region);

public sealed record PublicNoticeData
{
    public required Issuer Issuer { get; init; }
    /// <summary>The title as the notice was published; empty for “关于拟认定N家…的公示”.</summary>
    public string Title { get; init; } = "";
    public required ProgrammeRef Programme { get; init; }
    public string DocumentNumber { get; init; } = "";
    /// <summary>The article providing for the notice, e.g. 第十三条.</summary>
    public required string Article { get; init; }
    /// <summary>What led to the list, e.g. 经县（市）区、开发（度假）区中小企业主管部门推荐、专家评审和现场核查.</summary>
    public required string Procedure { get; init; }
    public required IReadOnlyList<NoticeBase> Bases { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    /// <summary>Working days the notice runs (from the product's calendar).</summary>
    public required int WorkingDays { get; init; }
    /// <summary>Where objections are received (联系单位、电话、地址), as the notice publishes it.</summary>
    public required string Contact { get; init; }
    public required DateOnly Date { get; init; }
}

public sealed record DesignationAnnouncementData
{
    public required Issuer Issuer { get; init; }
    /// <summary>The title as recorded; empty for “关于认定N家…的公告”.</summary>
    public string Title { get; init; } = "";
    public required ProgrammeRef Programme { get; init; }
    public string DocumentNumber { get; init; } = "";
    public string Addressee { get; init; } = "";
    /// <summary>What preceded the decision, e.g. 经推荐、专家评审、现场核查、社会公示和集体决策.</summary>
    public required string Procedure { get; init; }
    public required IReadOnlyList<NoticeBase> Bases { get; init; }
    /// <summary>The common term of all bases; both null where the text fixes none (北京: 动态管理) — then no period is stated.</summary>
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }
    /// <summary>Each base's term, in the order of <see cref="Bases"/>, where the terms differ (a 复核 renews each from its old end).</summary>
    public IReadOnlyList<string>? BaseTerms { get; init; }
    /// <summary>复核 (聊城第十六条): the bases keep the title for a new term instead of being designated.</summary>
    public bool ReReview { get; init; }
    /// <summary>The text awards a plaque with the title (昆明第十四条 颁发牌匾).</summary>
    public bool Plaque { get; init; }
    /// <summary>What the text asks of designated bases, ending the body (e.g. the annual work summary it requires).</summary>
    public string Obligations { get; init; } = "被认定的基地要不断完善创业创新基础设施环境，增强服务能力，发挥示范带动作用。";
    public IReadOnlyList<string> CopyTo { get; init; } = [];
    public required DateOnly Date { get; init; }
}

public sealed record RevocationDecisionData
{
    public required Issuer Issuer { get; init; }
    public required ProgrammeRef Programme { get; init; }
    public string DocumentNumber { get; init; } = "";
    public required NoticeBase Base { get; init; }
    /// <summary>When and by which document the title was conferred, e.g. 2023年12月10日（昆工信〔2023〕88号）.</summary>
    public required string DesignatedBy { get; init; }
    /// <summary>The facts found, one paragraph per line.</summary>
    public required string Facts { get; init; }
    /// <summary>How the base was heard (告知、陈述申辩 and how it was taken); empty when not recorded.</summary>
    public string Hearing { get; init; } = "";
    /// <summary>The authority's reasons for the decision; empty when the facts say it all.</summary>
    public string Reasons { get; init; } = "";
    /// <summary>The ground and its article, e.g. 《…》第十五条“在有效期内如有违法违规等行为，一经查实，予以撤销市级示范基地称号”.</summary>
    public required string Ground { get; init; }
    /// <summary>Consequences beyond the revocation, e.g. 收回已颁发的牌匾; empty when none.</summary>
    public string Consequences { get; init; } = "";
    /// <summary>告知救济途径和期限 (the same words as the product's written outcomes).</summary>
    public required string Remedies { get; init; }
    public IReadOnlyList<string> CopyTo { get; init; } = [];
    public required DateOnly Date { get; init; }
}

/// <summary>The 公示, the 公告 of designation and the revocation decision: three bodies on one GB/T 9704 generator.</summary>
public static class OfficialNotices
{
    // 序号 wide enough for its two characters on one line; the region as written (云南省昆明市五华区), not as a path.
    private static OfficialTable BaseTable(IReadOnlyList<NoticeBase> bases, IReadOnlyList<string>? terms = null) => terms is null
        ? new(["序号", "基地名称", "运营单位", "所在地区"], [1.2, 3.3, 3.3, 2.4],
            bases.Select((x, i) => (IReadOnlyList<string>)[Number(i), x.BaseName, x.OperatorName, Region(x)]).ToList())
        : new(["序号", "基地名称", "运营单位", "所在地区", "有效期"], [1.2, 2.7, 2.7, 1.9, 2.6],
            bases.Select((x, i) => (IReadOnlyList<string>)[Number(i), x.BaseName, x.OperatorName, Region(x), terms[i]]).ToList());

    private static string Region(NoticeBase b) => b.Region.Replace(" / ", "", StringComparison.Ordinal).Replace("/", "", StringComparison.Ordinal);

    private static string Number(int i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static OfficialDocumentData PublicNotice(PublicNoticeData n) => new()
    {
        IssuerMark = n.Issuer.Mark,
        DocumentNumber = n.DocumentNumber,
        Title = n.Title.Length > 0 ? n.Title : $"关于拟认定{n.Bases.Count}家{n.Programme.DesignationTitle}的公示",
        Body =
        [
            new OfficialParagraph($"根据{n.Programme.PolicyCitation}{n.Article}规定，{n.Procedure}，拟认定以下{n.Bases.Count}家基地为“{n.Programme.DesignationTitle}”，现予以公示。"),
            BaseTable(n.Bases),
            new OfficialParagraph($"公示期为{ChineseFormat.Date(n.From)}至{ChineseFormat.Date(n.To)}（{n.WorkingDays}个工作日）。公示期内，任何单位或个人对拟认定基地有异议的，可以书面形式向{n.Issuer.Name}反映。以单位名义反映的，应加盖单位公章；以个人名义反映的，应署真实姓名并提供联系方式。逾期不予受理。"),
            new OfficialParagraph($"受理异议的联系方式：{n.Contact}"),
        ],
        Signatory = n.Issuer.Name,
        Date = n.Date,
        Note = "此件公开发布",
        PrintedBy = n.Issuer.PrintingOffice,
        PrintedOn = n.Date,
    };

    public static OfficialDocumentData Announcement(DesignationAnnouncementData a)
    {
        var what = a.ReReview
            ? $"以下{a.Bases.Count}家基地复核合格，继续保留“{a.Programme.DesignationTitle}”称号"
            : $"决定认定以下{a.Bases.Count}家基地为“{a.Programme.DesignationTitle}”" + (a.Plaque ? "，并颁发牌匾" : "");
        // A text without a fixed validity (北京: 动态管理) gets no period: none is invented.
        var term = a is { ValidFrom: { } from, ValidUntil: { } until } ? $"，有效期自{ChineseFormat.Date(from)}至{ChineseFormat.Date(until)}" : "";
        return new()
        {
            IssuerMark = a.Issuer.Mark,
            DocumentNumber = a.DocumentNumber,
            Title = a.Title.Length > 0 ? a.Title : $"关于认定{a.Bases.Count}家{a.Programme.DesignationTitle}的公告",
            Addressee = a.Addressee,
            Body =
            [
                new OfficialParagraph($"根据{a.Programme.PolicyCitation}，{a.Procedure}，{what}{term}。现予公告。"),
                BaseTable(a.Bases, a.BaseTerms),
                new OfficialParagraph(a.Obligations),
            ],
            Signatory = a.Issuer.Name,
            Date = a.Date,
            Note = "此件公开发布",
            CopyTo = a.CopyTo,
            PrintedBy = a.Issuer.PrintingOffice,
            PrintedOn = a.Date,
        };
    }

    public static OfficialDocumentData Revocation(RevocationDecisionData r)
    {
        var body = new List<OfficialBlock>
        {
            new OfficialParagraph($"{r.Base.BaseName}（运营单位：{r.Base.OperatorName}）于{r.DesignatedBy}被认定为“{r.Programme.DesignationTitle}”。"),
            new OfficialHeading(1, "一、查明的事实"),
        };
        body.AddRange(DocBuilder.Paragraphs(r.Facts).Select(p => new OfficialParagraph(p)));
        body.AddRange(DocBuilder.Paragraphs(r.Hearing).Select(p => new OfficialParagraph(p)));
        body.Add(new OfficialHeading(1, "二、撤销依据和决定"));
        body.AddRange(DocBuilder.Paragraphs(r.Reasons).Select(p => new OfficialParagraph(p)));
        body.Add(new OfficialParagraph($"依据{r.Ground}，经研究，决定撤销{r.Base.BaseName}“{r.Programme.DesignationTitle}”称号" + (r.Consequences.Length > 0 ? $"，{r.Consequences}" : "") + "。"));
        body.Add(new OfficialHeading(1, "三、救济途径"));
        body.Add(new OfficialParagraph(r.Remedies));
        return new OfficialDocumentData
        {
            IssuerMark = r.Issuer.Mark,
            DocumentNumber = r.DocumentNumber,
            Title = $"关于撤销{r.Base.BaseName}\n“{r.Programme.DesignationTitle}”称号的决定",
            Addressee = r.Base.OperatorName,
            Body = body,
            Signatory = r.Issuer.Name,
            Date = r.Date,
            CopyTo = r.CopyTo,
            PrintedBy = r.Issuer.PrintingOffice,
            PrintedOn = r.Date,
        };
    }
}
