using Exemplar.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exemplar.Web.Features.Certificates;

/// <summary>The public halves of the certificate signing keys, which algorithm each signs with, and how to check a certificate offline.</summary>
public sealed class KeysModel(ExemplarDbContext db, IOptions<CertificateOptions> options) : PageModel
{
    public IReadOnlyList<SigningKey> Keys { get; private set; } = [];
    /// <summary>The key new certificates are signed with (the newest of the configured algorithm), if it exists yet.</summary>
    public string? CurrentKeyId { get; private set; }
    public SignatureAlgorithm Configured { get; private set; } = SignatureAlgorithms.All[0];
    /// <summary>The algorithms of the published keys, and the configured one: what the offline instructions cover.</summary>
    public IReadOnlyList<SignatureAlgorithm> Algorithms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Keys = await db.Set<SigningKey>().AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        Configured = SignatureAlgorithms.Find(options.Value.Algorithm) ?? Configured;
        CurrentKeyId = Keys.FirstOrDefault(k => k.Algorithm == Configured.Name)?.Id;
        Algorithms = [.. SignatureAlgorithms.All.Where(a => a == Configured || Keys.Any(k => k.Algorithm == a.Name))];
    }
}
