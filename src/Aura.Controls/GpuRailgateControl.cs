namespace Aura.Controls;

/// <summary><c>gpu_railgate</c>: whether the GPU may be power-gated when idle (<c>railgate_enable</c> of the GPU device).</summary>
internal sealed class GpuRailgateControl(SysfsWriter sysfs) : IHardwareControl
{
    private const string Description = "Whether the idle GPU may be power-gated (on) or is kept powered (off).";

    public string Name => "gpu_railgate";

    public ValueTask<ControlInfo> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Read());

    private ControlInfo Read()
    {
        var raw = File() is { } file ? sysfs.Read(file) : null;
        if (raw is not ("0" or "1"))
        {
            return ControlInfos.Unsupported(Name, Description, "no railgate_enable on the Jetson GPU device");
        }

        return ControlInfos.Choice(Name, Description, OnOff.Text(raw == "1"), ["on", "off"]);
    }

    public ValidatedValue Validate(string value, ControlInfo current) =>
        OnOff.Parse(value) is { } on
            ? ValidatedValue.Ok(OnOff.Text(on))
            : ValidatedValue.Bad($"gpu_railgate must be on or off, not '{value}'");

    public ValueTask<string?> ApplyAsync(string value, ControlInfo current, CancellationToken cancellationToken) =>
        ValueTask.FromResult(File() is { } file ? sysfs.Write(file, value == "on" ? "1" : "0") : "the GPU device disappeared");

    private string? File() =>
        GpuDevfreq.Find(sysfs) is { } gpu && System.IO.File.Exists(sysfs.FullPath(gpu + "/device/railgate_enable")) ? gpu + "/device/railgate_enable" : null;
}
