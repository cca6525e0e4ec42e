namespace Exemplar.Web.Features.Decisions;

/// <summary>The remedies a written outcome states (告知救济途径和期限).</summary>
public static class Remedies
{
    public const string Text =
        "如对本决定不服，可以自知道本决定之日起60日内依法申请行政复议（《中华人民共和国行政复议法》第二十条），" +
        "或者自知道或者应当知道本决定之日起6个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。";
}
