using System.Text.Json;

namespace Exemplar.Web.Features.Audit;

/// <summary>Chinese names of what the audit trail records: entity types, actions and fields (a test keeps them complete).</summary>
public static class AuditLabels
{
    public static readonly IReadOnlyDictionary<string, string> EntityTypes = new Dictionary<string, string>
    {
        ["CalendarSettings"] = "提醒设置", ["Carrier"] = "基地（平台）", ["HolidayNoticeRecord"] = "节假日安排",
        ["Jurisdiction"] = "行政区划", ["LedgerAttachment"] = "佐证材料", ["LedgerEntry"] = "台账记录", ["Notification"] = "通知",
        ["Organization"] = "单位", ["PartnerAgency"] = "合作机构", ["PolicySetting"] = "政策施行日期", ["ResidentEnterprise"] = "入驻企业",
        ["ResidentYearFigure"] = "入驻企业年度数据", ["ServiceStaff"] = "服务人员", ["SurveyAnswer"] = "满意度调查答复",
        ["SurveyInvitation"] = "满意度调查链接", ["SurveySample"] = "满意度抽查样本", ["SurveySampleAnswer"] = "满意度抽查答复", ["ServiceConfirmation"] = "入驻企业服务确认",
        ["UserAccount"] = "账户", ["StoredFile"] = "上传文件", ["UserSession"] = "登录会话", ["RecoveryCode"] = "两步验证恢复码",
        ["OrganizationClaim"] = "代码归属异议", ["RetentionRun"] = "个人信息到期清除",
        ["Call"] = "申报通知", ["CallMaterialSlot"] = "申报材料项", ["CallExtension"] = "申报延期", ["CallAttachment"] = "申报通知附件",
        ["Application"] = "申报", ["ApplicationVersion"] = "申报版本", ["ApplicationMaterial"] = "申报材料", ["ApplicationReturn"] = "退回补正", ["ReceiptReservation"] = "受理编号预留",
        ["Expert"] = "评审专家", ["ExpertReview"] = "专家评审", ["ReviewRubricItem"] = "评分项", ["ReviewAssignment"] = "评审任务",
        ["Designation"] = "认定情况", ["DesignationChange"] = "认定后的变更", ["IssuedCertificate"] = "证书", ["Notice"] = "送达文书", ["OutboundMessage"] = "外发消息", ["PolicySnapshot"] = "政策快照",
        ["Recommendation"] = "推荐（初审）", ["SiteInspection"] = "现场核查",
        ["PublicNotice"] = "公示", ["NoticeEntry"] = "公示名单条目", ["Objection"] = "异议", ["ObjectionEvidence"] = "异议证据",
        ["DesignationDecision"] = "认定决定", ["DecisionLine"] = "认定决定条目", ["WrittenOutcome"] = "书面结果告知",
        ["EvaluationRound"] = "测评", ["EvaluationSubject"] = "测评基地与结果", ["EvaluationAssignment"] = "测评评分任务", ["RecommendationCandidate"] = "择优推荐",
        ["AnnualSummary"] = "年度工作总结", ["AnnualReport"] = "年度报告（检查情况报告）",
        ["ChangeFiling"] = "重大变更备案", ["Revocation"] = "撤销称号",
    };

    public static string EntityType(string type) => EntityTypes.GetValueOrDefault(type, type);

    public static string Action(string action) => action switch
    {
        "Added" => "新增", "Modified" => "修改", "Deleted" => "删除", "Attempted" => "尝试", "Read" => "查阅", "Cleared" => "解除", "Purged" => "清除",
        _ => action,
    };

