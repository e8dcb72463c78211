using System.Buffers;
using System.Net.Sockets;
using Aura.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aura.Server.Jetson;

/// <summary>
/// JetsonScope's UNIX-socket protocol. Each connection carries one request: the server answers as soon as a whole
/// request has arrived (clients that never half-close do not hang), answers a client that half-closes after writing
/// just the same, then closes, so a client reading to end-of-stream gets its end.
/// </summary>
internal sealed class JetsonSocketServer(ServerState state, ILogger<JetsonSocketServer> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly SocketRequestHandler _handler = new(state);
    private readonly SemaphoreSlim _slots = new(state.Options.Limits.MaxSocketClients);
    private readonly List<(Socket Listener, string Path)> _listeners = [];
    private Task _accepting = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = state.Options.SocketPath!;
        _listeners.Add((SocketListener.Bind(path, state.Options.Limits.MaxSocketClients), path));
        Log.SocketListening(logger, path);
        if (state.Options.LegacySocketPath is { } legacy)
        {
            try
            {
                _listeners.Add((SocketListener.Bind(legacy, state.Options.Limits.MaxSocketClients), legacy));
                Log.SocketListening(logger, legacy);
            }
            catch (Exception e) when (e is Core.Config.ConfigException or SocketException or IOException or UnauthorizedAccessException)
            {
                Log.LegacySocketRefused(logger, legacy, e.Message);
            }
        }

        _accepting = Task.WhenAll(_listeners.Select(l => AcceptAsync(l.Listener, _stopping.Token)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _listeners.ForEach(l => l.Listener.Dispose());
        await _accepting.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var (_, path) in _listeners)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException e)
            {
                Log.SocketCleanupFailed(logger, path, e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listeners.ForEach(l => l.Listener.Dispose());
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        _slots.Dispose();
    }

    private async Task AcceptAsync(Socket listener, CancellationToken stopping)
    {
        var running = new List<Task>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                // Beyond the limit, clients wait in the kernel's backlog instead of costing a task each.
                await _slots.WaitAsync(stopping);
                Socket client;
                try
                {
                    client = await listener.AcceptAsync(stopping);
                }
                catch
                {
                    _slots.Release();
                    throw;
                }

                running.RemoveAll(task => task.IsCompleted);
                running.Add(ServeAsync(client, stopping));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && stopping.IsCancellationRequested)
        {
            // Stopping.
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ServeAsync(Socket client, CancellationToken stopping)
    {
        state.Counters.AddSocketClient();
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            deadline.CancelAfter(state.Options.Limits.SocketRequestTimeout);
            var (response, codec) = await ReadAndAnswerAsync(client, deadline.Token);
            if (response is not null)
            {
                var output = new ArrayBufferWriter<byte>(4096);
                (codec ?? JsonMessageCodec.Instance).WriteResponse(response, output);
                await client.SendAsync(output.WrittenMemory, SocketFlags.None, stopping);
            }

            client.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping.
        }
        finally
        {
            client.Dispose();
            state.Counters.RemoveSocketClient();
            _slots.Release();
        }
    }

    /// <summary>Reads until one request is complete (or the client half-closes, or the deadline passes) and answers it.</summary>
    private async Task<(SocketResponse? Response, IMessageCodec? Codec)> ReadAndAnswerAsync(Socket client, CancellationToken deadline)
    {
        using var received = new RequestBuffer(state.Options.Limits.MaxSocketRequestBytes);
        IMessageCodec? codec = null;
        var start = -1;
        while (true)
        {
            if (!received.TryMakeRoom())
            {
                return (_handler.Error("request_too_large", $"requests are limited to {received.Limit} bytes"), codec);
            }

            int read;
            try
            {
                read = await client.ReceiveAsync(received.Free, SocketFlags.None, deadline);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && received.Length > 0)
            {
                return (_handler.Error("request_timeout", "no complete request arrived in time"), codec);
            }

            var final = read == 0;
            received.Advance(read);
            if (codec is null)
            {
                start = received.Span.IndexOfAnyExcept(SocketCodecs.Whitespace);
                if (start < 0)
                {
                    if (final)
                    {
                        return (null, null);
                    }

                    continue;
                }

                codec = SocketCodecs.For(received.Span[start]);
                if (codec is null)
                {
                    return (_handler.Error("unsupported_encoding", "a request is JSON or CBOR (serde's externally tagged form)"), null);
                }
            }

            switch (codec.TryReadRequest(received.Span[start..], final, out var request, out var error))
            {
                case FrameStatus.Complete:
                    return (await _handler.HandleAsync(request!, deadline), codec);
                case FrameStatus.Invalid:
                    return (_handler.Error("invalid_request", error ?? "the request is not valid"), codec);
                case FrameStatus.Incomplete when final:
                    return (_handler.Error("invalid_request", "the connection closed before a whole request arrived"), codec);
                default:
                    continue;
            }
        }
    }
}
