namespace Aura.Telemetry;

/// <param name="Root">Filesystem root the procfs/sysfs readers read under; "/" except in tests.</param>
/// <param name="TopProcesses">How many processes the top-k keeps.</param>
public sealed record SamplerOptions(string Root = "/", int TopProcesses = 20)
{
    public const int MaxTopProcesses = 1000;
}
