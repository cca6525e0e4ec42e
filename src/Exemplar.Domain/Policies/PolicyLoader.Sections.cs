using System.Text.Json;

namespace Exemplar.Domain.Policies;

/// <summary>The sections beside the conditions: who may apply, undertakings, materials, procedure and management.</summary>
public static partial class PolicyLoader
{
    /// <summary>Condition ids the loader derives from <c>applicants</c>; a file may not use them.</summary>
    public const string ApplicantTypeId = "applicant-type";
    public const string ApplicantLocationId = "applicant-location";

    /// <summary>Authority kinds a recommending level or a filing names, with the officer role that acts for each.</summary>
    public static readonly IReadOnlyDictionary<string, string> AuthorityKinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["county"] = "CountyOfficer",
        ["prefecture"] = "PrefectureOfficer",
        ["developmentZone"] = "ZoneOfficer",
        ["parkCommittee"] = "ZoneOfficer",
    };

    public static readonly IReadOnlyList<string> OfficerRoles = ["CountyOfficer", "PrefectureOfficer", "ZoneOfficer"];

    /// <summary>
    /// Authorities a change filing goes to or through: the base's own local authority (its county or zone),
    /// the prefecture, or the designating authority.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FilingAuthorityKinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["localAuthority"] = "基地所属县区或开发区主管部门",
        ["prefecture"] = "地（市）主管部门",
        ["designatingAuthority"] = "认定机关",
    };

    private static readonly string[] Subjects = [Undertaking.Unit, Undertaking.LegalRepresentative];

    private static ApplicantRules ReadApplicants(JsonFieldReader r, JsonElement root, CarrierKind kind)
    {
        const string path = "$.applicants";
        var e = r.Object(root, "applicants", "$");
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new ApplicantRules(string.Empty, string.Empty, [], false, new RegionRule([], string.Empty, string.Empty, string.Empty));
        }

        var types = new List<CarrierTypeEntry>();
        foreach (var (item, p) in r.Array(e, "carrierTypes", path))
        {
            if (!r.IsObject(item, p))
            {
                continue;
            }

            var id = r.String(item, "type", p);
            var definition = CarrierTypes.Find(id);
            if (id.Length > 0 && definition is null)
            {
                r.Error($"{p}.type", $"未知载体类型“{id}”（见 CarrierTypes）");
            }
            else if (definition is not null && definition.Kind != kind)
            {
                r.Error($"{p}.type", $"载体类型“{definition.Label}”属于{(definition.Kind == CarrierKind.Platform ? "示范平台" : "示范基地")}，与本政策类别不符");
            }

            if (types.Any(t => t.Type == id))
            {
                r.Error($"{p}.type", $"载体类型“{id}”重复");
            }

            types.Add(new CarrierTypeEntry(id, definition?.Label ?? id, r.String(item, "quote", p)));
        }

        if (types.Count == 0)
        {
            r.Error($"{path}.carrierTypes", "至少列出一种可申报的载体类型");
        }

        var regionElement = r.Object(e, "region", path);
        var region = regionElement.ValueKind == JsonValueKind.Object
            ? new RegionRule(ReadPrefixes(r, regionElement, $"{path}.region"), r.String(regionElement, "placeName", $"{path}.region"),
                r.String(regionElement, "citation", $"{path}.region"), r.String(regionElement, "quote", $"{path}.region"))
            : new RegionRule([], string.Empty, string.Empty, string.Empty);
        return new ApplicantRules(r.String(e, "citation", path), r.String(e, "quote", path), types, r.Bool(e, "openEnded", path, false), region);
    }

    private static IEnumerable<Condition> ApplicantConditions(ApplicantRules a)
    {
        yield return new CarrierTypeCondition
        {
            Id = ApplicantTypeId,
            Citation = a.Citation,
            Article = ArticleOf(a.Citation),
            Requirement = $"申报载体属于{a.Citation}所列可申报的载体类型" + (a.OpenEnded ? "（所列之外的由认定机关判断）" : string.Empty),
            Quote = a.Quote,
            Types = a.CarrierTypes,
            OpenEnded = a.OpenEnded,
            JsonPath = "$.applicants",
        };
        yield return new RegistrationCondition
        {
            Id = ApplicantLocationId,
            Citation = a.Region.Citation,
            Article = ArticleOf(a.Region.Citation),
            Requirement = $"基地（平台）位于{a.Region.PlaceName}",
            Quote = a.Region.Quote,
            Fact = "locationDivisionCode",
            DivisionPrefixes = a.Region.DivisionPrefixes,
            PlaceName = a.Region.PlaceName,
            JsonPath = "$.applicants.region",
        };
    }

    private static IReadOnlyList<Undertaking> ReadUndertakings(JsonFieldReader r, JsonElement root)
    {
        var list = new List<Undertaking>();
        foreach (var (item, p) in r.Array(root, "undertakings", "$", required: false))
        {
            if (!r.IsObject(item, p))
            {
                continue;
            }

            var id = r.String(item, "id", p);
            if (list.Any(u => u.Id == id))
            {
                r.Error($"{p}.id", $"承诺事项标识“{id}”重复");
            }

            var subjects = SubjectList(r, item, "subjects", p);
            var signedBy = SubjectList(r, item, "signedBy", p);
            list.Add(new Undertaking(id, r.String(item, "citation", p), r.String(item, "text", p), subjects, signedBy));
        }

        return list;
    }

    private static IReadOnlyList<string> SubjectList(JsonFieldReader r, JsonElement e, string name, string path)
    {
        var values = r.Strings(e, name, path, required: true);
        if (values.Count == 0)
        {
            r.Error($"{path}.{name}", "至少列出一项（unit 运营单位、legalRepresentative 法定代表人）");
        }

        foreach (var v in values.Where(v => !Subjects.Contains(v)))
        {
            r.Error($"{path}.{name}", $"“{v}”应为 unit（运营单位）或 legalRepresentative（法定代表人）");
        }

        return values;
    }

    private static Material ReadMaterial(JsonFieldReader r, JsonElement e, string path)
    {
        var cited = ReadCited(r, e, path);
        return new Material(cited.Citation, cited.Text, ReadForm(r, e, "form", path));
    }

    private static FormReference? ReadForm(JsonFieldReader r, JsonElement obj, string name, string path)
    {
        if (!r.Has(obj, name))
        {
            return null;
        }

        var e = obj.GetProperty(name);
        var p = $"{path}.{name}";
        if (!r.IsObject(e, p))
        {
            return null;
        }

        var formName = r.String(e, "name", p);
        if (formName.Length > 0 && !(formName.StartsWith('《') && formName.EndsWith('》')))
        {
            r.Error($"{p}.name", $"表格名称应带书名号，如《…推荐表》，实际为“{formName}”");
        }

        return new FormReference(formName, r.OptionalString(e, "annex", p), r.String(e, "citation", p));
    }

    private static ProcedureRules ReadProcedure(JsonFieldReader r, JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new ProcedureRules(
                new ApplicationRule(string.Empty, string.Empty, string.Empty, null), new RecommendationRules(false, string.Empty, string.Empty, []),
                new ExpertReviewRule(string.Empty, string.Empty, string.Empty), new SiteInspectionRule("unspecified", null, null, null),
                new PublicNoticeRule(null, null, string.Empty, null), null, null, null, null);
        }

        var application = ReadApplication(r, r.Object(e, "application", path), $"{path}.application");
        var recommendation = ReadRecommendation(r, r.Object(e, "recommendation", path), $"{path}.recommendation");
        if (application.SubmitTo.Length > 0 && recommendation.Citation.Length > 0)
        {
            var expected = recommendation.Required ? ApplicationRule.RecommendingAuthority : ApplicationRule.DesignatingAuthority;
            if (application.SubmitTo != expected)
            {
                r.Error($"{path}.application.submitTo", recommendation.Required
                    ? "有推荐环节时，申请应先提交推荐单位（recommendingAuthority）"
                    : "无推荐环节时，申请应直接提交认定机关（designatingAuthority）");
            }
        }

        return new ProcedureRules(
            application,
            recommendation,
            ReadExpertReview(r, r.Object(e, "expertReview", path), $"{path}.expertReview"),
            ReadSiteInspection(r, r.Object(e, "siteInspection", path), $"{path}.siteInspection"),
            ReadNotice(r, r.Object(e, "publicNotice", path), $"{path}.publicNotice"),
            OptionalCited(r, e, "objectionHandling", path),
            OptionalCited(r, e, "collectiveDecision", path),
            OptionalCited(r, e, "plaque", path),
            OptionalCited(r, e, "frequency", path));
    }

    private static ApplicationRule ReadApplication(JsonFieldReader r, JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new ApplicationRule(string.Empty, string.Empty, string.Empty, null);
        }

        var to = r.String(e, "submitTo", path);
        if (to.Length > 0 && to is not (ApplicationRule.RecommendingAuthority or ApplicationRule.DesignatingAuthority))
        {
            r.Error($"{path}.submitTo", $"应为 recommendingAuthority（推荐单位）或 designatingAuthority（认定机关），实际为“{to}”");
        }

        return new ApplicationRule(to, r.String(e, "citation", path), r.String(e, "quote", path), ReadForm(r, e, "form", path));
    }

    private static RecommendationRules ReadRecommendation(JsonFieldReader r, JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new RecommendationRules(false, string.Empty, string.Empty, []);
        }

        var required = r.Bool(e, "required", path);
        var levels = new List<RecommendationLevel>();
        foreach (var (item, p) in r.Array(e, "levels", path))
        {
            if (r.IsObject(item, p))
            {
                levels.Add(ReadLevel(r, item, p, levels.Count + 1));
            }
        }

        if (required && levels.Count == 0)
        {
            r.Error($"{path}.levels", "要求推荐时至少列出一级推荐单位");
        }
        else if (!required && levels.Count > 0)
        {
            r.Error($"{path}.levels", "无推荐环节（required 为 false）时不应列出推荐层级");
        }

        return new RecommendationRules(required, r.String(e, "citation", path), r.String(e, "quote", path), levels);
    }

    private static RecommendationLevel ReadLevel(JsonFieldReader r, JsonElement e, string path, int expectedOrder)
    {
        var order = r.OptionalInt(e, "order", path) ?? 0;
        if (order != expectedOrder)
        {
            r.Error($"{path}.order", $"推荐层级应按顺序编号，此处应为 {expectedOrder}，实际为 {order}");
        }

        var authorities = new List<RecommendingAuthority>();
        foreach (var (item, p) in r.Array(e, "authorities", path))
        {
            if (!r.IsObject(item, p))
            {
                continue;
            }

            var kind = r.String(item, "kind", p);
            var roles = r.Strings(item, "roles", p, required: true);
            if (kind.Length > 0 && !AuthorityKinds.ContainsKey(kind))
            {
                r.Error($"{p}.kind", $"未知的推荐单位类别“{kind}”（county 县区、prefecture 地市、developmentZone 开发区、parkCommittee 园区管委会）");
            }
            else if (kind.Length > 0 && !roles.Contains(AuthorityKinds[kind]))
            {
                r.Error($"{p}.roles", $"推荐单位类别“{kind}”应由 {AuthorityKinds[kind]} 角色办理");
            }

            if (roles.Count == 0)
            {
                r.Error($"{p}.roles", "至少列出一个办理角色");
            }

            foreach (var x in roles.Where(x => !OfficerRoles.Contains(x)))
            {
                r.Error($"{p}.roles", $"未知的办理角色“{x}”（{string.Join("、", OfficerRoles)}）");
            }

            authorities.Add(new RecommendingAuthority(kind, r.String(item, "label", p), roles, r.OptionalString(item, "basis", p)));
        }

        if (authorities.Count == 0)
        {
            r.Error($"{path}.authorities", "推荐层级至少列出一类推荐单位");
        }

        SatisfactionSamplingRule? sampling = null;
        if (r.Has(e, "satisfactionSampling"))
        {
            var s = e.GetProperty("satisfactionSampling");
            var sp = $"{path}.satisfactionSampling";
            var percent = r.Number(s, "minimumPercent", sp);
            if (percent is <= 0 or > 100)
            {
                r.Error($"{sp}.minimumPercent", $"抽查比例应在 0 至 100 之间（不含 0），实际为 {percent}");
            }

            var word = r.String(s, "qualifier", sp);
            if (word.Length > 0 && !Qualifier.TryParse(word, out _))
            {
                r.Error($"{sp}.qualifier", $"未知限定词“{word}”");
            }

            var quote = r.String(s, "quote", sp);
            if (word.Length > 0 && quote.Length > 0 && !Normalise(quote).Contains(word, StringComparison.Ordinal))
            {
                r.Error($"{sp}.qualifier", $"限定词“{word}”未出现在引文“{quote}”中");
            }

            var population = r.String(s, "population", sp);
            if (population.Length > 0 && population is not ("residentSmallMicro" or "resident"))
            {
                r.Error($"{sp}.population", $"抽查对象应为 residentSmallMicro（入驻小微企业）或 resident（全部入驻企业），实际为“{population}”");
            }

            sampling = new SatisfactionSamplingRule(percent, word, population, r.String(s, "populationLabel", sp), r.String(s, "citation", sp), quote);
        }

        AssessmentRule? assessment = null;
        if (r.Has(e, "assessment"))
        {
            var a = e.GetProperty("assessment");
            var ap = $"{path}.assessment";
            var items = r.Strings(a, "items", ap, required: true);
            if (items.Count == 0)
            {
                r.Error($"{ap}.items", "测评至少列出一项内容");
            }

            assessment = new AssessmentRule(items, r.String(a, "citation", ap), r.String(a, "quote", ap));
        }

        var form = ReadForm(r, e, "form", path);
        var scope = r.OptionalString(e, "formScope", path);
        if (form is not null && scope is not (RecommendationLevel.PerCarrier or RecommendationLevel.Summary))
        {
            r.Error($"{path}.formScope", "有推荐表格时须说明 formScope：perCarrier（每个基地一张推荐表）或 summary（推荐汇总表）");
        }
        else if (form is null && scope is not null)
        {
            r.Error($"{path}.formScope", "没有推荐表格（form）时不应有 formScope");
        }

        return new RecommendationLevel(order, authorities, r.String(e, "citation", path), r.String(e, "quote", path),
            OptionalCited(r, e, "initialReview", path), OptionalCited(r, e, "onSiteAudit", path), assessment, sampling, form, scope);
    }

    private static ExpertReviewRule ReadExpertReview(JsonFieldReader r, JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new ExpertReviewRule(string.Empty, string.Empty, string.Empty);
        }

        var mode = r.String(e, "mode", path);
        if (mode.Length > 0 && mode is not (ExpertReviewRule.Required or ExpertReviewRule.PerCall))
        {
            r.Error($"{path}.mode", $"应为 required（文本要求专家评审）或 perCall（文本未规定，由每个申报批次决定），实际为“{mode}”");
        }

        return new ExpertReviewRule(mode, r.String(e, "citation", path), r.String(e, "quote", path));
    }

    private static SiteInspectionRule ReadSiteInspection(JsonFieldReader r, JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new SiteInspectionRule("unspecified", null, null, null);
        }

        var mode = r.String(e, "mode", path);
        if (mode.Length > 0 && mode is not ("yes" or "no" or "ifNeeded" or "unspecified"))
        {
            r.Error($"{path}.mode", $"应为 yes、no、ifNeeded 或 unspecified，实际为“{mode}”");
        }

        var after = r.OptionalString(e, "after", path);
        if (after is not null and not "expertReview")
        {
            r.Error($"{path}.after", $"现场核查目前只能安排在专家评审之后（expertReview），实际为“{after}”");
        }

        var citation = r.OptionalString(e, "citation", path);
        var quote = r.OptionalString(e, "quote", path);
        if (mode is "yes" or "no" or "ifNeeded" && (citation is null || quote is null))
        {
            r.Error(path, "文本规定了现场核查时须给出 citation 和 quote");
        }

        return new SiteInspectionRule(mode, after, citation, quote);
    }

    private static PublicNoticeRule ReadNotice(JsonFieldReader r, JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new PublicNoticeRule(null, null, string.Empty, null);
        }

        var days = r.OptionalInt(e, "workingDays", path);
        if (days is < 1 or > 60)
        {
            r.Error($"{path}.workingDays", $"公示期应为 1 至 60 个工作日，实际为 {days}");
        }

        var word = r.OptionalString(e, "qualifier", path);
        var quote = r.OptionalString(e, "quote", path);
        if (word is not null && !Qualifier.TryParse(word, out _))
        {
            r.Error($"{path}.qualifier", $"未知限定词“{word}”");
        }
        else if (word is not null && quote is not null && !Normalise(quote).Contains(word, StringComparison.Ordinal))
        {
            r.Error($"{path}.qualifier", $"限定词“{word}”未出现在引文“{quote}”中");
        }

        return new PublicNoticeRule(days, word, r.String(e, "citation", path), quote);
    }

    private static ManagementRules ReadManagement(JsonFieldReader r, JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new ManagementRules(new DesignationValidity(null, null, null, null), null, null, null, null, [], [], new ReapplicationRule(ReapplicationRule.Unspecified, null, null), null, null, [], null);
        }

        var validity = ReadValidity(r, r.Object(e, "validity", path), $"{path}.validity");
        var grounds = ReadGrounds(r, e, path);
        var groundIds = grounds.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        void CheckGround(string? id, string at)
        {
            if (id is not null && !groundIds.Contains(id))
            {
                r.Error(at, $"引用了不存在的撤销情形“{id}”（见 revocationGrounds 的 id）");
            }
        }

        var bans = new List<ReapplicationBan>();
        foreach (var (item, p) in r.Array(e, "reapplicationBans", path, required: false))
        {
            var years = r.OptionalInt(item, "years", p) ?? 0;
            if (years is < 1 or > 10)
            {
                r.Error($"{p}.years", $"禁止再申报的年限应为 1 至 10 年，实际为 {years}");
            }

            var ids = r.Strings(item, "grounds", p, required: true);
            foreach (var id in ids)
            {
                CheckGround(id, $"{p}.grounds");
            }

            bans.Add(new ReapplicationBan(years, ids, r.String(item, "citation", p), r.String(item, "quote", p)));
        }

        var reapplication = ReadReapplication(r, e, path);
        if (reapplication.WhileValid != ReapplicationRule.Unspecified && validity.Years is null)
        {
            r.Error($"{path}.reapplication.whileValid", "没有有效期的政策不能规定“有效期内”的再申报规则");
        }

        ReReviewRequirement? reReview = null;
        if (r.Has(e, "reReview"))
        {
            var x = e.GetProperty("reReview");
            var p = $"{path}.reReview";
            var missed = r.OptionalString(x, "groundIfMissed", p);
            CheckGround(missed, $"{p}.groundIfMissed");
            reReview = new ReReviewRequirement(r.Bool(x, "inExpiryYear", p), missed, r.String(x, "citation", p), r.String(x, "quote", p));
            if (validity.Years is null)
            {
                r.Error(p, "没有有效期的政策不能规定期满复核");
            }
        }

        var evaluation = ReadEvaluation(r, e, path, CheckGround);
        var reporting = r.Array(e, "periodicReporting", path, required: false)
            .Select(x => new PeriodicReportingRule(r.String(x.Item, "to", x.Path), r.Strings(x.Item, "items", x.Path, required: true),
                r.String(x.Item, "frequency", x.Path), r.String(x.Item, "citation", x.Path), r.String(x.Item, "quote", x.Path)))
            .ToList();

        var summaryDue = ReadDeadline(r, e, "annualSummaryDue", path);
        CheckGround(summaryDue?.GroundIfMissed, $"{path}.annualSummaryDue.groundIfMissed");
        return new ManagementRules(
            validity,
            summaryDue,
            ReadDeadline(r, e, "localAnnualReportDue", path),
            ReadLocalChecks(r, e, path),
            ReadChangeFiling(r, e, path),
            grounds,
            bans,
            reapplication,
            reReview,
            evaluation,
            reporting,
            OptionalCited(r, e, "priorityRecommendation", path));
    }

    private static DesignationValidity ReadValidity(JsonFieldReader r, JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new DesignationValidity(null, null, null, null);
        }

        var years = r.OptionalInt(e, "years", path);
        if (years is <= 0 or > 20)
        {
            r.Error($"{path}.years", $"有效期应为 1 至 20 年，实际为 {years}");
        }

        var note = r.OptionalString(e, "note", path);
        var citation = r.OptionalString(e, "citation", path);
        var quote = r.OptionalString(e, "quote", path);
        if (years is null && note is null)
        {
            r.Error($"{path}.note", "文本未规定有效期时须在 note 中说明（如“动态管理，每年绩效评价”）");
        }
        else if (years is not null && (citation is null || quote is null))
        {
            r.Error(path, "规定了有效期时须给出 citation 和 quote");
        }

        return new DesignationValidity(years, citation, quote, note);
    }

    private static MonthDayDeadline? ReadDeadline(JsonFieldReader r, JsonElement obj, string name, string path)
    {
        if (!r.Has(obj, name))
        {
            return null;
        }

        var e = obj.GetProperty(name);
        var p = $"{path}.{name}";
        var month = r.OptionalInt(e, "month", p) ?? 0;
        var day = r.OptionalInt(e, "day", p);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2001, Math.Clamp(month, 1, 12)))
        {
            r.Error(p, $"月日 {month}-{day} 不是有效日期（月底写 \"day\": null）");
        }

        var items = r.Strings(e, "items", p, required: true);
        if (items.Count == 0)
        {
            r.Error($"{p}.items", "至少列出一项报送内容");
        }

        return new MonthDayDeadline(month, day, r.String(e, "wording", p), r.String(e, "submitTo", p), r.String(e, "citation", p), items)
        {
            GroundIfMissed = r.OptionalString(e, "groundIfMissed", p),
        };
    }

    private static LocalCheckRule? ReadLocalChecks(JsonFieldReader r, JsonElement obj, string path)
    {
        if (!r.Has(obj, "localChecks"))
        {
            return null;
        }

        var e = obj.GetProperty("localChecks");
        var p = $"{path}.localChecks";
        var roles = r.Strings(e, "roles", p, required: true);
        if (roles.Count == 0)
        {
            r.Error($"{p}.roles", "至少列出一个办理检查和年度报告的角色");
        }

        foreach (var x in roles.Where(x => !OfficerRoles.Contains(x)))
        {
            r.Error($"{p}.roles", $"未知的办理角色“{x}”（{string.Join("、", OfficerRoles)}）");
        }

        return new LocalCheckRule(r.String(e, "by", p), r.Strings(e, "items", p, required: true), r.String(e, "citation", p), r.String(e, "quote", p),
            roles, r.OptionalString(e, "basis", p));
    }

    private static ChangeFilingRule? ReadChangeFiling(JsonFieldReader r, JsonElement obj, string path)
    {
        if (!r.Has(obj, "changeFiling"))
        {
            return null;
        }

        var e = obj.GetProperty("changeFiling");
        var p = $"{path}.changeFiling";
        var changes = r.Strings(e, "majorChanges", p, required: true);
        if (changes.Count == 0)
        {
            r.Error($"{p}.majorChanges", "至少列出一项重大变更事项");
        }

        var days = r.OptionalInt(e, "workingDays", p) ?? 0;
        if (days is < 1 or > 90)
        {
            r.Error($"{p}.workingDays", $"备案时限应为 1 至 90 个工作日，实际为 {days}");
        }

        var countsFrom = r.String(e, "countsFrom", p);
        if (countsFrom.Length > 0 && countsFrom is not (ChangeFilingRule.Completion or ChangeFilingRule.Occurrence))
        {
            r.Error($"{p}.countsFrom", $"应为 completion（变更完成后）或 occurrence（发生变更后），实际为“{countsFrom}”");
        }

        var fileTo = r.Array(e, "fileTo", p).Select(x => ReadAuthority(r, x.Item, x.Path)).ToList();
        if (fileTo.Count == 0)
        {
            r.Error($"{p}.fileTo", "至少列出一个备案机关");
        }

        var via = r.Has(e, "via") ? ReadAuthority(r, e.GetProperty("via"), $"{p}.via") : null;
        ChangeOutcome? outcome = null;
        if (r.Has(e, "outcome"))
        {
            var o = e.GetProperty("outcome");
            var op = $"{p}.outcome";
            var actions = r.Strings(o, "actions", op, required: true);
            foreach (var a in actions.Where(a => a is not ("change" or RevocationConsequence.Revoke)))
            {
                r.Error($"{op}.actions", $"处理决定应为 change（变更）或 revoke（撤销），实际为“{a}”");
            }

            outcome = new ChangeOutcome(actions, r.String(o, "decidedBy", op), r.Bool(o, "published", op, false), r.String(o, "citation", op), r.String(o, "quote", op));
        }

        return new ChangeFilingRule(changes, r.Bool(e, "openEnded", p, false), days, countsFrom, fileTo, via, outcome, r.String(e, "citation", p), r.String(e, "quote", p));
    }

    private static AuthorityReference ReadAuthority(JsonFieldReader r, JsonElement e, string path)
    {
        if (!r.IsObject(e, path))
        {
            return new AuthorityReference(string.Empty, string.Empty);
        }

        var kind = r.String(e, "kind", path);
        if (kind.Length > 0 && !FilingAuthorityKinds.ContainsKey(kind))
        {
            r.Error($"{path}.kind", $"未知的机关类别“{kind}”（{string.Join("、", FilingAuthorityKinds.Keys)}）");
        }

        return new AuthorityReference(kind, r.String(e, "label", path));
    }

    private static List<RevocationGround> ReadGrounds(JsonFieldReader r, JsonElement e, string path)
    {
        var grounds = new List<RevocationGround>();
        foreach (var (item, p) in r.Array(e, "revocationGrounds", path))
        {
            if (!r.IsObject(item, p))
            {
                continue;
            }

            var id = r.String(item, "id", p);
            if (id.Length > 0 && !IdPattern().IsMatch(id))
            {
                r.Error($"{p}.id", $"标识“{id}”只能由小写字母、数字和连字符组成");
            }

            if (grounds.Any(g => g.Id == id))
            {
                r.Error($"{p}.id", $"撤销情形标识“{id}”重复");
            }

            RevocationConsequence? consequence = null;
            if (r.Has(item, "consequence"))
            {
                var c = item.GetProperty("consequence");
                var cp = $"{p}.consequence";
                var action = r.String(c, "action", cp);
                if (action.Length > 0 && action is not (RevocationConsequence.Revoke or RevocationConsequence.ChangeOrRevoke))
                {
                    r.Error($"{cp}.action", $"处理应为 revoke（撤销或取消称号）或 changeOrRevoke（视情况变更或撤销），实际为“{action}”");
                }

                consequence = new RevocationConsequence(action, r.Bool(c, "plaqueRecall", cp, false), r.Bool(c, "published", cp, false), r.String(c, "quote", cp));
            }

            grounds.Add(new RevocationGround(id, r.String(item, "citation", p), r.String(item, "text", p), consequence));
        }

        return grounds;
    }

    private static ReapplicationRule ReadReapplication(JsonFieldReader r, JsonElement e, string path)
    {
        var x = r.Object(e, "reapplication", path);
        if (x.ValueKind != JsonValueKind.Object)
        {
            return new ReapplicationRule(ReapplicationRule.Unspecified, null, null);
        }

        var p = $"{path}.reapplication";
        var mode = r.String(x, "whileValid", p);
        if (mode.Length > 0 && mode is not (ReapplicationRule.Forbidden or ReapplicationRule.ExpiryYearOnly or ReapplicationRule.Unspecified))
        {
            r.Error($"{p}.whileValid", $"应为 forbidden、expiryYearOnly 或 unspecified，实际为“{mode}”");
        }

        var citation = r.OptionalString(x, "citation", p);
        var quote = r.OptionalString(x, "quote", p);
        if (mode is ReapplicationRule.Forbidden or ReapplicationRule.ExpiryYearOnly && (citation is null || quote is null))
        {
            r.Error(p, "规定了再申报规则时须给出 citation 和 quote");
        }

        return new ReapplicationRule(mode.Length == 0 ? ReapplicationRule.Unspecified : mode, citation, quote);
    }

    private static EvaluationRule? ReadEvaluation(JsonFieldReader r, JsonElement obj, string path, Action<string?, string> checkGround)
    {
        if (!r.Has(obj, "evaluation"))
        {
            return null;
        }

        var e = obj.GetProperty("evaluation");
        var p = $"{path}.evaluation";
        var frequency = r.String(e, "frequency", p);
        if (frequency.Length > 0 && frequency is not ("annual" or "irregular"))
        {
            r.Error($"{p}.frequency", $"应为 annual（每年）或 irregular（不定期），实际为“{frequency}”");
        }

        var outcomes = new List<EvaluationOutcome>();
        foreach (var (item, op) in r.Array(e, "outcomes", p, required: false))
        {
            var action = r.String(item, "action", op);
            if (action.Length > 0 && action is not (EvaluationOutcome.Revoke or EvaluationOutcome.KeepWithoutFunding or EvaluationOutcome.FundingByTier))
            {
                r.Error($"{op}.action", $"应为 revoke、keepWithoutFunding 或 fundingByTier，实际为“{action}”");
            }

            var ground = r.OptionalString(item, "ground", op);
            checkGround(ground, $"{op}.ground");
            outcomes.Add(new EvaluationOutcome(r.String(item, "grade", op), action, ground, r.OptionalString(item, "note", op), r.String(item, "citation", op), r.String(item, "quote", op)));
        }

        var nonParticipation = r.OptionalString(e, "nonParticipationGrade", p);
        if (nonParticipation is not null && outcomes.All(o => o.Grade != nonParticipation))
        {
            r.Error($"{p}.nonParticipationGrade", $"“{nonParticipation}”不是 outcomes 中的评价等次");
        }

        return new EvaluationRule(r.String(e, "name", p), frequency, r.String(e, "organisedBy", p), r.String(e, "citation", p), r.String(e, "quote", p),
            r.Bool(e, "starRating", p, false), nonParticipation, OptionalCited(r, e, "nonParticipation", p), outcomes);
    }
}
