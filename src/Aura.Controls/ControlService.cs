namespace Aura.Controls;

/// <summary>
/// The real controls: fan, nvpmodel, jetson_clocks, cpu_governor, gpu_governor, gpu_railgate. A set is checked in this
/// order: known control, supported here, valid value, running as root; then applied and the new state read back.
/// Changes are serialised, so two clients never interleave tool runs.
/// </summary>
public sealed class ControlService : IControlService, IDisposable
{
    private readonly IReadOnlyList<IHardwareControl> _controls;
    private readonly Func<bool> _isPrivileged;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public ControlService(ControlServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sysfs = new SysfsWriter(options.Root);
        _isPrivileged = options.IsPrivileged;
        _controls =
        [
            new FanControl(sysfs),
            new NvpmodelControl(options.Root, options.SearchPath, options.ToolTimeout),
            new JetsonClocksControl(options.SearchPath, options.ToolTimeout, options.ClocksStorePath),
            new CpuGovernorControl(sysfs),
            new GpuGovernorControl(sysfs),
            new GpuRailgateControl(sysfs),
        ];
    }

    public async ValueTask<IReadOnlyList<ControlInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new ControlInfo[_controls.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = await _controls[i].ReadAsync(cancellationToken);
        }

        return list;
    }

    public async ValueTask<ControlResult> SetAsync(string control, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(value);
        var target = _controls.FirstOrDefault(c => c.Name == control);
        if (target is null)
        {
            return ControlResult.Refused(ControlReasons.UnknownControl,
                $"unknown control '{control}': the controls are {string.Join(", ", _controls.Select(c => c.Name))}");
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = await target.ReadAsync(cancellationToken);
            if (!current.Supported)
            {
                return ControlResult.Refused(ControlReasons.Unsupported, $"{control} is not supported on this machine: {ControlInfos.Reason(current)}");
            }

            var validated = target.Validate(value, current);
            if (validated.Value is not { } normalised)
            {
                return ControlResult.Refused(ControlReasons.InvalidValue, validated.Problem!);
            }

            if (!_isPrivileged())
            {
                return ControlResult.Refused(ControlReasons.RequiresRoot,
                    $"changing {control} needs root, and this aura serve is not running as root (the packaged systemd unit runs it unprivileged): run it as root to use controls");
            }

            if (await target.ApplyAsync(normalised, current, cancellationToken) is { } problem)
            {
                return ControlResult.Refused(ControlReasons.Failed, $"{control} was not changed: {problem}");
            }

            var after = await target.ReadAsync(cancellationToken);
            if (target is JetsonClocksControl && after.Value != normalised)
            {
                return ControlResult.Refused(ControlReasons.Failed, $"jetson_clocks ran, but jetson_clocks --show still reports '{after.Value}'");
            }

            return ControlResult.Changed(after, current.Value);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
