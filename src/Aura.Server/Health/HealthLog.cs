using System.Text.Json;
using Aura.Server.Hosting;
using Aura.Server.Jetson;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aura.Server.Health;

/// <summary>
/// Appends one JSON line of health (JetsonScope's DaemonHealth fields plus Aura's status and time) to a file every
/// interval, as JetsonScope's JETSONSCOPE_TELEMETRY_LOG did. The file is opened per line, so log rotation just works.
/// </summary>
internal sealed class HealthLog(ServerState state, ILogger<HealthLog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = state.Options.HealthLogPath!;
        using var timer = new PeriodicTimer(state.Options.HealthLogInterval, state.Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Append(path);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Append(string path)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(SocketRequestHandler.Health(state), SocketJsonContext.Default.DaemonHealthView);
        try
        {
            using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            file.Write(line);
            file.WriteByte((byte)'\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.HealthLogFailed(logger, path, e);
        }
    }
}
