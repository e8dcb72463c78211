namespace Aura.Controls;

/// <summary>
/// Hardware controls (fan, nvpmodel, jetson_clocks, governors). The server authorises a request before calling
/// <see cref="SetAsync"/>; the service validates the value and applies it.
/// </summary>
public interface IControlService
{
    /// <summary>Every control with its current state; unsupported ones too, with <c>supported</c> false.</summary>
    ValueTask<IReadOnlyList<ControlInfo>> ListAsync(CancellationToken cancellationToken);

    ValueTask<ControlResult> SetAsync(string control, string value, CancellationToken cancellationToken);
}
