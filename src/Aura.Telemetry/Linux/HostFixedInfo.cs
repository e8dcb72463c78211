namespace Aura.Telemetry.Linux;

/// <summary>The parts of <see cref="Core.Model.HostInfo"/> that do not change while the machine runs.</summary>
internal sealed record HostFixedInfo(string Os, string Kernel, DateTimeOffset? BootTime, string CpuModel, int CpuCount);
