using Exemplar.Web.Infrastructure.Forms;
using System.ComponentModel.DataAnnotations;
using Exemplar.Web.Features.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Calendar.Admin;

/// <summary>Policy-lapse lead time and reminder lead times.</summary>
public sealed class SettingsModel(CalendarService calendars, SaveCalendarSettingsHandler handler) : PageModel, IFormPage
{
    [BindProperty] [Display(Name = "政策到期提前提醒天数")] public int PolicyLapseLeadDays { get; set; }
    [BindProperty] [Display(Name = "提醒提前天数")] public string ReminderLeadDays { get; set; } = "";

    public CalendarSettings Current { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        calendars.Invalidate();
        Current = await calendars.SettingsAsync(ct);
        PolicyLapseLeadDays = Current.PolicyLapseLeadDays;
        ReminderLeadDays = string.Join(", ", Current.ReminderLeadDays);
    }

    public async Task LoadFormAsync(CancellationToken ct) => Current = await calendars.SettingsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Current = await calendars.SettingsAsync(ct);
            return Page();
        }
        var errors = await handler.HandleAsync(new SaveCalendarSettingsCommand(PolicyLapseLeadDays, ReminderLeadDays), ct);
        if (errors.Count > 0)
        {
            foreach (var e in errors) ModelState.AddModelError(string.Empty, e);
            Current = await calendars.SettingsAsync(ct);
            return Page();
        }
        TempData["Flash"] = "提醒设置已保存。";
        return RedirectToPage();
    }
}
