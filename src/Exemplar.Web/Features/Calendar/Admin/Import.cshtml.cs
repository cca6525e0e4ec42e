using System.ComponentModel.DataAnnotations;
using System.Text;
using Exemplar.Domain.Calendar;
using Exemplar.Web.Features.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Calendar.Admin;

/// <summary>
/// Imports a calendar file (same format as data/calendar, one or more years): every problem listed in Chinese,
/// all or nothing; replacing entered years asks first (the file's text is carried in the confirmation form).
/// </summary>
public sealed class ImportModel(ChangeCalendarHandler handler) : PageModel
{
    public const int MaxBytes = 1024 * 1024;

    [BindProperty] [Display(Name = "文件")] public IFormFile? Upload { get; set; }
    [BindProperty] [Display(Name = "JSON 内容")] public string? Json { get; set; }
    [BindProperty] [Display(Name = "确认替换")] public bool ConfirmReplace { get; set; }

    public IReadOnlyList<int> ReplacingYears { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var text = await ReadAsync(ct);
        if (text is null) return Page();
        IReadOnlyList<HolidayNotice> notices;
        try
        {
            notices = HolidayCalendarJson.ParseNotices(text);
        }
        catch (CalendarValidationException e)
        {
            return Fail(e.Errors);
        }
        if (notices.Count == 0) return Fail(["文件中没有任何年份的节假日安排。"]);
        var result = await handler.HandleAsync(new ChangeCalendarCommand(notices, ConfirmReplace, "节假日安排.导入"), ct);
        if (result.Saved)
        {
            TempData["CalendarChanges"] = string.Join("\n", result.Summary());
            return Redirect("/Admin/Calendar");
        }
        if (result.YearsNeedingConfirmation.Count > 0)
        {
            ReplacingYears = result.YearsNeedingConfirmation;
            Json = text;
            return Page();
        }
        return Fail(result.Errors);
    }

    private IActionResult Fail(IEnumerable<string> errors)
    {
        ModelState.Clear();
        foreach (var e in errors) ModelState.AddModelError(string.Empty, e);
        Json = null;
        ConfirmReplace = false;
        return Page();
    }

    private async Task<string?> ReadAsync(CancellationToken ct)
    {
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > MaxBytes) { Fail([$"文件过大（{file.Length / 1024}KB），上限为{MaxBytes / 1024}KB。"]); return null; }
            if (!file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) { Fail(["请上传扩展名为 .json 的文件。"]); return null; }
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, true));
            try
            {
                return await reader.ReadToEndAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                Fail(["文件不是UTF-8编码的文本，无法导入。"]);
                return null;
            }
        }
        if (!string.IsNullOrWhiteSpace(Json))
        {
            if (Json.Length > MaxBytes) { Fail(["粘贴的内容过长。"]); return null; }
            return Json;
        }
        Fail(["请选择要导入的JSON文件，或粘贴JSON内容。"]);
        return null;
    }
}
