using System.Globalization;

namespace Aura.Telemetry.Jetson;

/// <summary>
/// Made-up tegrastats lines for demos, in the JetPack 6 Orin Nano format, with loads, clocks, temperatures and power
/// that drift smoothly from one line to the next. Each call is the next line; nothing runs in the background.
/// </summary>
internal sealed class SyntheticLines(TimeProvider clock) : ITegraLines
{
    private int _line;

    public string? Problem => null;

    public string? Latest()
    {
        var n = _line++;
        var time = clock.GetLocalNow();
        double Wave(double period, double phase) => (Math.Sin((n / period) + phase) + 1) / 2;
        var inv = CultureInfo.InvariantCulture;
        var cpu = string.Create(inv, $"{(int)(5 + (60 * Wave(7, 0)))}%@1510,{(int)(5 + (50 * Wave(9, 1)))}%@1510,{(int)(3 + (40 * Wave(11, 2)))}%@1510,{(int)(3 + (30 * Wave(13, 3)))}%@1510,off,off");
        var gpu = (int)(80 * Wave(5, 0.5));
        var temp = 40 + (15 * Wave(20, 0));
        var vin = 4000 + (3000 * Wave(5, 0.5));
        return string.Create(inv,
            $"{time:MM-dd-yyyy HH:mm:ss} RAM {2400 + (int)(600 * Wave(30, 0))}/7620MB (lfb 3x2MB) SWAP 0/3810MB (cached 0MB) CPU [{cpu}] "
            + $"EMC_FREQ {(int)(30 * Wave(6, 0))}%@2133 GR3D_FREQ {gpu}%@[{(gpu > 0 ? 1020 : 305)}] NVDEC off NVJPG off NVJPG1 off VIC off OFA off APE 200 "
            + $"cpu@{temp:0.###}C soc2@{temp - 1:0.###}C soc0@{temp - 0.5:0.###}C gpu@{temp + 1:0.###}C tj@{temp + 1.5:0.###}C soc1@{temp:0.###}C "
            + $"VDD_IN {vin:0}mW/{vin * 0.95:0}mW VDD_CPU_GPU_CV {vin * 0.3:0}mW/{vin * 0.28:0}mW VDD_SOC {vin * 0.25:0}mW/{vin * 0.25:0}mW");
    }

    public void WaitForFirst(TimeSpan timeout)
    {
        // Every call has a line.
    }

    public void Dispose()
    {
        // Nothing held.
    }
}
