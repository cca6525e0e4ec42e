using System.Diagnostics;
using Exemplar.Web.Features.Jurisdictions;
using Exemplar.Web.Features.Registry;
using Exemplar.Web.Infrastructure;
using Exemplar.Domain.Designations;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Exemplar.Bench.Registry;

/// <summary>
/// The registry's own SQL run directly on PostgreSQL: the statement <see cref="RegistryQuery"/> sends is taken from the
/// product itself (Npgsql's tracing reports the command text; one call per statement shape), then sent with Npgsql with the
/// parameters <c>RegistryQuery.RunAsync</c> binds, and its JSON text read — no HTTP, no page, no parsing.
/// </summary>
public sealed class DirectSql : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly NpgsqlDataSource source;
    private readonly JurisdictionTree tree;
    private readonly Dictionary<string, string> statements = [];

    private DirectSql(WebApplication app, NpgsqlDataSource source, JurisdictionTree tree) { this.app = app; this.source = source; this.tree = tree; }

    public static async Task<DirectSql> OpenAsync(string connectionString, int maxConnections)
    {
        var app = Exemplar.Bench.Ledger.BenchDatabase.BuildApp(connectionString);
        var tree = await app.Services.GetRequiredService<JurisdictionTreeCache>().GetAsync(CancellationToken.None);
        var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxConnections }.ConnectionString);
        return new DirectSql(app, source, tree);
    }

    /// <summary>Takes the statement of every shape from the product (one product call each).</summary>
    public async Task CaptureAsync(IEnumerable<Search> searches)
    {
        string? captured = null;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name.StartsWith("Npgsql", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                var text = a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string;
                if (text is not null && text.Contains("json_build_object", StringComparison.Ordinal)) captured = text;
            },
        };
        ActivitySource.AddActivityListener(listener);
        foreach (var s in searches.DistinctBy(s => s.Shape))
        {
            captured = null;
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RegistryQuery>().SearchAsync(s.Filter, s.Sort, s.Page, CancellationToken.None);
            statements[s.Shape] = captured ?? throw new InvalidOperationException("Npgsql reported no statement text");
        }
    }

    public int Shapes => statements.Count;
    public string StatementOf(Search s) => statements[s.Shape];

    /// <summary>Runs the search's statement; returns the JSON text's length (read in full).</summary>
    public async Task<string> RunAsync(Search s)
    {
        var f = s.Filter;
        var regions = f.Region is { Length: > 0 } r ? (tree.Find(r) is null ? [] : tree.SubtreeCodes(r).ToArray()) : null;
        await using var cmd = source.CreateCommand(statements[s.Shape]);
        cmd.Parameters.Add(new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = ChinaTime.Today(TimeProvider.System) });
        cmd.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = "%" + Escape(f.Name ?? "") + "%" });
        cmd.Parameters.Add(new NpgsqlParameter("regions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = regions ?? [] });
        cmd.Parameters.Add(new NpgsqlParameter("programme", NpgsqlDbType.Text) { Value = f.Programme ?? "" });
        cmd.Parameters.Add(new NpgsqlParameter("industry", NpgsqlDbType.Text) { Value = f.Industry ?? "" });
        cmd.Parameters.Add(new NpgsqlParameter("year", NpgsqlDbType.Integer) { Value = f.Year ?? 0 });
        cmd.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Text) { Value = f.Status is { } st ? DesignationStatuses.Key(st) : "" });
        cmd.Parameters.Add(new NpgsqlParameter("offset", NpgsqlDbType.Integer) { Value = (Math.Max(1, s.Page) - 1) * RegistryQuery.PageSize });
        cmd.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = RegistryQuery.PageSize });
        cmd.Parameters.Add(new NpgsqlParameter("base", NpgsqlDbType.Uuid) { Value = Guid.Empty });
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The product's own answer for the search (total), to check the direct statement gives the same.</summary>
    public async Task<int> ProductTotalAsync(Search s)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<RegistryQuery>().SearchAsync(s.Filter, s.Sort, s.Page, CancellationToken.None)).Total;
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    public async ValueTask DisposeAsync()
    {
        await source.DisposeAsync();
        await app.DisposeAsync();
    }
}
