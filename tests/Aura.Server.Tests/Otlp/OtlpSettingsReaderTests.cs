using Aura.Core.Config;
using Aura.Server.Otlp;

namespace Aura.Server.Tests.Otlp;

public sealed class OtlpSettingsReaderTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-otlp-config-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Read_NoEndpoint_NoExport()
    {
        Read("", new()).ShouldBeNull();
    }

    [Fact]
    public void Read_StandardVariables_EverySettingTaken()
    {
        var options = Read("", new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4318",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "api-key=s3cr%20et, x-tenant = blue",
            ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "2500",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "30000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=prod,rack=r7",
            ["OTEL_SERVICE_NAME"] = "aura-edge",
        })!;

        options.Endpoint.ShouldBe(new Uri("http://collector:4318"));
        options.Protocol.ShouldBe(OtlpProtocol.Grpc);
        options.Headers.ShouldBe([new("api-key", "s3cr et"), new("x-tenant", "blue")]);
        options.Timeout.ShouldBe(TimeSpan.FromMilliseconds(2500));
        options.MetricInterval.ShouldBe(TimeSpan.FromSeconds(30));
        options.LogDelay.ShouldBe(TimeSpan.FromMilliseconds(200));
        options.ResourceAttributes.ShouldBe([new("deployment.environment", "prod"), new("rack", "r7")]);
        options.ServiceName.ShouldBe("aura-edge");
    }

    [Fact]
    public void Read_ConfigFile_DefaultsAndVariablesWin()
    {
        var toml = """
            [otlp]
            endpoint = "http://file-collector:4318"
            interval_seconds = 5
            service_name = "from-file"

            [otlp.headers]
            authorization = "Bearer abc"

            [otlp.resource]
            "deployment.environment" = "lab"
            """;

        var fromFile = Read(toml, new())!;
        var overridden = Read(toml, new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "https://env-collector:4318" })!;

        fromFile.Endpoint.ShouldBe(new Uri("http://file-collector:4318"));
        fromFile.Protocol.ShouldBe(OtlpProtocol.HttpProtobuf);
        fromFile.MetricInterval.ShouldBe(TimeSpan.FromSeconds(5));
        fromFile.LogDelay.ShouldBe(TimeSpan.FromSeconds(1));
        fromFile.Timeout.ShouldBe(TimeSpan.FromSeconds(10));
        fromFile.ServiceName.ShouldBe("from-file");
        fromFile.Headers.ShouldBe([new("authorization", "Bearer abc")]);
        fromFile.ResourceAttributes.ShouldBe([new("deployment.environment", "lab")]);
        overridden.Endpoint.ShouldBe(new Uri("https://env-collector:4318"));
        Read("[otlp]\nendpoint = \"http://c:4318\"\n", new())!.MetricInterval.ShouldBe(TimeSpan.FromSeconds(15), "the default interval");
    }

    [Fact]
    public void Read_SdkDisabled_NoExport()
    {
        Read("", new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://c:4318", ["OTEL_SDK_DISABLED"] = "true" }).ShouldBeNull();
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318", "must be an http:// or https:// URL")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "http/json is not supported")]
    [InlineData("OTEL_EXPORTER_OTLP_TIMEOUT", "0", "must be milliseconds from 1 to 300000")]
    [InlineData("OTEL_METRIC_EXPORT_INTERVAL", "500", "must be milliseconds from 1000 to 3600000")]
    [InlineData("OTEL_METRIC_EXPORT_INTERVAL", "soon", "must be milliseconds")]
    [InlineData("OTEL_BLRP_SCHEDULE_DELAY", "-1", "must be milliseconds from 0 to 60000")]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS", "no-equals-sign", "must be key=value")]
    public void Read_BadVariable_ErrorNamesIt(string name, string value, string problem)
    {
        var variables = new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://c:4318", [name] = value };

        var error = Should.Throw<ConfigException>(() => Read("", variables));

        error.Message.ShouldContain(name);
        error.Message.ShouldContain(problem);
    }

    [Theory]
    [InlineData("[otlp]\nendpoint = \"http://c:4318\"\nintervall = 5\n", "otlp.intervall is not an [otlp] setting")]
    [InlineData("[otlp]\ninterval_seconds = 5\n", "[otlp] has settings but no endpoint")]
    [InlineData("[otlp]\nendpoint = \"http://c:4318\"\ninterval_seconds = 0.5\n", "otlp.interval_seconds must be from 1 to 3600 seconds")]
    [InlineData("[otlp]\nendpoint = \"http://c:4318\"\nqueue_events = 0\n", "otlp.queue_events must be a whole number from 1 to 1000000")]
    [InlineData("[otlp]\nendpoint = \"http://c:4318\"\nheaders = \"x=y\"\n", "otlp.headers must be a table of strings")]
    [InlineData("[otlp]\nendpoint = \"http://c:4318\"\nprotocol = \"thrift\"\n", "otlp.protocol: 'thrift' is not a protocol")]
    public void Read_BadConfigFile_ErrorNamesKeyAndLine(string toml, string problem)
    {
        var error = Should.Throw<ConfigException>(() => Read(toml, new()));

        error.Message.ShouldContain(problem);
        error.Message.ShouldContain("aura.toml line ");
    }

    private OtlpOptions? Read(string toml, Dictionary<string, string?> variables)
    {
        var path = Path.Combine(_directory.FullName, "aura.toml");
        File.WriteAllText(path, toml);
        var environment = ConfigEnvironment.FromVariables(AuraPlatform.Linux, _directory.FullName, new Dictionary<string, string?>());
        var config = AuraConfigResolver.Resolve(new ConfigOverrides(ConfigFile: path), environment);
        return OtlpSettingsReader.Read(config, name => variables.GetValueOrDefault(name));
    }
}
