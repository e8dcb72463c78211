namespace Aura.Controls;

/// <summary><c>gpu_governor</c>: the Jetson GPU's devfreq governor; the choices are its <c>available_governors</c>.</summary>
internal sealed class GpuGovernorControl(SysfsWriter sysfs) : IHardwareControl
{
    private const string Description = "GPU frequency governor (devfreq).";

    public string Name => "gpu_governor";

    public ValueTask<ControlInfo> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Read());

    private ControlInfo Read()
    {
        if (GpuDevfreq.Find(sysfs) is not { } gpu || sysfs.Read(gpu + "/governor") is not { } governor)
        {
            return ControlInfos.Unsupported(Name, Description, "no Jetson GPU devfreq device under sys/class/devfreq");
        }

        return ControlInfos.Choice(Name, Description, governor, CpuGovernorControl.Words(sysfs.Read(gpu + "/available_governors")));
    }

    public ValidatedValue Validate(string value, ControlInfo current) =>
        current.Options.Contains(value.Trim())
            ? ValidatedValue.Ok(value.Trim())
            : ValidatedValue.Bad($"gpu_governor must be one of {string.Join(", ", current.Options)}, not '{value}'");

    public ValueTask<string?> ApplyAsync(string value, ControlInfo current, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GpuDevfreq.Find(sysfs) is { } gpu ? sysfs.Write(gpu + "/governor", value) : "the GPU devfreq device disappeared");
}
