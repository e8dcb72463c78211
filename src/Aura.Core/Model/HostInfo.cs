namespace Aura.Core.Model;

public sealed record HostInfo(
    string Hostname,
    string Os,
    string Kernel,
    double UptimeSeconds,
    DateTimeOffset? BootTime,
    string CpuModel,
    int CpuCount);
