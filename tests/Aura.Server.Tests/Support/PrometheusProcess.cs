using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Aura.Server.Tests.Support;

/// <summary>
/// Debian's real Prometheus server with its own temp config and storage, listening on a free 127.0.0.1 port; queried
/// through its HTTP API with bounded waits. Killed and its directory removed on dispose.
/// </summary>
internal sealed class PrometheusProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _directory;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private PrometheusProcess(Process process, DirectoryInfo directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Starts Prometheus with <paramref name="config"/> (prometheus.yml text).</summary>
    public static async Task<PrometheusProcess> StartAsync(string config)
    {
        var prometheus = Tools.Require("prometheus");
        var directory = Directory.CreateTempSubdirectory("aura-prometheus-");
        var configPath = Path.Combine(directory.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(configPath, config);
        var port = FreePort.Next();
        var info = new ProcessStartInfo(prometheus) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add($"--config.file={configPath}");
        info.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(directory.FullName, "data")}");
        info.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        info.ArgumentList.Add("--log.level=warn");
        return new PrometheusProcess(Process.Start(info)!, directory, port);
    }

    /// <summary>Runs an instant query until it returns at least <paramref name="count"/> series; returns them.</summary>
    public async Task<JsonElement[]> QueryUntilAsync(string query, int count, TimeSpan timeout)
    {
        var url = new Uri($"http://{Address}/api/v1/query?query={Uri.EscapeDataString(query)}");
        var elapsed = Stopwatch.StartNew();
        var last = "no answer";
        while (elapsed.Elapsed < timeout)
        {
            _process.HasExited.ShouldBeFalse($"prometheus exited early:\n{Log}");
            try
            {
                last = await _http.GetStringAsync(url);
                using var document = JsonDocument.Parse(last);
                var result = document.RootElement.GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() >= count)
                {
                    return [.. result.EnumerateArray().Select(e => e.Clone())];
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new ShouldAssertException($"Prometheus at {Address} had fewer than {count} series for {query} after {timeout.TotalSeconds} s; last answer: {last}\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _directory.Delete(recursive: true);
    }

    private string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
