using System.Security.Claims;
using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar.Obligations;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace Exemplar.Web.Features.Calendar;

/// <param name="FiledDaysLate">For a filed obligation (<see cref="ObligationStatus.Done"/>): calendar days after the due date it was filed.</param>
public sealed record ObligationItem(Obligation Obligation, ObligationStatus Status, int DaysLeft, int? UncoveredYear, int? FiledDaysLate = null);

/// <param name="Filed">Obligations filed within the last <see cref="ObligationCatalog.OverdueWindowDays"/> days (已提交 / 已提交（逾期N天）).</param>
public sealed record ObligationsPanelModel(
    DateOnly Today, IReadOnlyList<ObligationItem> Overdue, IReadOnlyList<ObligationItem> Upcoming, IReadOnlyList<PolicyLapseNotice> Lapses,
    IReadOnlyList<ObligationItem>? Filed = null);

/// <summary>The signed-in user's upcoming and overdue obligations and policy-lapse notices, for the home page.</summary>
public sealed class ObligationsPanelQuery(ObligationCatalog catalog, CalendarService calendars, JurisdictionTreeCache trees)
{
    public async Task<ObligationsPanelModel> ForAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        var role = user.Role();
        var tree = await trees.GetAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var settings = await calendars.SettingsAsync(ct);
        if (role is null) return new(today, [], [], []);
        var addressed = (await catalog.DeriveAsync(today, ct))
            .Where(a => a.Audience.Includes(role.Value, user.JurisdictionCode(), user.OrganizationId(), tree))
            .DistinctBy(a => a.Obligation.Key).ToList();
        var mine = addressed.Where(a => a.FiledOn is null).Select(a => a.Obligation).ToList();
        var filed = addressed.Where(a => a.FiledOn is { } f && today.DayNumber - f.DayNumber <= ObligationCatalog.OverdueWindowDays)
            .OrderBy(a => a.Obligation.DueDate)
            .Select(a => new ObligationItem(a.Obligation, ObligationStatus.Done, a.Obligation.DueDate.DayNumber - today.DayNumber, null, a.FiledDaysLate)).ToList();
        ObligationItem Item(Obligation o) => new(o, ReminderSelector.StatusOn(o, today), o.DueDate.DayNumber - today.DayNumber, UncoveredYear(calendar, o));
        var overdue = ReminderSelector.Overdue(mine, today).Where(o => today.DayNumber - o.DueDate.DayNumber <= ObligationCatalog.OverdueWindowDays)
            .Select(Item).ToList();
        var upcoming = ReminderSelector.Upcoming(mine, today, ObligationCatalog.UpcomingHorizonDays).Select(Item).ToList();
        var lapses = RoleNames.Officers.Contains(role.Value) && user.JurisdictionCode() is { } code
            ? catalog.LapseNotices(tree, settings, today).Where(l => Related(tree, code, l.RegionCode)).ToList()
            : [];
        return new(today, overdue, upcoming, lapses, filed);
    }

    /// <summary>The year whose notice is missing for a provisional date (the next year for late-December dates).</summary>
    public static int? UncoveredYear(HolidayCalendar calendar, Obligation o) =>
        !o.IsProvisional ? null : !calendar.Covers(o.DueDate.Year) ? o.DueDate.Year : o.DueDate.Year + 1;

    private static bool Related(JurisdictionTree tree, string userCode, string regionCode) =>
        tree.SubtreeCodes(userCode).Contains(regionCode) || tree.SubtreeCodes(regionCode).Contains(userCode);
}

/// <summary>Renders <c>_ObligationsPanel.cshtml</c>; the workbench invokes it with one line.</summary>
public sealed class ObligationsPanelViewComponent(ObligationsPanelQuery query, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var model = await query.ForAsync(UserClaimsPrincipal, Infrastructure.ChinaTime.Today(clock), HttpContext.RequestAborted);
        return View("~/Features/Calendar/_ObligationsPanel.cshtml", model);
    }
}
