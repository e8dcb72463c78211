using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Gpu.Amd;

/// <summary>One amdgpu card as discovery found it: its identity, and its attribute files kept open for the per-tick reads.</summary>
internal sealed class AmdgpuCard : IDisposable
{
    public AmdgpuCard(string card, string device, string? hwmon, string name, string? uuid)
    {
        Card = card;
        Name = name;
        Uuid = uuid;
        RuntimeStatus = Open(device, "power/runtime_status");
        Busy = Open(device, "gpu_busy_percent");
        MemoryBusy = Open(device, "mem_busy_percent");
        VramTotal = Open(device, "mem_info_vram_total");
        VramUsed = Open(device, "mem_info_vram_used");
        Sclk = Open(device, "pp_dpm_sclk");
        Mclk = Open(device, "pp_dpm_mclk");
        Ras = Open(device, "ras/umc_err_count");
        Temperature = OpenHwmon(hwmon, "temp1_input");
        PowerAverage = OpenHwmon(hwmon, "power1_average");
        PowerInput = OpenHwmon(hwmon, "power1_input");
        PowerCap = OpenHwmon(hwmon, "power1_cap");
        Pwm = OpenHwmon(hwmon, "pwm1");
        PwmMax = OpenHwmon(hwmon, "pwm1_max");
        GraphicsFrequency = OpenHwmon(hwmon, "freq1_input");
        MemoryFrequency = OpenHwmon(hwmon, "freq2_input");
    }

    /// <summary>The DRM card name, "card0".</summary>
    public string Card { get; }

    public string Name { get; }

    public string? Uuid { get; }

    public KernelFile RuntimeStatus { get; }

    public KernelFile Busy { get; }

    public KernelFile MemoryBusy { get; }

    public KernelFile VramTotal { get; }

    public KernelFile VramUsed { get; }

    public KernelFile Sclk { get; }

    public KernelFile Mclk { get; }

    public KernelFile Ras { get; }

    public KernelFile? Temperature { get; }

    public KernelFile? PowerAverage { get; }

    public KernelFile? PowerInput { get; }

    public KernelFile? PowerCap { get; }

    public KernelFile? Pwm { get; }

    public KernelFile? PwmMax { get; }

    public KernelFile? GraphicsFrequency { get; }

    public KernelFile? MemoryFrequency { get; }

    public void Dispose()
    {
        foreach (var file in new KernelFile?[]
        {
            RuntimeStatus, Busy, MemoryBusy, VramTotal, VramUsed, Sclk, Mclk, Ras, Temperature, PowerAverage, PowerInput,
            PowerCap, Pwm, PwmMax, GraphicsFrequency, MemoryFrequency,
        })
        {
            file?.Dispose();
        }
    }

    private static KernelFile Open(string directory, string file) => new(Path.Join(directory, file));

    /// <summary>Null when the card has no hwmon directory (then it has no temperature, power or fan readings).</summary>
    private static KernelFile? OpenHwmon(string? hwmon, string file) => hwmon is null ? null : new(Path.Join(hwmon, file));
}
