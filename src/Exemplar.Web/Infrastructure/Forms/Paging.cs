namespace Exemplar.Web.Infrastructure.Forms;

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class Paging
{
    public const int Size = 20;

    public static int Clamp(int page) => page < 1 ? 1 : page;

    public static string Link(string path, IEnumerable<KeyValuePair<string, string?>> query) =>
        path + Microsoft.AspNetCore.Http.QueryString.Create(query.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
