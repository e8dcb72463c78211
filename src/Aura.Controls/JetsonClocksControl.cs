using Aura.Telemetry.Commands;

namespace Aura.Controls;

/// <summary>
/// <c>jetson_clocks</c>: on pins CPU, GPU and memory clocks at their maximum, off restores what was there before. The
/// value is honoured, never toggled: asking for the current state changes nothing. Before turning the clocks on Aura
/// runs <c>jetson_clocks --store</c> into <see cref="ControlServiceOptions.ClocksStorePath"/>, and turns them off with
/// <c>--restore</c> from it.
/// </summary>
internal sealed class JetsonClocksControl(string searchPath, TimeSpan toolTimeout, string storePath) : IHardwareControl
{
    private const string Description = "Pin CPU, GPU and memory clocks at their maximum (on) or restore the stored clocks (off).";

    public string Name => "jetson_clocks";

    public async ValueTask<ControlInfo> ReadAsync(CancellationToken cancellationToken)
    {
        if (ExecutableSearch.Find(Name, searchPath) is null)
        {
            return ControlInfos.Unsupported(Name, Description, "the jetson_clocks tool is not installed");
        }

        var show = await RunAsync(["--show"], cancellationToken);
        if (!show.Succeeded)
        {
            return ControlInfos.Unsupported(Name, Description, show.Describe("jetson_clocks --show"));
        }

        return JetsonClocksShow.IsOn(show.Stdout) is { } on
            ? ControlInfos.Choice(Name, Description, OnOff.Text(on), ["on", "off"])
            : ControlInfos.Unsupported(Name, Description, "jetson_clocks --show printed no CPU clocks");
    }

    public ValidatedValue Validate(string value, ControlInfo current) =>
        OnOff.Parse(value) is { } on
            ? ValidatedValue.Ok(OnOff.Text(on))
            : ValidatedValue.Bad($"jetson_clocks must be on or off, not '{value}'");

    public async ValueTask<string?> ApplyAsync(string value, ControlInfo current, CancellationToken cancellationToken)
    {
        if (value == current.Value)
        {
            return null;
        }

        if (value == "on")
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(storePath)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return $"cannot keep the current clocks in {storePath}: {e.Message}";
            }

            var store = await RunAsync(["--store", storePath], cancellationToken);
            if (!store.Succeeded)
            {
                return store.Describe("jetson_clocks --store");
            }

            var pin = await RunAsync([], cancellationToken);
            return pin.Succeeded ? null : pin.Describe("jetson_clocks");
        }

        if (!File.Exists(storePath))
        {
            return $"there are no stored clocks to restore ({storePath} does not exist): the clocks were pinned outside Aura; "
                + "restore them with the file given to `jetson_clocks --store`, or reboot";
        }

        var restore = await RunAsync(["--restore", storePath], cancellationToken);
        return restore.Succeeded ? null : restore.Describe("jetson_clocks --restore");
    }

    private Task<CommandResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        CommandRunner.FindAndRunAsync(Name, searchPath, arguments, toolTimeout, TimeProvider.System, cancellationToken);
}
