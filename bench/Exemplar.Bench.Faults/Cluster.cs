using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Exemplar.Bench.Faults;

/// <summary>
/// A throw-away PostgreSQL 15 cluster in /tmp for this run only (never the checkout's or the tests' cluster), created,
/// stopped and started with the Debian binaries the way scripts/lib.sh does (as the postgres user when run as root).
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    private readonly string _bin;
    public string DataDirectory { get; }
    public int Port { get; }

    private Cluster(string bin, string dataDirectory, int port) => (_bin, DataDirectory, Port) = (bin, dataDirectory, port);

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=exemplar;Database={database};Timeout=3;Command Timeout=30";

    public static async Task<Cluster> CreateAsync()
    {
        var bin = new[] { "/usr/lib/postgresql/15/bin" }.Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")) : [])
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb"))) ?? throw new InvalidOperationException("PostgreSQL binaries not found (apt-get install postgresql-15)");
        var dir = Path.Combine(Path.GetTempPath(), $"exemplar-fault-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        if (IsRoot) await RunAsync("chown", "postgres", dir);
        var port = FreePort();
        await AsPostgresAsync(Path.Combine(bin, "initdb"), "-D", dir, "-U", "exemplar", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        await File.AppendAllTextAsync(Path.Combine(dir, "postgresql.conf"),
            $"\nlisten_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = ''\nmax_connections = 100\nfsync = on\nsynchronous_commit = on\n");
        var cluster = new Cluster(bin, dir, port);
        await cluster.StartAsync();
        return cluster;
    }

    public Task StartAsync() => AsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "start");

    /// <summary>Fast shutdown: open transactions are rolled back, clients are disconnected, what committed stays.</summary>
    public Task StopAsync() => AsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop");

    public async Task<string> PsqlAsync(string database, string sql) =>
        await RunAsync(Path.Combine(_bin, "psql"), "-h", "127.0.0.1", "-p", Port.ToString(), "-U", "exemplar", "-d", database, "-AtX", "-c", sql);

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); } catch (Exception) { /* already stopped */ }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task<string> AsPostgresAsync(string file, params string[] args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", file, .. args]) : RunAsync(file, args);

    public static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {await stderr}");
        return (await stdout).Trim();
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
