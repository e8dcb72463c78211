using System.Collections.Immutable;

namespace Aura.Telemetry.Jetson;

/// <summary>
/// What this board is, read once from the device tree and <c>/etc/nv_tegra_release</c>. Off a Jetson
/// <see cref="IsJetson"/> is false and the strings are empty. A value Aura cannot determine is empty, never guessed.
/// </summary>
/// <param name="IsJetson">True on a Jetson (a tegra device tree or an nv_tegra_release).</param>
/// <param name="Model">The device tree's <c>model</c>, e.g. "NVIDIA Jetson Orin Nano Developer Kit".</param>
/// <param name="Soc">The SoC from <c>compatible</c> (or the fuse's chip id), e.g. "tegra234".</param>
/// <param name="Codename">The SoC family, e.g. "Orin".</param>
/// <param name="Module">The module's part number, e.g. "p3767-0005".</param>
/// <param name="BoardId">Carrier and module (<c>p3768-0000+p3767-0005</c>) or the plugin manager's board ids.</param>
/// <param name="SerialNumber">The device tree's <c>serial-number</c>.</param>
/// <param name="L4tVersion">Jetson Linux release, e.g. "36.4.3".</param>
/// <param name="JetpackVersion">The JetPack that shipped that release, e.g. "6.2"; empty for a release Aura does not know.</param>
/// <param name="CudaArch">The GPU's compute capability, e.g. "8.7".</param>
/// <param name="NvpmodelModes">Power modes from <c>/etc/nvpmodel.conf</c>, by id.</param>
public sealed record JetsonHardware(
    bool IsJetson,
    string Model,
    string Soc,
    string Codename,
    string Module,
    string BoardId,
    string SerialNumber,
    string L4tVersion,
    string JetpackVersion,
    string CudaArch,
    ImmutableArray<NvpmodelMode> NvpmodelModes)
{
    public static JetsonHardware None { get; } = new(false, "", "", "", "", "", "", "", "", "", []);
}