    /// <summary>Field names: an entity's own name first (Carrier.Name = 名称), then the common one.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["Specialties"] = "专业领域", ["EmployerName"] = "工作单位", ["EmployerUscc"] = "工作单位统一社会信用代码", ["RegionCode"] = "所在地区",
        ["Mobile"] = "手机", ["Email"] = "电子邮箱", ["PanelSize"] = "评审专家人数", ["ReserveCount"] = "备选专家人数",
        ["ExcludeSameCounty"] = "同县回避", ["ScoringDeadline"] = "评分截止日期", ["Stage"] = "阶段", ["Seed"] = "随机种子", ["DrawJson"] = "抽取记录",
        ["DrawHash"] = "抽取记录哈希", ["Witnesses"] = "见证人", ["DrawnAt"] = "抽取时间", ["DrawnByName"] = "抽取人", ["ShortlistJson"] = "入围名单",
        ["ShortlistFixedAt"] = "名单确定时间", ["ShortlistFixedByName"] = "名单确定人", ["ReviewId"] = "专家评审", ["Key"] = "评分项代码",
        ["Label"] = "评分项", ["Checklist"] = "评审要点", ["MaxScore"] = "满分", ["Weight"] = "权重", ["ApplicationVersion"] = "评审的申报版本",
        ["ExpertId"] = "评审专家", ["CalledInAt"] = "启用时间", ["DeclaredAt"] = "声明时间", ["ConflictReason"] = "回避理由", ["MarksJson"] = "各项评分",
        ["Total"] = "总分", ["Opinion"] = "评审意见", ["Expert.Name"] = "姓名", ["ReviewAssignment.Position"] = "抽取顺序", ["Expert.IsActive"] = "在库",
        ["Id"] = "编号", ["CarrierId"] = "基地（平台）", ["OrganizationId"] = "单位", ["EnterpriseId"] = "企业", ["EntryId"] = "台账记录",
        ["AttachmentId"] = "佐证材料", ["InvitationId"] = "调查链接", ["SampleId"] = "抽查样本", ["UserId"] = "账户", ["PolicyId"] = "政策",
        ["ProgrammeId"] = "认定办法", ["PartnerAgencyId"] = "服务提供方", ["ImportJobId"] = "导入批次",
        ["Name"] = "名称", ["Kind"] = "类型", ["Code"] = "代码", ["ParentCode"] = "上级区划代码", ["JurisdictionCode"] = "所在行政区划",
        ["Uscc"] = "统一社会信用代码", ["Address"] = "地址", ["ContactName"] = "联系人", ["ContactPhone"] = "联系电话", ["Phone"] = "电话",
        ["LeadingIndustries"] = "主导产业", ["PrimaryType"] = "产业类型", ["Area"] = "场地面积", ["PublicServiceArea"] = "公共服务区域面积",
        ["EstablishedOn"] = "成立日期", ["CarrierType"] = "载体类型", ["OperatorSince"] = "现运营单位开始运营日期", ["OperatorFoundedOn"] = "运营单位成立日期", ["CreatedAt"] = "创建时间", ["EntryDate"] = "入驻日期", ["ExitDate"] = "迁出日期", ["Industry"] = "所属行业",
        ["InLeadingIndustry"] = "属于主导产业", ["SizeClass"] = "企业规模", ["Year"] = "年度", ["Years"] = "年度数据", ["Employees"] = "从业人员",
        ["RevenueWan"] = "营业收入（万元）", ["PatentsApplied"] = "专利申请", ["PatentsHeld"] = "拥有专利", ["HighTechRecognitions"] = "高新技术企业认定",
        ["TechSmeRecognitions"] = "科技型中小企业认定", ["OtherOutcomes"] = "其他创新成果", ["Position"] = "岗位", ["FullTime"] = "专职",
        ["Education"] = "学历", ["Title"] = "标题", ["MentorCertificate"] = "创业导师资格证", ["YearsAtBase"] = "在基地工作年限",
        ["AgreementFrom"] = "协议起始日期", ["AgreementTo"] = "协议截止日期", ["Services"] = "服务内容", ["Function"] = "服务功能",
        ["Date"] = "服务日期", ["Place"] = "服务地点", ["Form"] = "服务形式", ["Topic"] = "活动类别", ["ResidentIds"] = "参与的入驻企业",
        ["OtherNames"] = "其他参与企业", ["PersonCount"] = "参与人数", ["Fee"] = "收费类别", ["RequestText"] = "服务需求",
        ["OutcomeText"] = "服务内容与成果", ["Feedback"] = "企业反馈", ["FileName"] = "文件名", ["ContentType"] = "文件类型", ["Size"] = "大小（字节）",
        ["Sha256"] = "SHA-256 摘要", ["UploadedAt"] = "上传时间", ["Body"] = "内容", ["ReadAt"] = "阅读时间", ["ObligationKey"] = "提醒事项",
        ["Path"] = "链接", ["UserName"] = "用户名", ["DisplayName"] = "姓名", ["Role"] = "角色", ["PasswordHash"] = "密码（已隐去）",
        ["SecurityStamp"] = "安全戳（已隐去）", ["IsActive"] = "启用", ["AccessFailedCount"] = "连续登录失败次数", ["LockoutEnd"] = "锁定至",
        ["LastSignInAt"] = "最近登录时间", ["PasswordChangedAt"] = "密码修改时间", ["EffectiveFrom"] = "施行日期", ["SetAt"] = "设定时间",
        ["SetBy"] = "设定人", ["NoticeJson"] = "通知内容", ["Number"] = "文号", ["EnteredAt"] = "录入时间", ["EnteredBy"] = "录入人",
        ["IsBuiltIn"] = "内置", ["PolicyLapseLeadDays"] = "政策到期提前提醒天数", ["ReminderLeadDays"] = "提醒提前天数", ["UpdatedAt"] = "修改时间",
        ["UpdatedBy"] = "修改人", ["AnnouncedOn"] = "公告日期", ["ChangeCompletedOn"] = "变更完成日期", ["ExpiresAt"] = "有效期至",
        ["RevokedAt"] = "作废时间", ["AnsweredAt"] = "答复时间", ["TokenHash"] = "链接摘要（已隐去）", ["Satisfied"] = "满意",
        ["Comment"] = "意见", ["ContactMethod"] = "联系方式", ["SharePercent"] = "抽查比例（%）", ["Seed"] = "随机种子",
        ["PopulationCount"] = "总体数", ["PopulationDate"] = "总体日期", ["PopulationIds"] = "总体名单", ["MemberIds"] = "样本名单",
        ["DrawnBy"] = "抽取人", ["DrawnAt"] = "抽取时间", ["CompletedAt"] = "完成时间", ["CompletedBy"] = "完成人", ["RecordedAt"] = "记录时间",
        ["SiteInspection.Team"] = "核查组成员", ["SiteInspection.Date"] = "核查日期", ["SiteInspection.FindingsJson"] = "逐项核查情况",
        ["SiteInspection.Conclusion"] = "核查结论", ["SiteInspection.RectifyBy"] = "整改期限", ["SiteInspection.Reason"] = "结论说明",
        ["RecordedByName"] = "记录人",
        ["RecordedBy"] = "记录人", ["Content"] = "内容", ["RedrawReason"] = "再次抽取的原因", ["Purpose"] = "用途", ["UploadedBy"] = "上传人",
        ["TwoFactorSecret"] = "两步验证密钥（已隐去）", ["TwoFactorEnabledAt"] = "两步验证启用时间", ["TwoFactorLastStep"] = "最近一次验证码的时间步",
        ["CodeHash"] = "恢复码摘要（已隐去）", ["UsedAt"] = "使用时间", ["IpAddress"] = "登录地址", ["UserAgent"] = "浏览器",
        ["LastSeenAt"] = "最近活动时间", ["RevokedReason"] = "结束原因", ["TwoFactor"] = "经两步验证",
        ["DecidedAt"] = "处理时间", ["DecidedBy"] = "处理人", ["DecisionNote"] = "处理意见", ["ClaimantName"] = "提出异议的单位",
        ["Statement"] = "情况说明", ["PersonalDataPurgedAt"] = "个人信息清除时间",
        ["UserSession.RevokedAt"] = "结束时间", ["UserSession.ExpiresAt"] = "登录时限",
        ["CallId"] = "申报通知", ["ApplicationId"] = "申报", ["VersionId"] = "申报版本", ["SlotId"] = "材料项", ["FileId"] = "文件",
        ["NoticeId"] = "送达文书", ["Status"] = "状态", ["State"] = "状态", ["CreatedBy"] = "创建人", ["CurrentVersion"] = "当前版本",
        ["FirstSubmittedAt"] = "首次提交时间", ["LastSubmittedAt"] = "最近提交时间", ["MaterialsComplete"] = "材料齐全",
        ["ReceiptNumber"] = "受理编号", ["SubmittedVerdict"] = "提交时的条件判断", ["WithdrawalReason"] = "撤回原因", ["WithdrawnAt"] = "撤回时间",
        ["CorrectionDeadline"] = "补正期限", ["DeliveredAt"] = "送达时间", ["DeliveredVia"] = "送达方式", ["FromVersion"] = "退回的版本",
        ["ItemsJson"] = "需补正事项", ["Reason"] = "原因", ["ResubmittedAt"] = "重新提交时间", ["ReturnedAt"] = "退回时间",
        ["ReturnedBy"] = "退回人", ["ReturnedByName"] = "退回人姓名", ["DeclarationAcceptedAt"] = "声明确认时间",
        ["DeclarationAcceptedBy"] = "声明确认人", ["DeclarationAcceptedByName"] = "声明确认人姓名", ["DetailsJson"] = "申报单位信息",
        ["EditableItems"] = "可修改事项", ["HandEnteredJson"] = "手工填报数据", ["LockedAt"] = "申请报告锁定时间",
        ["LockedHash"] = "申请报告摘要", ["LockedJson"] = "申请报告内容", ["NarrativesJson"] = "申报文字材料", ["PackageHash"] = "申报包摘要",
        ["ProfileYear"] = "数据年度", ["SnapshotJson"] = "数据快照", ["SubmittedAt"] = "提交时间", ["SubmittedBy"] = "提交人",
        ["SubmittedByName"] = "提交人姓名", ["WarningsJson"] = "提示事项", ["ApplicationDeadline"] = "申报截止时间", ["ClosedAt"] = "关闭时间",
        ["Contact"] = "联系方式", ["DocumentNumber"] = "文号", ["OpensOn"] = "开始受理日期", ["PolicyHash"] = "政策快照摘要",
        ["PolicyTitle"] = "政策名称", ["PolicyVersion"] = "政策版本", ["PublishedAt"] = "发布时间", ["ReceiptPrefix"] = "受理编号前缀",
        ["ReceiptsIssued"] = "已发受理编号数", ["Sequence"] = "序号", ["ReservedAt"] = "预留时间", ["RecommendationDeadline"] = "推荐截止时间", ["ReferenceDate"] = "数据截止日期",
        ["ExtendedAt"] = "延期时间", ["ExtendedBy"] = "延期人", ["NewApplicationDeadline"] = "新的申报截止时间",
        ["NewRecommendationDeadline"] = "新的推荐截止时间", ["PreviousApplicationDeadline"] = "原申报截止时间",
        ["PreviousRecommendationDeadline"] = "原推荐截止时间", ["Citation"] = "依据条款", ["Generated"] = "系统生成",
        ["IsDeclaration"] = "声明类材料", ["Order"] = "顺序", ["Required"] = "必须提交", ["Text"] = "内容",
        ["AnnouncementNumber"] = "公告文号", ["ReapplyBannedUntil"] = "不得再次申报至", ["RevocationCitation"] = "撤销依据",
        ["RevokedOn"] = "撤销日期", ["PlaqueAwardedOn"] = "授牌日期", ["ReReviewApplicationId"] = "待决复核申报", ["EnteredAfterwards"] = "上线后补录", ["DesignationId"] = "认定", ["CompletedOn"] = "完成日期", ["IssuedOn"] = "发证日期", ["Payload"] = "签名内容", ["Signature"] = "电子签名", ["Algorithm"] = "签名算法", ["KeyId"] = "签名密钥", ["IssuedCertificate.Number"] = "证书编号", ["ReplacesId"] = "所换发（补发）的原证书", ["ReissueKind"] = "换发（补发）原因", ["ReissueReason"] = "换发（补发）情况说明", ["IssuedCertificate.ChangeFilingId"] = "依据的名称变更备案", ["SupersededOn"] = "作废日期", ["SupersededById"] = "换发（补发）的新证书", ["DesignationChange.Description"] = "变更事项", ["ValidFrom"] = "有效期起", ["ValidUntil"] = "有效期至", ["Ref"] = "关联", ["Attempts"] = "发送次数",
        ["Channel"] = "渠道", ["LastError"] = "最近错误", ["NextAttemptAt"] = "下次发送时间", ["Recipient"] = "收件人", ["SentAt"] = "发送时间",
        ["Subject"] = "主题", ["Hash"] = "摘要", ["Json"] = "内容", ["PinnedAt"] = "固定时间",
        ["Level"] = "推荐层级", ["MaterialsJson"] = "材料完整性", ["NotesJson"] = "核查意见", ["Recommendation.AssessmentJson"] = "测评", ["AuditDate"] = "现场审核日期", ["AuditInspectors"] = "现场审核人员", ["AuditFindings"] = "现场审核情况", ["AuditPhotoIds"] = "现场照片", ["Opinion"] = "推荐意见", ["Recommend"] = "是否推荐", ["SignedAt"] = "签署时间", ["SignedBy"] = "签署人", ["SignedByName"] = "签署人姓名", ["SignedJson"] = "签署内容", ["Recommendation.Hash"] = "签署摘要", ["Recommendation.ApplicationVersion"] = "申报版本号",
        ["DecisionLine.DecisionId"] = "认定决定", ["DecisionLine.Designated"] = "是否认定", ["DesignationDecision.AnnouncedAt"] = "公告时间", ["DesignationDecision.AnnouncedByName"] = "公告人", ["DesignationDecision.AnnouncementTitle"] = "公告标题", ["DesignationDecision.AttendeesJson"] = "参会人员", ["DesignationDecision.Collective"] = "集体决策", ["DesignationDecision.DecidedOn"] = "决定日期", ["DesignationDecision.MeetingName"] = "会议名称", ["DesignationDecision.MembersExpected"] = "应到人数", ["DesignationDecision.MembersPresent"] = "实到人数", ["DesignationDecision.MinutesFileId"] = "会议纪要文件", ["DesignationDecision.MinutesFileName"] = "会议纪要文件名", ["WrittenOutcome.CarrierName"] = "基地名称", ["WrittenOutcome.DecisionId"] = "认定决定", ["WrittenOutcome.IssuedBy"] = "出具人", ["WrittenOutcome.Reasons"] = "理由", ["NoticeEntry.CarrierName"] = "基地名称", ["NoticeEntry.OperatorName"] = "运营单位", ["NoticeEntry.RegionName"] = "所在地区", ["NoticeEntry.Removed"] = "已移出名单", ["NoticeEntry.RemovedReason"] = "移出原因", ["NoticeEntry.SelectionReason"] = "列入理由", ["Objection.ConcludedAt"] = "办结时间", ["Objection.ConcludedByName"] = "办结人", ["Objection.Conclusion"] = "核查结论", ["Objection.FiledAt"] = "提出时间", ["Objection.FilerContact"] = "异议人联系方式", ["Objection.FilerKind"] = "异议人类型", ["Objection.FilerName"] = "异议人姓名或名称", ["Objection.Findings"] = "调查核实情况", ["Objection.Reference"] = "查询编号", ["Objection.RegisteredAt"] = "登记时间", ["Objection.RegisteredByName"] = "登记人", ["Objection.Reply"] = "答复", ["Objection.StatementAt"] = "陈述申辩时间", ["Objection.StatementDue"] = "陈述申辩截止日期", ["ObjectionEvidence.ObjectionId"] = "异议", ["PublicNotice.EndWasProvisional"] = "截止日期曾为暂定", ["PublicNotice.EndsOn"] = "公示截止日期", ["PublicNotice.ExtensionReason"] = "延长理由", ["PublicNotice.LengthSetByAuthority"] = "公示期由认定机关确定", ["PublicNotice.PublishedByName"] = "发布人", ["PublicNotice.PublishedOn"] = "发布日期", ["PublicNotice.StartsOn"] = "公示开始日期", ["PublicNotice.WorkingDays"] = "公示期（工作日）",
        ["RubricJson"] = "评分细则", ["CutoffsJson"] = "各等次分数线", ["StarScaleJson"] = "星级标准", ["TiersJson"] = "资金奖励档次",
        ["ScoringOpenedAt"] = "开始评分时间", ["ScoringOpenedByName"] = "开始评分操作人", ["CreatedByName"] = "创建人", ["RoundId"] = "测评",
        ["SubjectId"] = "测评基地", ["Participates"] = "参加测评", ["Score"] = "总分", ["ProposedGrade"] = "拟定等次", ["Grade"] = "确认等次",
        ["EvaluationSubject.Action"] = "处理", ["GroundId"] = "撤销依据", ["OverrideReason"] = "调整等次的理由", ["Stars"] = "星级",
        ["TierName"] = "资金奖励档次", ["TierAmountWan"] = "奖励金额（万元）", ["ConfirmedAt"] = "确认时间", ["ConfirmedByName"] = "确认人",
        ["EvaluationAssignment.Position"] = "抽取顺序", ["EvaluationAssignment.Opinion"] = "评审意见", ["RecommendationCandidate.Reason"] = "推荐理由",
        ["UpdatedByName"] = "修改人",
        ["ChangeFiling.ChangeKind"] = "变更事项类别", ["ChangeFiling.Description"] = "变更内容", ["ChangeFiling.EventOn"] = "变更日期",
        ["ChangeFiling.EventWording"] = "期限起算事件", ["ChangeFiling.WorkingDays"] = "备案期限（工作日）", ["ChangeFiling.DueOn"] = "应报送日期",
        ["ChangeFiling.DueProvisional"] = "应报送日期为暂定", ["ChangeFiling.FiledOn"] = "报送日期", ["ChangeFiling.FiledAt"] = "报送时间",
        ["ChangeFiling.FiledBy"] = "报送人", ["ChangeFiling.FiledByName"] = "报送人姓名", ["ChangeFiling.DaysLate"] = "逾期天数",
        ["ChangeFiling.EvidenceJson"] = "证明材料", ["ChangeFiling.ForwardedAt"] = "转报时间", ["ChangeFiling.ForwardedByName"] = "转报人",
        ["ChangeFiling.LocalOpinion"] = "主管部门意见", ["ChangeFiling.DecidedAt"] = "办理时间", ["ChangeFiling.DecidedByName"] = "办理人",
        ["ChangeFiling.DecisionReason"] = "办理理由", ["ChangeFiling.DecisionNumber"] = "处理决定文号", ["ChangeFiling.DesignationChangeId"] = "登记的变更",
        ["ChangeFiling.RevocationId"] = "撤销程序",
        ["Revocation.GroundsJson"] = "撤销情形", ["Revocation.Citation"] = "撤销依据", ["Revocation.Facts"] = "事实和理由", ["Revocation.EvidenceJson"] = "证据材料",
        ["Revocation.StatementDays"] = "陈述申辩期限（天）", ["Revocation.ChangeFilingId"] = "重大变更备案", ["Revocation.ProposedFrom"] = "系统提示来源",
        ["Revocation.StartedAt"] = "告知时间", ["Revocation.StartedByName"] = "发起人", ["Revocation.DeliveryRecordedOn"] = "记录的送达日期",
        ["Revocation.Statement"] = "陈述申辩意见", ["Revocation.StatementEvidenceJson"] = "陈述申辩材料", ["Revocation.StatementAt"] = "陈述申辩时间",
        ["Revocation.StatementByName"] = "陈述申辩人", ["Revocation.StatementAccepted"] = "陈述申辩是否采纳", ["Revocation.StatementHandlingReason"] = "陈述申辩处理理由",
        ["Revocation.DecidedOn"] = "决定日期", ["Revocation.DecidedAt"] = "决定时间", ["Revocation.DecidedByName"] = "决定人", ["Revocation.DecisionNumber"] = "决定文号",
        ["Revocation.DecisionReasons"] = "决定理由", ["Revocation.PlaqueRecall"] = "收回牌匾", ["Revocation.ReapplyBannedUntil"] = "不得再次申请至",
        ["ServiceConfirmation.EntryId"] = "台账记录", ["ServiceConfirmation.EnterpriseId"] = "入驻企业", ["ServiceConfirmation.InvitationId"] = "个人链接",
        ["ServiceConfirmation.Status"] = "确认结果", ["ServiceConfirmation.Reason"] = "异议理由", ["ServiceConfirmation.RespondedAt"] = "确认时间",
        ["AnnualSummary.Number"] = "版本号", ["Narrative"] = "总结正文", ["WorkPlan"] = "当年工作计划", ["FiguresJson"] = "台账数据（提交时）",
        ["DueDate"] = "截止日期", ["SubmitTo"] = "报送单位", ["SubmittedOn"] = "提交日期", ["DaysLate"] = "逾期天数",
        ["AnnualReport.Narrative"] = "检查情况报告正文", ["ChecksJson"] = "逐个基地检查情况", ["TotalsJson"] = "辖区汇总数据（提交时）",
        ["Carrier.Name"] = "名称", ["Notification.Title"] = "标题", ["HolidayNoticeRecord.Title"] = "通知标题", ["UserAccount.Phone"] = "联系电话",
    };

    public static string Field(string entityType, string field) =>
        Fields.GetValueOrDefault($"{entityType}.{field}") ?? Fields.GetValueOrDefault(field) ?? field;

    /// <summary>
    /// The person an audit row belongs to: the signed-in actor, or for a sign-in (recorded before the session exists,
    /// so as 匿名) the account that signed in, from the row itself.
    /// </summary>
    public static string Person(Infrastructure.Auditing.AuditEntry a)
    {
        if (a.ActorId is not null || a.ActorName != "匿名" || a.EntityType != "UserAccount") return a.ActorName;
        var json = a.After ?? a.Before;
        if (json is null) return a.ActorName;
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var name = root.TryGetProperty("DisplayName", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()
            : root.TryGetProperty("UserName", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        return name is null ? a.ActorName : $"{name}（{(a.Operation == "账户.登录失败" ? "登录失败" : "登录")}）";
    }

    /// <summary>Local time as people read it: 2026年11月30日 15:04.</summary>
    public static string Time(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Infrastructure.ChinaTime.Zone).ToString("yyyy年M月d日 HH:mm");
}
