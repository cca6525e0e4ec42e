using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Exemplar.Web.Infrastructure.Forms;

/// <summary>
/// Every message the framework writes about a form field, in Chinese and naming the field by its
/// <see cref="DisplayAttribute"/> name (a field without a Chinese name is called 此项: an English property name never
/// reaches a person). Model-binding failures say what kind of value was expected; DataAnnotations attributes without
/// their own message get a Chinese one.
/// </summary>
public sealed class ChineseModelMessages : IBindingMetadataProvider, IValidationMetadataProvider
{
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        var label = Label(context.Attributes);
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        string Invalid(string? value) => InvalidMessage(label, type, value);
        var m = new DefaultModelBindingMessageProvider();
        m.SetMissingBindRequiredValueAccessor(_ => $"请填写{label}。");
        m.SetMissingKeyOrValueAccessor(() => $"请填写{label}。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        m.SetValueMustNotBeNullAccessor(_ => $"请填写{label}。");
        m.SetAttemptedValueIsInvalidAccessor((v, _) => Invalid(v));
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(Invalid);
        m.SetUnknownValueIsInvalidAccessor(_ => Invalid(null));
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => Invalid(null));
        m.SetValueIsInvalidAccessor(Invalid);
        m.SetValueMustBeANumberAccessor(_ => Invalid(null));
        m.SetNonPropertyValueMustBeANumberAccessor(() => Invalid(null));
        context.BindingMetadata.ModelBindingMessageProvider = m;
    }

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        var label = Label(context.Attributes).Replace("{", "{{").Replace("}", "}}");
        foreach (var a in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (a.ErrorMessage is not null || a.ErrorMessageResourceType is not null) continue;
            a.ErrorMessage = a switch
            {
                RequiredAttribute => $"请填写{label}。",
                RangeAttribute => $"{label}应在{{1}}至{{2}}之间。",
                StringLengthAttribute or MaxLengthAttribute => $"{label}不能超过{{1}}个字。",
                MinLengthAttribute => $"{label}不能少于{{1}}个字。",
                EmailAddressAttribute => $"{label}不是有效的电子邮箱地址。",
                PhoneAttribute => $"{label}不是有效的电话号码。",
                UrlAttribute => $"{label}不是有效的网址。",
                CompareAttribute => $"{label}与确认的内容不一致。",
                _ => $"{label}填写有误。",
            };
        }
    }

    /// <summary>The field's Chinese name, or 此项 when it has none (never an English property name).</summary>
    public static string Label(IReadOnlyList<object> attributes) =>
        attributes.OfType<DisplayAttribute>().FirstOrDefault()?.GetName() is { Length: > 0 } name && !name.Any(char.IsAsciiLetter) ? name : "此项";

    public static string InvalidMessage(string label, Type type, string? value)
    {
        var shown = value is null ? "" : $"“{(value.Length > 20 ? value[..20] + "…" : value)}”";
        if (type.IsEnum) return $"{label}{shown}不在可选范围内，请从列表中选择。";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(uint)) return $"{label}应填写整数{(shown.Length > 0 ? "，" + shown + "不是整数" : "")}。";
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return $"{label}应填写数字{(shown.Length > 0 ? "，" + shown + "不是数字" : "")}。";
        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)) return $"{label}{shown}不是有效的日期，请按 2025-03-01 的格式填写。";
        if (type == typeof(bool)) return $"{label}{shown}无效，请勾选或取消勾选。";
        return $"{label}{shown}无效。";
    }
}
