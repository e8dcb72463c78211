using System.Collections.Immutable;
using System.Globalization;
using Aura.Core.Config;

namespace Aura.Server.Otlp;

/// <summary>
/// Resolves OTLP export from the OpenTelemetry SDK's standard variables, then <c>[otlp]</c> in <c>aura.toml</c>
/// (a variable wins, as flags > environment > file everywhere in Aura). No endpoint from either means no export.
/// </summary>
public static partial class OtlpSettingsReader
{
    public const string Table = "otlp";
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string HeadersVariable = "OTEL_EXPORTER_OTLP_HEADERS";
    public const string TimeoutVariable = "OTEL_EXPORTER_OTLP_TIMEOUT";
    public const string ResourceVariable = "OTEL_RESOURCE_ATTRIBUTES";
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";
    public const string IntervalVariable = "OTEL_METRIC_EXPORT_INTERVAL";
    public const string LogDelayVariable = "OTEL_BLRP_SCHEDULE_DELAY";
    public const string DisabledVariable = "OTEL_SDK_DISABLED";

    /// <summary>Limits on what may be configured; each is checked and named in its error.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxLogDelay = TimeSpan.FromMinutes(1);
    public const int MaxQueueBatches = 10_000;
    public const int MaxQueueEvents = 1_000_000;

    /// <summary>The export settings, or null when no endpoint is configured (or <c>OTEL_SDK_DISABLED=true</c>).</summary>
    /// <exception cref="ConfigException">A setting is malformed or out of range; the message names it (and the file and line).</exception>
    public static OtlpOptions? Read(AuraConfig config, Func<string, string?> getVariable, string? hostName = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(getVariable);
        var file = new FileSettings(config);
        if (string.Equals(Variable(getVariable, DisabledVariable), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var endpointText = Variable(getVariable, EndpointVariable);
        var endpoint = endpointText is not null ? Endpoint(endpointText, EndpointVariable) : file.String("endpoint") is { } fromFile ? Endpoint(fromFile, file.Name("endpoint")) : null;
        if (endpoint is null)
        {
            file.RejectWithoutEndpoint();
            return null;
        }

        var defaults = new OtlpOptions { Endpoint = endpoint };
        return defaults with
        {
            Protocol = Protocol(Variable(getVariable, ProtocolVariable), ProtocolVariable) ?? Protocol(file.String("protocol"), file.Name("protocol")) ?? OtlpProtocol.HttpProtobuf,
            Headers = Pairs(Variable(getVariable, HeadersVariable), HeadersVariable) ?? file.StringTable("headers") ?? [],
            Timeout = Milliseconds(getVariable, TimeoutVariable, TimeSpan.FromMilliseconds(1), MaxTimeout) ?? file.Seconds("timeout_seconds", TimeSpan.FromMilliseconds(1), MaxTimeout) ?? defaults.Timeout,
            MetricInterval = Milliseconds(getVariable, IntervalVariable, MinInterval, MaxInterval) ?? file.Seconds("interval_seconds", MinInterval, MaxInterval) ?? defaults.MetricInterval,
            LogDelay = Milliseconds(getVariable, LogDelayVariable, TimeSpan.Zero, MaxLogDelay) ?? file.Seconds("logs_delay_seconds", TimeSpan.Zero, MaxLogDelay) ?? defaults.LogDelay,
            ResourceAttributes = Pairs(Variable(getVariable, ResourceVariable), ResourceVariable) ?? file.StringTable("resource") ?? [],
            ServiceName = Variable(getVariable, ServiceNameVariable) ?? file.String("service_name") ?? ServiceNameFrom(Pairs(Variable(getVariable, ResourceVariable), ResourceVariable)) ?? defaults.ServiceName,
            HostName = hostName,
            QueueBatches = file.Integer("queue_batches", 1, MaxQueueBatches) ?? defaults.QueueBatches,
            QueueEvents = file.Integer("queue_events", 1, MaxQueueEvents) ?? defaults.QueueEvents,
        };
    }

    private static string? Variable(Func<string, string?> getVariable, string name) =>
        getVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static Uri Endpoint(string text, string origin) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : throw new ConfigException($"{origin}: '{text}' must be an http:// or https:// URL, e.g. http://collector:4318");

    private static OtlpProtocol? Protocol(string? text, string origin) => text switch
    {
        null => null,
        "http/protobuf" => OtlpProtocol.HttpProtobuf,
        "grpc" => OtlpProtocol.Grpc,
        _ => throw new ConfigException($"{origin}: '{text}' is not a protocol Aura speaks; use \"http/protobuf\" (the default) or \"grpc\" (http/json is not supported)"),
    };

    private static TimeSpan? Milliseconds(Func<string, string?> getVariable, string name, TimeSpan min, TimeSpan max)
    {
        if (Variable(getVariable, name) is not { } text)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && double.IsFinite(ms)
            && TimeSpan.FromMilliseconds(ms) is var value && value >= min && value <= max
            ? value
            : throw new ConfigException($"{name}: '{text}' must be milliseconds from {min.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} to {max.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The W3C-baggage-like list the SDK variables use: <c>key1=value1,key2=value2</c>, values percent-encoded.</summary>
    internal static ImmutableArray<KeyValuePair<string, string>>? Pairs(string? text, string origin)
    {
        if (text is null)
        {
            return null;
        }

        var pairs = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ConfigException($"{origin}: '{item}' must be key=value (a comma-separated list of them)");
            }

            var key = item[..equals].Trim();
            pairs.Add(new(key, Uri.UnescapeDataString(item[(equals + 1)..].Trim())));
        }

        return pairs.ToImmutable();
    }

    private static string? ServiceNameFrom(ImmutableArray<KeyValuePair<string, string>>? attributes)
    {
        foreach (var (key, value) in attributes ?? [])
        {
            if (key == "service.name" && value.Length > 0)
            {
                return value;
            }
        }

        return null;
    }
}
