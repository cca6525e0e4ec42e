using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Exemplar.Bench.Registry;

/// <summary>
/// nginx (the Debian package) as a foreground process of this benchmark with its own configuration and folder, serving
/// the app's rendered pages as static files under the same URLs (path and query), with logging off and keep-alive unlimited.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly Process process;
    public Uri Url { get; }

    private Nginx(Process process, Uri url) { this.process = process; Url = url; }

    public static async Task<Nginx> StartAsync(string folder, IReadOnlyDictionary<string, byte[]> pages, int port)
    {
        var binary = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx"
            : throw new InvalidOperationException("nginx not installed: apt-get install -y nginx-light");
        Directory.CreateDirectory(Path.Combine(folder, "html"));
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        var map = new StringBuilder();
        var n = 0;
        foreach (var (path, body) in pages)
        {
            var file = $"page{n++}.html";
            await File.WriteAllBytesAsync(Path.Combine(folder, "html", file), body);
            map.Append(CultureInfo.InvariantCulture, $"        \"{path}\" /{file};\n");
        }
        var conf = $$"""
            worker_processes auto;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/logs/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                keepalive_requests 1000000;
                keepalive_timeout 300s;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                map $request_uri $page {
                    default "";
            {{map}}    }
                server {
                    listen 127.0.0.1:{{port}};
                    root {{folder}}/html;
                    location / {
                        default_type "text/html; charset=utf-8";
                        if ($page = "") { return 404; }
                        rewrite ^ $page break;
                    }
                }
            }
            """;
        var confPath = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(confPath, conf);
        var start = new ProcessStartInfo(binary, ["-p", folder, "-c", confPath])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var url = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        for (var i = 0; i < 50; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
            try { await http.GetAsync(url); return new Nginx(process, url); }
            catch (HttpRequestException) { await Task.Delay(200); }
        }
        throw new TimeoutException("nginx did not answer");
    }

    public static string Version()
    {
        var p = Process.Start(new ProcessStartInfo("/usr/sbin/nginx", ["-v"]) { RedirectStandardError = true, UseShellExecute = false })!;
        var v = p.StandardError.ReadToEnd().Trim();
        p.WaitForExit();
        return v;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
