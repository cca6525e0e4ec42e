using System.ComponentModel.DataAnnotations;
using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar;
using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Calendar.Admin;

/// <summary>Add or replace one year's notice through a form (one holiday per line); replacing asks first.</summary>
public sealed class EditModel(ExemplarDbContext db, ChangeCalendarHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)] [Display(Name = "年份")] public int? Year { get; set; }
    [BindProperty] [Display(Name = "通知标题")] public string? Title { get; set; }
    [BindProperty] [Display(Name = "文号")] public string? Number { get; set; }
    [BindProperty] [Display(Name = "节假日安排")] public string? Holidays { get; set; }
    [BindProperty] [Display(Name = "确认替换")] public bool ConfirmReplace { get; set; }

    public bool Exists { get; private set; }
    public bool NeedsConfirmation { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Year is not { } year) return;
        var row = await db.Set<HolidayNoticeRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct);
        Exists = row is not null;
        if (row is null)
        {
            Title = $"国务院办公厅关于{year}年部分节假日安排的通知";
            return;
        }
        var notice = row.ToNotice();
        Title = notice.Title;
        Number = notice.Number;
        Holidays = HolidayLineFormat.Write(notice);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new List<string>();
        if (Year is null) errors.Add("请填写年份。");
        if (string.IsNullOrWhiteSpace(Title)) errors.Add("请填写通知标题。");
        else if (Title.Trim().Length > 200) errors.Add("通知标题不能超过200个字。");
        if (Number?.Trim().Length > 100) errors.Add("文号不能超过100个字。");
        var holidays = HolidayLineFormat.Read(Holidays, errors);
        if (errors.Count == 0)
        {
            var notice = new HolidayNotice(Year!.Value, Title!.Trim(), string.IsNullOrWhiteSpace(Number) ? null : Number.Trim(), holidays);
            var result = await handler.HandleAsync(new ChangeCalendarCommand([notice], ConfirmReplace, "节假日安排.录入"), ct);
            if (result.Saved)
            {
                TempData["CalendarChanges"] = string.Join("\n", result.Summary());
                return Redirect($"/Admin/Calendar/Year/{Year}");
            }
            if (result.YearsNeedingConfirmation.Count > 0)
            {
                Exists = NeedsConfirmation = true;
                return Page();
            }
            errors.AddRange(result.Errors);
        }
        foreach (var e in errors) ModelState.AddModelError(string.Empty, e);
        ConfirmReplace = false;
        return Page();
    }
}
