using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exemplar.Web.Features.Certificates;

/// <summary>The public halves of the certificate signing keys and how to check a certificate offline.</summary>
public sealed class KeysModel(ExemplarDbContext db) : PageModel
{
    public IReadOnlyList<SigningKey> Keys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Keys = await db.Set<SigningKey>().AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
}
