namespace Aura.Controls;

/// <summary>A machine with no controls Aura can drive: an empty list, and every set refused as an unknown control.</summary>
public sealed class NoControls : IControlService
{
    public static NoControls Instance { get; } = new();

    public ValueTask<IReadOnlyList<ControlInfo>> ListAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<ControlInfo>>([]);

    public ValueTask<ControlResult> SetAsync(string control, string value, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ControlResult.Failed("invalid_control", $"unknown control '{control}': this machine has no controls Aura can set"));
}
