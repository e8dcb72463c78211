using Aura.Core.Config;
using Aura.Output;
using Aura.Telemetry;

namespace Aura.Cli;

/// <summary>`aura` with no command: live snapshots, or a readback of recorded ones.</summary>
internal static class RootCommandAction
{
    public static async Task<int> RunAsync(LiveRequest request, CancellationToken cancellationToken)
    {
        if (request.Gui)
        {
            return await Gui.GuiRunner.RunAsync(Gui.GuiRequest.Defaults(request.ConfigFile), Console.Out, Console.Error, cancellationToken);
        }

        var environment = ProcessEnvironment.Current();
        var config = AuraConfigResolver.Resolve(
            new ConfigOverrides(request.DbPath, request.RetentionSeconds, request.ConfigFile), environment);
        using var output = LineOutput.OpenStandardOutput();
        if (request.IsReadback)
        {
            return ReadbackRunner.Run(request, config, output);
        }

        if (Aura.Telemetry.Jetson.TegrastatsSettings.ModeWarning(environment.GetRawVariable) is { } modeWarning)
        {
            await Console.Error.WriteLineAsync($"aura: warning: {modeWarning}");
        }

        var clock = TimeProvider.System;
        using var recorder = Recording.Open(config, request, clock, Console.Error);
        using var source = SnapshotSources.Create(Aura.Server.Hosting.AuraSettingsResolver.Sampler(environment, request.Interval), clock);
        using var runner = new LiveRunner(request, source, clock, output) { OnSnapshot = recorder is null ? null : s => recorder.Append(s) };
        await runner.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
