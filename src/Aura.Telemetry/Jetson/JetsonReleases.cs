namespace Aura.Telemetry.Jetson;

/// <summary>Published facts: which JetPack shipped each Jetson Linux (L4T) release, and each SoC's family and CUDA compute capability.</summary>
internal static class JetsonReleases
{
    private static readonly Dictionary<string, string> JetPackByL4t = new(StringComparer.Ordinal)
    {
        ["32.1.0"] = "4.2",
        ["32.2.1"] = "4.2.2",
        ["32.3.1"] = "4.3",
        ["32.4.3"] = "4.4",
        ["32.4.4"] = "4.4.1",
        ["32.5.0"] = "4.5",
        ["32.5.1"] = "4.5.1",
        ["32.6.1"] = "4.6",
        ["32.7.1"] = "4.6.1",
        ["32.7.2"] = "4.6.2",
        ["32.7.3"] = "4.6.3",
        ["32.7.4"] = "4.6.4",
        ["32.7.5"] = "4.6.5",
        ["32.7.6"] = "4.6.6",
        ["34.1.0"] = "5.0 DP",
        ["34.1.1"] = "5.0.1 DP",
        ["35.1.0"] = "5.0.2",
        ["35.2.1"] = "5.1",
        ["35.3.1"] = "5.1.1",
        ["35.4.1"] = "5.1.2",
        ["35.5.0"] = "5.1.3",
        ["35.6.0"] = "5.1.4",
        ["35.6.1"] = "5.1.5",
        ["36.2.0"] = "6.0 DP",
        ["36.3.0"] = "6.0",
        ["36.4.0"] = "6.1",
        ["36.4.3"] = "6.2",
        ["36.4.4"] = "6.2.1",
    };

    public static string JetPack(string l4t) => JetPackByL4t.GetValueOrDefault(l4t, "");

    public static string Codename(string soc) => soc switch
    {
        "tegra210" => "Tegra X1",
        "tegra186" => "Parker",
        "tegra194" => "Xavier",
        "tegra234" => "Orin",
        "tegra264" => "Thor",
        _ => "",
    };

    /// <summary>Compute capability of the integrated GPU (Thor's is 11.0 from CUDA 13 on; CUDA 12.8 called it 10.1).</summary>
    public static string CudaArch(string soc) => soc switch
    {
        "tegra210" => "5.3",
        "tegra186" => "6.2",
        "tegra194" => "7.2",
        "tegra234" => "8.7",
        "tegra264" => "11.0",
        _ => "",
    };

    /// <summary>The SoC for <c>/sys/module/tegra_fuse/parameters/tegra_chip_id</c>.</summary>
    public static string SocFromChipId(string chipId) => chipId switch
    {
        "33" => "tegra210",
        "24" => "tegra186",
        "25" => "tegra194",
        "35" => "tegra234",
        _ => "",
    };
}
