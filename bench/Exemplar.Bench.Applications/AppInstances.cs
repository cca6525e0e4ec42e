using System.Diagnostics;
using Exemplar.Bench.Ledger;

namespace Exemplar.Bench.Applications;

/// <summary>
/// The app as it is deployed: <c>Exemplar.Web.dll</c> started as separate processes (one per port) over one database,
/// with the environment of scripts/start.sh plus the benchmark's own settings, each of which is printed.
/// </summary>
public sealed class AppInstances : IAsyncDisposable
{
    private readonly List<Process> processes = [];
    public List<Uri> Urls { get; } = [];

    /// <summary>What differs from a production deployment, for the report.</summary>
    public static readonly (string Key, string Value, string Why)[] BenchSettings =
    [
        ("Exemplar__Bench__NoOpUpload", "true", "maps POST /api/v1/bench/noop-upload, the comparison upload (off by default)"),
        ("Exemplar__RateLimits__SignInPerMinute", "1000000", "1,000 sign-ins come from one address (127.0.0.1); default 30/min per address"),
        ("Exemplar__RateLimits__ApiPerMinute", "1000000", "default 600/min per user is not reached anyway (3 calls per applicant)"),
        ("Exemplar__TwoFactor__Enforce", "false", "as scripts/start.sh; applicants are not asked for a second factor either way"),
        ("Logging__LogLevel__Default", "Warning", "no per-request information lines on the console"),
    ];

    public static async Task<AppInstances> StartAsync(string connectionString, int count, int firstPort)
    {
        var dll = Path.Combine(BenchDatabase.RepositoryRoot(), "src", "Exemplar.Web", "bin", "Release", "net10.0", "Exemplar.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} not found: dotnet build -c Release bench/Exemplar.Bench.Applications");
        var instances = new AppInstances();
        // One public address for all instances (the proxy's), as in a deployment behind nginx.
        var publicUrl = $"http://127.0.0.1:{firstPort}";
        for (var i = 0; i < count; i++)
        {
            var url = new Uri($"http://127.0.0.1:{firstPort + i}");
            var start = new ProcessStartInfo("dotnet", [dll, "--urls", url.ToString().TrimEnd('/')])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(dll)!,
            };
            start.Environment["ConnectionStrings__Default"] = connectionString;
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Exemplar__SeedDemoData"] = "true";
            start.Environment["Exemplar__PublicBaseUrl"] = publicUrl;
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            foreach (var (key, value, _) in BenchSettings) start.Environment[key] = value;
            var process = Process.Start(start)!;
            var log = Path.Combine(Path.GetTempPath(), $"exemplar-bench-rush-{firstPort + i}.log");
            _ = PumpAsync(process.StandardOutput, log);
            _ = PumpAsync(process.StandardError, log);
            instances.processes.Add(process);
            instances.Urls.Add(url);
            // One at a time: each runs the (idempotent) migrations and seeders at start-up.
            await WaitReadyAsync(url, process, log);
        }
        return instances;
    }

    private static readonly object LogLock = new();

    private static async Task PumpAsync(StreamReader reader, string path)
    {
        while (await reader.ReadLineAsync() is { } line)
            lock (LogLock) File.AppendAllLines(path, [line]);
    }

    private static async Task WaitReadyAsync(Uri url, Process process, string log)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited) throw new InvalidOperationException($"the app on {url} exited with {process.ExitCode}; see {log}");
            try
            {
                if ((await http.GetAsync(new Uri(url, "/health/ready"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"the app on {url} was not ready within 5 minutes; see {log}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in processes)
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
            p.Dispose();
        }
        processes.Clear();
    }
}
