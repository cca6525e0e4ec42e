namespace Exemplar.Domain.Ledger;

/// <summary>Form of a ledger entry: 活动 (counted as 次), 一对一服务, 培训 (counted as 次 and its heads as 人次).</summary>
public enum ServiceForm { Event = 1, OneToOne = 2, Training = 3 }

/// <summary>公益性免费 / 低收费 / 市场价.</summary>
public enum FeeClass { Free = 1, LowFee = 2, Market = 3 }

/// <summary>小型 / 微型 / 其他 (the 工信部联企业〔2011〕300号 size classes as the operator records them).</summary>
public enum SizeClass { Small = 1, Micro = 2, Other = 3 }

public enum CarrierKind { Base = 1, Platform = 2 }

/// <summary>以制造业为主 / 以生产服务业为主 (昆明办法第六条第（七）项).</summary>
public enum CarrierPrimaryType { Manufacturing = 1, ProducerServices = 2 }

/// <summary>The event kinds some measures count separately (展览展销, 产品对接, 银企对接, 融资知识讲座).</summary>
public enum EventTopic { None = 0, Exhibition = 1, Matchmaking = 2, BankEnterprise = 3, FinanceLecture = 4 }

public enum Education { None = 0, HighSchool = 1, JuniorCollege = 2, Bachelor = 3, Master = 4, Doctorate = 5 }

public enum TitleLevel { None = 0, Junior = 1, Intermediate = 2, Senior = 3 }

public static class LedgerLabels
{
    public static string Of(ServiceForm v) => v switch { ServiceForm.Event => "活动", ServiceForm.OneToOne => "一对一服务", ServiceForm.Training => "培训", _ => "" };
    public static string Of(FeeClass v) => v switch { FeeClass.Free => "公益免费", FeeClass.LowFee => "低收费", FeeClass.Market => "市场收费", _ => "" };
    public static string Of(SizeClass v) => v switch { SizeClass.Small => "小型", SizeClass.Micro => "微型", SizeClass.Other => "其他", _ => "" };
    public static string Of(CarrierKind v) => v switch { CarrierKind.Base => "创业创新基地", CarrierKind.Platform => "公共服务平台", _ => "" };
    public static string Of(CarrierPrimaryType v) => v switch { CarrierPrimaryType.Manufacturing => "以制造业为主", CarrierPrimaryType.ProducerServices => "以生产服务业为主", _ => "" };
    public static string Of(EventTopic v) => v switch
    {
        EventTopic.None => "无", EventTopic.Exhibition => "展览展销、贸易洽谈", EventTopic.Matchmaking => "与龙头企业产品对接、合作交流",
        EventTopic.BankEnterprise => "银企对接", EventTopic.FinanceLecture => "融资知识讲座", _ => "",
    };
    public static string Of(Education v) => v switch
    {
        Education.None => "未填", Education.HighSchool => "高中及以下", Education.JuniorCollege => "大专", Education.Bachelor => "本科",
        Education.Master => "硕士研究生", Education.Doctorate => "博士研究生", _ => "",
    };
    public static string Of(TitleLevel v) => v switch
    {
        TitleLevel.None => "无", TitleLevel.Junior => "初级", TitleLevel.Intermediate => "中级", TitleLevel.Senior => "高级（含副高）", _ => "",
    };

    /// <summary>Parses a Chinese label (as written by templates) back into an enum value.</summary>
    public static bool TryParse<T>(string? text, Func<T, string> label, out T value) where T : struct, Enum
    {
        var t = (text ?? "").Trim();
        foreach (var v in Enum.GetValues<T>())
        {
            if (label(v) == t || v.ToString().Equals(t, StringComparison.OrdinalIgnoreCase)) { value = v; return true; }
        }
        value = default;
        return false;
    }
}
