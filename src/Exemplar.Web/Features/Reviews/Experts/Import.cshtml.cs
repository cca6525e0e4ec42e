using Exemplar.Web.Features.Ledger.Transfer;
using Exemplar.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exemplar.Web.Features.Reviews.Experts;

[Authorize(Roles = nameof(Role.DesignatingOfficer) + "," + nameof(Role.Administrator))]
[RequestSizeLimit(ExpertImport.MaxBytes + 64 * 1024)]
public sealed class ImportModel(ExpertImport import) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public ExpertImportResult? Result { get; private set; }

    public void OnGet() { }

    public async Task OnGetTemplateAsync(CancellationToken ct)
    {
        Response.ContentType = XlsxWriter.ContentType;
        Response.Headers.ContentDisposition = "attachment; filename*=UTF-8''" + Uri.EscapeDataString("评审专家导入模板.xlsx");
        await ExpertImport.WriteTemplateAsync(Response.Body, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("Upload", "请选择要导入的 XLSX 文件。");
            return Page();
        }
        if (!Upload.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Upload", "只能导入 .xlsx 文件（Excel 工作簿）。");
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        Result = await import.RunAsync(stream, User, ct);
        if (!Result.Imported) return Page();
        TempData["Flash"] = $"导入完成：新增 {Result.Added} 位专家，更新 {Result.Updated} 位专家。";
        return Redirect("/Experts");
    }
}
