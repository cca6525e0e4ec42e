using System.Diagnostics;

namespace Exemplar.Bench.Faults;

/// <summary>The product, started once as its own process (Production settings, demo data) and never restarted during the run.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string BaseUrl { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    private AppProcess(Process process, string baseUrl) => (_process, BaseUrl) = (process, baseUrl);

    public static async Task<AppProcess> StartAsync(string repositoryRoot, string connectionString)
    {
        var dll = Path.Combine(repositoryRoot, "src", "Exemplar.Web", "bin", "Release", "net10.0", "Exemplar.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} missing: dotnet build src/Exemplar.Web -c Release first");
        var port = Cluster.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Exemplar__SeedDemoData"] = "true";
        start.Environment["Exemplar__PublicBaseUrl"] = url;
        start.Environment["Exemplar__TwoFactor__Enforce"] = "false";
        start.Environment["Exemplar__RateLimits__SignInPerMinute"] = "10000";
        start.Environment["Exemplar__RateLimits__ApiPerMinute"] = "100000";
        start.Environment["Exemplar__Reminders__Enabled"] = "false";
        start.Environment["Exemplar__Retention__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(Path.GetTempPath(), $"exemplar-fault-app-{process.Id}.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 240; i++)
        {
            if (process.HasExited) throw new InvalidOperationException("the app exited during start-up; see " + Path.Combine(Path.GetTempPath(), $"exemplar-fault-app-{process.Id}.log"));
            try
            {
                if ((await http.GetAsync(url + "/health/ready")).IsSuccessStatusCode) return new AppProcess(process, url);
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("the app did not become ready in 2 minutes");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
