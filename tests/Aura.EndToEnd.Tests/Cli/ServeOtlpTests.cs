using System.Globalization;
using OpenTelemetry.Proto.Common.V1;

namespace Aura.EndToEnd.Tests.Cli;

/// <summary>The real `aura serve` configured for OTLP by the OpenTelemetry SDK's variables, as a service unit would be.</summary>
public sealed class ServeOtlpTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("aura-serve-otlp-");

    private string Socket => Path.Combine(_home.FullName, "aura.sock");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task Serve_OtelVariables_ExportsMetricsAndItsStartEvent_StatusShowsTheExporter()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=test",
            ["AURA_HOST_NAME"] = "gamma",
        };
        await using var serve = AuraProcess.Start(_home.FullName, ["serve", "--port", "0", "--interval", "0.5", "--socket", Socket], environment);
        var listening = (await serve.WaitReadyAsync()).Http;
        var port = listening.Port.ToString(CultureInfo.InvariantCulture);

        var metrics = await receiver.MetricsAsync();
        var start = await receiver.LogsAsync(r => r.ResourceLogs.SelectMany(l => l.ScopeLogs).SelectMany(s => s.LogRecords).Any(l => l.EventName == "daemon.start"));

        var resource = Attributes(metrics.ResourceMetrics[0].Resource.Attributes);
        resource["host.name"].ShouldBe("gamma");
        resource["deployment.environment"].ShouldBe("test");
        resource["service.name"].ShouldBe("aura");
        metrics.ResourceMetrics[0].ScopeMetrics[0].Metrics.ShouldContain(m => m.Name == "aura_cpu_usage_ratio");
        Attributes(start.ResourceLogs[0].Resource.Attributes)["host.name"].ShouldBe("gamma");
        var status = await AuraProcess.RunAsync(_home.FullName, "status", "--port", port);
        status.ExitCode.ShouldBe(0, status.Stderr);
        status.Stdout.ShouldContain($"otlp     {receiver.Endpoint} (http/protobuf)");
        (await serve.SignalAndWaitAsync("TERM")).ShouldBe(0);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")]
    [InlineData("OTEL_METRIC_EXPORT_INTERVAL", "0")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")]
    public async Task Serve_BadOtelVariable_ExitsTwoNamingIt(string name, string value)
    {
        var environment = new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318", [name] = value };

        var result = await AuraProcess.RunAsync(_home.FullName, environment, "serve", "--port", "0", "--socket", Socket);

        result.ExitCode.ShouldBe(2, result.Stderr);
        result.Stderr.ShouldContain(name);
    }

    private static Dictionary<string, string> Attributes(IEnumerable<KeyValue> attributes) => attributes.ToDictionary(a => a.Key, a => a.Value.StringValue);
}
