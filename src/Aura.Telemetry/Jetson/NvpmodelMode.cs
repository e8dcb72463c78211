namespace Aura.Telemetry.Jetson;

/// <summary>One <c>&lt; POWER_MODEL ID=n NAME=... &gt;</c> of <c>/etc/nvpmodel.conf</c>.</summary>
public readonly record struct NvpmodelMode(int Id, string Name);
