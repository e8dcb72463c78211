using System.CommandLine;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Aura.Core.Config;
using Aura.Core.Events;
using Aura.Server.Hosting;

namespace Aura.Cli;

/// <summary>`aura serve`: the daemon. It samples once per tick and serves every client from that sample, until SIGTERM or Ctrl-C.</summary>
internal static class ServeCommand
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Socket reads and writes complete on the socket engine's own thread instead of hopping to the thread pool; Kestrel
    /// still runs request code on the pool. One wake-up less per request: the GET baseline in bench/load/events-load.cs
    /// went from 49 to 35 µs of CPU per request. Read once, when the first socket starts, so it is set before any.
    /// </summary>
    private static void InlineSocketCompletions() =>
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");

    public static Command Create()
    {
        var options = new ServeOptions();
        var command = new Command("serve", "Run the Aura daemon: REST, WebSocket, /metrics and the JetsonScope socket, fed by one sampler.");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(AuraSettingsResolver.Resolve(ServeSetup.Flags(parse, options), ProcessEnvironment.Current()), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(AuraSettings settings, CancellationToken interrupted)
    {
        InlineSocketCompletions();
        using var terminated = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            terminated.Cancel();
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupted, terminated.Token);

        foreach (var warning in settings.Warnings)
        {
            await Console.Error.WriteLineAsync($"aura: warning: {warning}");
        }

        await using var daemon = AuraDaemon.Build(settings, new DaemonParts
        {
            Warnings = Console.Error,
            Logging = ServerLogging.Console(settings.JsonLogs),
            Extension = (s, audit) => Agent.ServeAgent.Open(s.Config, s.Server.Keys, audit, TimeProvider.System, Console.Error),
        });
        var server = daemon.Server;
        try
        {
            await daemon.StartAsync(stop.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or ConfigException)
        {
            // One line, exit 2, whatever stopped the start: a port in use, an address this machine does not have, a
            // socket path in use or not ours. The host's own stack trace is kept out of the log (AuraServer.StartAsync).
            await Console.Error.WriteLineAsync($"aura: {StartFailure(settings.Server, e)}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }

        await daemon.RecordAsync("daemon.start", EventLevel.Info, $"aura {ServerVersion.Current} started on {server.Address}");
        await ServeBanner.WriteAsync(Console.Out, server, settings, daemon.HistorySummary, daemon.EventsSummary);
        if (daemon.ExtensionSummary is { } agent)
        {
            await Console.Out.WriteLineAsync($"  agent    {agent}");
        }

        await ServeReadyLine.WriteAsync(Console.Out, server);

        using var upkeep = Runtime.MemoryUpkeep.ForDaemon();
        daemon.HistorySealed += (_, _) => upkeep.Ask();
        var upkeeping = upkeep.RunAsync(stop.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM or Ctrl-C: a normal way to stop a daemon.
        }

        await upkeeping;

        await Console.Out.WriteLineAsync("aura: stopping");
        await daemon.RecordAsync("daemon.stop", EventLevel.Info, "aura stopping");
        using var grace = new CancellationTokenSource(StopGrace);
        await daemon.StopAsync(grace.Token);
        await Console.Out.WriteLineAsync("aura: stopped");
        return ExitCodes.Ok;
    }

    private static string StartFailure(ServerOptions options, Exception e)
    {
        SocketException? socket = null;
        var inUse = false;
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            socket ??= inner as SocketException;
            inUse |= inner.GetType().Name == "AddressInUseException";
        }

        var where = $"{options.Host}:{options.Port}";
        return (e, inUse ? SocketError.AddressAlreadyInUse : socket?.SocketErrorCode) switch
        {
            (ConfigException, _) => e.Message,
            (_, SocketError.AddressAlreadyInUse) => $"cannot listen on {where}: the address is already in use (another aura serve, or another program; choose --port)",
            (_, SocketError.AddressNotAvailable) => $"cannot listen on {where}: this machine has no address {options.Host} (choose --host)",
            (_, SocketError.AccessDenied) => $"cannot listen on {where}: permission denied (ports below 1024 need privileges)",
            _ => $"cannot listen on {where}: {(socket ?? e).Message}",
        };
    }
}
