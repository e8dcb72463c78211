using System.Buffers.Binary;
using System.Threading.Channels;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;

namespace Aura.Testing;

/// <summary>
/// A collector stand-in on Kestrel at 127.0.0.1:0: it accepts OTLP/HTTP protobuf (or, with <c>grpc</c>, OTLP/gRPC over
/// cleartext HTTP/2) and decodes every request with the classes generated from the official .proto files.
/// <see cref="Status"/> other than 200 makes it refuse every request with that HTTP status.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ExportMetricsServiceRequest> _metrics = Channel.CreateUnbounded<ExportMetricsServiceRequest>();
    private readonly Channel<ExportLogsServiceRequest> _logs = Channel.CreateUnbounded<ExportLogsServiceRequest>();
    private int _requests;

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public int Status { get; set; } = StatusCodes.Status200OK;

    /// <summary>How long the receiver sits on each request before answering: a slow collector.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Content types the requests carried, for checking the exporter labels what it sends.</summary>
    public List<string> ContentTypes { get; } = [];

    public static async Task<OtlpReceiver> StartAsync(bool grpc = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = grpc ? HttpProtocols.Http2 : HttpProtocols.Http1));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/metrics", context => receiver.HttpAsync(context, ExportMetricsServiceRequest.Parser, receiver._metrics.Writer, new ExportMetricsServiceResponse()));
        app.MapPost("/v1/logs", context => receiver.HttpAsync(context, ExportLogsServiceRequest.Parser, receiver._logs.Writer, new ExportLogsServiceResponse()));
        app.MapPost("/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", context => receiver.GrpcAsync(context, ExportMetricsServiceRequest.Parser, receiver._metrics.Writer));
        app.MapPost("/opentelemetry.proto.collector.logs.v1.LogsService/Export", context => receiver.GrpcAsync(context, ExportLogsServiceRequest.Parser, receiver._logs.Writer));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    /// <summary>The next metrics request that satisfies <paramref name="match"/>, within a bounded wait.</summary>
    public Task<ExportMetricsServiceRequest> MetricsAsync(Func<ExportMetricsServiceRequest, bool>? match = null) => NextAsync(_metrics.Reader, match, "metrics");

    public Task<ExportLogsServiceRequest> LogsAsync(Func<ExportLogsServiceRequest, bool>? match = null) => NextAsync(_logs.Reader, match, "logs");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<T> NextAsync<T>(ChannelReader<T> reader, Func<T, bool>? match, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var request = await reader.ReadAsync(timeout.Token);
                if (match is null || match(request))
                {
                    return request;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new ShouldAssertException($"no matching OTLP {what} request arrived within 30 s");
        }
    }

    private async Task<byte[]> BodyAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        lock (ContentTypes)
        {
            ContentTypes.Add(context.Request.ContentType ?? "");
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return body.ToArray();
    }

    private async Task HttpAsync<T>(HttpContext context, MessageParser<T> parser, ChannelWriter<T> sink, IMessage response)
        where T : IMessage<T>
    {
        var body = await BodyAsync(context);
        if (Status != StatusCodes.Status200OK)
        {
            context.Response.StatusCode = Status;
            return;
        }

        sink.TryWrite(parser.ParseFrom(body));
        context.Response.ContentType = "application/x-protobuf";
        await context.Response.Body.WriteAsync(response.ToByteArray());
    }

    private async Task GrpcAsync<T>(HttpContext context, MessageParser<T> parser, ChannelWriter<T> sink)
        where T : IMessage<T>
    {
        var body = await BodyAsync(context);
        context.Response.ContentType = "application/grpc";
        if (Status != StatusCodes.Status200OK)
        {
            context.Response.AppendTrailer("grpc-status", "14");
            context.Response.AppendTrailer("grpc-message", "collector unavailable");
            return;
        }

        // One uncompressed message: flag 0, big-endian length, the bytes.
        body[0].ShouldBe((byte)0, "the gRPC message must not be marked compressed");
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1));
        ((int)length).ShouldBe(body.Length - 5, "the gRPC frame length must match the message");
        sink.TryWrite(parser.ParseFrom(body.AsSpan(5).ToArray()));
        await context.Response.Body.WriteAsync(new byte[5]);
        context.Response.AppendTrailer("grpc-status", "0");
    }
}
