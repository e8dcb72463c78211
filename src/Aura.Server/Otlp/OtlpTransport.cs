using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Aura.Server.Otlp;

/// <summary>
/// Sends encoded exports: OTLP/HTTP (a protobuf POST per signal) or OTLP/gRPC (the same bytes in gRPC's length-prefixed
/// framing, over HTTP/2, cleartext h2c for http:// endpoints). Retryable outcomes are those the OTLP specification
/// names: HTTP 429/502/503/504, gRPC UNAVAILABLE and its kin, and network errors or timeouts.
/// </summary>
internal sealed class OtlpTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue Protobuf = new("application/x-protobuf");
    private static readonly MediaTypeHeaderValue Grpc = new("application/grpc");

    private readonly OtlpOptions _options;
    private readonly HttpClient _http;
    private readonly string _base;

    public OtlpTransport(OtlpOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.Timeout,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            EnableMultipleHttp2Connections = false,
        };
        _http = new HttpClient(handler) { Timeout = options.Timeout };
        var text = options.Endpoint.ToString();
        _base = text.EndsWith('/') ? text : text + "/";
    }

    public Uri Target(OtlpSignal signal) =>
        new(_base + (_options.Protocol == OtlpProtocol.Grpc ? signal.GrpcMethod : signal.HttpPath));

    public async Task<OtlpSendResult> SendAsync(OtlpSignal signal, byte[] payload, CancellationToken cancellationToken)
    {
        using var request = _options.Protocol == OtlpProtocol.Grpc ? GrpcRequest(signal, payload) : HttpRequest(signal, payload);
        foreach (var (name, value) in _options.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return _options.Protocol == OtlpProtocol.Grpc ? GrpcOutcome(response) : HttpOutcome(response);
        }
        catch (HttpRequestException e)
        {
            return OtlpSendResult.Retry(e.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused or unreachable" : e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return OtlpSendResult.Retry($"no answer within {_options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage HttpRequest(OtlpSignal signal, byte[] payload)
    {
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = Protobuf;
        return new HttpRequestMessage(HttpMethod.Post, Target(signal)) { Content = content };
    }

    private HttpRequestMessage GrpcRequest(OtlpSignal signal, byte[] payload)
    {
        // gRPC's message framing: a compressed flag (0: not compressed), then the length as a big-endian uint32.
        var framed = new byte[payload.Length + 5];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(framed, 5);
        var content = new ByteArrayContent(framed);
        content.Headers.ContentType = Grpc;
        var request = new HttpRequestMessage(HttpMethod.Post, Target(signal))
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-timeout", string.Create(CultureInfo.InvariantCulture, $"{(long)_options.Timeout.TotalMilliseconds}m"));
        return request;
    }

    private static OtlpSendResult HttpOutcome(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        if (code is >= 200 and < 300)
        {
            return OtlpSendResult.Ok;
        }

        var error = string.Create(CultureInfo.InvariantCulture, $"HTTP {code}");
        return code is 429 or 502 or 503 or 504 ? OtlpSendResult.Retry(error) : OtlpSendResult.Drop(error);
    }

    private static OtlpSendResult GrpcOutcome(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var error = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} from a gRPC endpoint");
            return response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests
                ? OtlpSendResult.Retry(error)
                : OtlpSendResult.Drop(error);
        }

        // A trailers-only answer carries grpc-status among the headers.
        var status = Header(response.TrailingHeaders, "grpc-status") ?? Header(response.Headers, "grpc-status");
        if (status is null)
        {
            return OtlpSendResult.Retry("the gRPC answer had no grpc-status");
        }

        if (status == "0")
        {
            return OtlpSendResult.Ok;
        }

        var message = Header(response.TrailingHeaders, "grpc-message") ?? Header(response.Headers, "grpc-message");
        var text = $"gRPC status {status}" + (message is null ? "" : $" ({Uri.UnescapeDataString(message)})");
        // CANCELLED, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, OUT_OF_RANGE, UNAVAILABLE, DATA_LOSS may succeed later.
        return status is "1" or "4" or "8" or "10" or "11" or "14" or "15" ? OtlpSendResult.Retry(text) : OtlpSendResult.Drop(text);
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
