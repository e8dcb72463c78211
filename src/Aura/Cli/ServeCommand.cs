using System.Collections.Immutable;
using System.CommandLine;
using Aura.Core.Events;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Aura.Core.Config;
using Aura.Controls;
using Aura.Server.Hosting;
using Aura.Telemetry.Jetson;
using Aura.Telemetry;

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
        command.SetAction((parse, cancellationToken) => RunAsync(ServeSetup.From(parse, options, Environment.GetEnvironmentVariable), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ServeSetup setup, CancellationToken interrupted)
    {
        InlineSocketCompletions();
        using var terminated = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            terminated.Cancel();
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupted, terminated.Token);

        foreach (var warning in setup.Warnings)
        {
            await Console.Error.WriteLineAsync($"aura: warning: {warning}");
        }

        var clock = TimeProvider.System;
        using var recording = ServeRecording.Open(setup.Config, clock, Console.Error);
        using var events = ServeEvents.Open(setup.Events, clock, Console.Error);
        if (recording.Writer is { } dvr)
        {
            events.WatchDvr(dvr, Console.Error);
        }

        using var agent = Agent.ServeAgent.Open(setup.Config, setup.Options.Keys, events.Audit, clock, Console.Error);
        using var source = agent.Wrap(SnapshotSources.Create(new SamplerOptions { Interval = setup.Options.Interval }, clock), Console.Error);
        using var controls = new ControlService(new ControlServiceOptions { ClocksStorePath = ClocksStorePath(setup), SearchPath = ControlServiceOptions.SearchPathFrom(Environment.GetEnvironmentVariable("PATH")) });
        var services = new ServerServices
        {
            Controls = controls,
            Hardware = JetsonDetector.Detect("/"),
            Logging = ServerLogging.Console(setup.JsonLogs),
            Recorder = recording.Recorder,
            History = recording.History,
            Events = events.Log,
            Audit = events.Audit,
            ExtraEndpoints = agent.Endpoints,
        };
        await using var server = AuraServer.Build(setup.Options, source, clock, services);
        try
        {
            await server.StartAsync(stop.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or ConfigException)
        {
            // One line, exit 2, whatever stopped the start: a port in use, an address this machine does not have, a
            // socket path in use or not ours. The host's own stack trace is kept out of the log (AuraServer.StartAsync).
            await Console.Error.WriteLineAsync($"aura: {StartFailure(setup, e)}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }

        await events.RecordAsync("daemon.start", EventLevel.Info, $"aura {ServerVersion.Current} started on {server.Address}", Lifecycle(server), Console.Error);
        await ServeBanner.WriteAsync(Console.Out, server, setup, recording.Summary, events.Summary);
        if (agent.Endpoints.Count > 0)
        {
            await Console.Out.WriteLineAsync($"  agent    {agent.Summary}");
        }

        Runtime.StartupPages.ReleaseIfNative();
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM or Ctrl-C: a normal way to stop a daemon.
        }

        await Console.Out.WriteLineAsync("aura: stopping");
        await events.RecordAsync("daemon.stop", EventLevel.Info, "aura stopping", Lifecycle(server), Console.Error);
        using var grace = new CancellationTokenSource(StopGrace);
        await server.StopAsync(grace.Token);
        await Console.Out.WriteLineAsync("aura: stopped");
        return ExitCodes.Ok;
    }

    private static string StartFailure(ServeSetup setup, Exception e)
    {
        SocketException? socket = null;
        var inUse = false;
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            socket ??= inner as SocketException;
            inUse |= inner.GetType().Name == "AddressInUseException";
        }

        var where = $"{setup.Options.Host}:{setup.Options.Port}";
        return (e, inUse ? SocketError.AddressAlreadyInUse : socket?.SocketErrorCode) switch
        {
            (ConfigException, _) => e.Message,
            (_, SocketError.AddressAlreadyInUse) => $"cannot listen on {where}: the address is already in use (another aura serve, or another program; choose --port)",
            (_, SocketError.AddressNotAvailable) => $"cannot listen on {where}: this machine has no address {setup.Options.Host} (choose --host)",
            (_, SocketError.AccessDenied) => $"cannot listen on {where}: permission denied (ports below 1024 need privileges)",
            _ => $"cannot listen on {where}: {(socket ?? e).Message}",
        };
    }

    /// <summary>Where `jetson_clocks --store` keeps the clocks Aura restores: next to the DVR, else in /var/lib/aura.</summary>
    private static string ClocksStorePath(ServeSetup setup)
    {
        var directory = Path.GetDirectoryName(setup.Config.DbPath ?? "") is { Length: > 0 } dvr ? dvr : "/var/lib/aura";
        return Path.Combine(directory, "l4t_dfs.conf");
    }

    private static ImmutableDictionary<string, string> Lifecycle(AuraServer server) =>
        ImmutableDictionary<string, string>.Empty
            .Add("version", ServerVersion.Current)
            .Add("address", server.Address.ToString())
            .Add("pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
