namespace Exemplar.Web.Tests.Security;

/// <summary>Calendar, date tools, calendar administration and notifications.</summary>
public sealed class CalendarMatrixRows : IMatrixRows
{
    private static Task<(string, string)> Same(string url) => Task.FromResult((url, url));

    public IEnumerable<MatrixRow> Rows =>
    [
        MatrixRow.Public("GET", "/Calendar"),
        MatrixRow.Public("POST", "/Calendar"),
        MatrixRow.AdminOnly("GET", "/Admin/Calendar"),
        MatrixRow.AdminOnly("POST", "/Admin/Calendar"),
        MatrixRow.AdminOnly("GET", "/Admin/Calendar/Year/{year:int}") with { Sample = (_, _) => Same("/Admin/Calendar/Year/2025") },
        MatrixRow.AdminOnly("POST", "/Admin/Calendar/Year/{year:int}") with { Sample = (_, _) => Same("/Admin/Calendar/Year/2025") },
        MatrixRow.AdminOnly("GET", "/Admin/Calendar/Edit"),
        MatrixRow.AdminOnly("POST", "/Admin/Calendar/Edit"),
        MatrixRow.AdminOnly("GET", "/Admin/Calendar/Import"),
        MatrixRow.AdminOnly("POST", "/Admin/Calendar/Import"),
        MatrixRow.AdminOnly("GET", "/Admin/Calendar/Export"),
        MatrixRow.AdminOnly("POST", "/Admin/Calendar/Export"),
        MatrixRow.AdminOnly("GET", "/Admin/Calendar/Settings"),
        MatrixRow.AdminOnly("POST", "/Admin/Calendar/Settings"),
        MatrixRow.SignedIn("GET", "/Notifications"),
        MatrixRow.SignedIn("POST", "/Notifications"),
        MatrixRow.Public("GET", "/api/v1/calendar/days/{date}") with { Sample = (_, _) => Same("/api/v1/calendar/days/2025-10-01") },
        MatrixRow.Public("GET", "/api/v1/calendar/notice-end"),
        MatrixRow.Public("GET", "/api/v1/calendar/within"),
        MatrixRow.Public("GET", "/api/v1/calendar/years"),
    ];
}
