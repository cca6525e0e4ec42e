using System.Diagnostics;
using System.Net;

namespace Exemplar.Bench.Registry;

/// <summary>A small HTTP load generator: one pooled client, at most 64 connections to a server, bodies read in full.</summary>
public sealed class HttpLoad : IDisposable
{
    private readonly HttpClient client;

    public HttpLoad(int connections)
    {
        client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None, UseCookies = false, AllowAutoRedirect = false,
        }) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task<byte[]> GetBytesAsync(Uri url)
    {
        using var r = await client.GetAsync(url);
        if (r.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url}: {(int)r.StatusCode}");
        return await r.Content.ReadAsByteArrayAsync();
    }

    private async Task<bool> OneAsync(Uri url)
    {
        try
        {
            using var r = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await r.Content.ReadAsStreamAsync();
            await body.CopyToAsync(Stream.Null);
            return r.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException) { return false; }
        catch (TaskCanceledException) { return false; }
    }

    /// <summary>Closed loop: <paramref name="concurrency"/> workers, each sending the next URL as soon as the last answer is read, for a fixed time.</summary>
    public async Task<Latencies> ClosedLoopAsync(string side, Uri server, IReadOnlyList<string> paths, int concurrency, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            var ms = new List<double>(4096);
            var errors = 0;
            for (var i = w; clock.Elapsed < duration; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await OneAsync(new Uri(server, paths[i % paths.Count]));
                if (ok) ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds); else errors++;
            }
            return (ms, errors);
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        return Latencies.Of(side, results.SelectMany(r => r.ms), results.Sum(r => r.errors), seconds);
    }

    /// <summary>Open loop at a fixed arrival rate: request i is due at i / rate seconds and its latency counts from then
    /// (a late start is waiting time, not hidden).</summary>
    public static async Task<Latencies> FixedRateAsync<T>(string side, IReadOnlyList<T> work, double rate, Func<T, Task<bool>> send)
    {
        var ms = new double[work.Count];
        var ok = new bool[work.Count];
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>(work.Count);
        for (var i = 0; i < work.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                try { ok[index] = await send(work[index]); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Npgsql.NpgsqlException) { ok[index] = false; }
                ms[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        return Latencies.Of(side, ms.Where((_, i) => ok[i]), ok.Count(x => !x), seconds);
    }

    public Task<bool> SendAsync(Uri url) => OneAsync(url);

    public void Dispose() => client.Dispose();
}
