using System.Collections.Immutable;

namespace Aura.Server.Jetson;

/// <summary>
/// JetsonScope's <c>JetsonHardware</c>, every field present (its clients require them all). Off a Jetson the Jetson
/// fields are empty and <see cref="IsJetson"/> is false; Aura adds the host's name, OS, kernel, CPU count and its version.
/// </summary>
public sealed record JetsonHardwareView(
    bool IsJetson,
    string Model,
    string Codename,
    string Soc,
    string Module,
    string BoardId,
    string SerialNumber,
    string L4tVersion,
    string JetpackVersion,
    string CudaArch,
    ImmutableArray<string> Governors,
    ImmutableArray<string> Sensors,
    ImmutableArray<string> PowerRails,
    ImmutableArray<string> Engines,
    ImmutableArray<string> NvpmodelModes,
    string Hostname,
    string Os,
    string Kernel,
    int CpuCount,
    string AuraVersion);
