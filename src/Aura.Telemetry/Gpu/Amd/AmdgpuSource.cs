using System.Collections.Immutable;
using Aura.Core.Model;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Gpu.Amd;

/// <summary>
/// AMD GPUs through amdgpu's sysfs and hwmon files under a root. Cards are found on the first read and again every
/// <see cref="RediscoverEvery"/> reads; in between only the open attribute files are re-read. Units as the kernel
/// documents them: hwmon temperatures in millidegrees, power in microwatts, frequencies in Hz; VRAM in bytes.
/// A card whose runtime power state is "suspended" (a laptop's idle dGPU) is listed without readings: reading its
/// busy or memory files would wake it. The driver lists no processes here.
/// </summary>
internal sealed class AmdgpuSource : IGpuSource
{
    public const int RediscoverEvery = 60;

    private readonly string _root;
    private byte[] _buffer = new byte[512];
    private List<AmdgpuCard> _cards = [];
    private int _readsSinceDiscovery = RediscoverEvery;

    public AmdgpuSource(string root) => _root = root;

    public ImmutableArray<GpuSample> Read(int firstIndex)
    {
        if (_readsSinceDiscovery >= RediscoverEvery)
        {
            DisposeCards();
            _cards = AmdgpuDiscovery.Discover(_root);
            _readsSinceDiscovery = 0;
        }

        _readsSinceDiscovery++;
        if (_cards.Count == 0)
        {
            return [];
        }

        var gpus = ImmutableArray.CreateBuilder<GpuSample>(_cards.Count);
        for (var i = 0; i < _cards.Count; i++)
        {
            gpus.Add(ReadCard(_cards[i], firstIndex + i));
        }

        return gpus.MoveToImmutable();
    }

    public void Dispose() => DisposeCards();

    private GpuSample ReadCard(AmdgpuCard card, int index)
    {
        if (card.RuntimeStatus.TryRead(ref _buffer, out var status) && status.Trim((byte)'\n').SequenceEqual("suspended"u8))
        {
            return new GpuSample { Index = index, Name = card.Name, Uuid = card.Uuid, Vendor = GpuVendors.Amd, Source = GpuSources.Amdgpu };
        }

        var total = Integer(card.VramTotal);
        var used = Integer(card.VramUsed);
        var (correctable, uncorrectable) = Ras(card.Ras);
        return new GpuSample
        {
            Index = index,
            Name = card.Name,
            Uuid = card.Uuid,
            Vendor = GpuVendors.Amd,
            Source = GpuSources.Amdgpu,
            UtilizationPercent = Integer(card.Busy),
            MemoryUtilizationPercent = Integer(card.MemoryBusy),
            MemoryTotalBytes = total,
            MemoryUsedBytes = used,
            MemoryFreeBytes = total - used,
            TemperatureCelsius = Integer(card.Temperature) / 1000.0,
            PowerWatts = (Integer(card.PowerAverage) ?? Integer(card.PowerInput)) / 1e6,
            PowerLimitWatts = Integer(card.PowerCap) is > 0 and { } cap ? cap / 1e6 : null,
            FanPercent = FanPercent(card),
            GraphicsClockMhz = Dpm(card.Sclk) ?? Mhz(card.GraphicsFrequency),
            MemoryClockMhz = Dpm(card.Mclk) ?? Mhz(card.MemoryFrequency),
            EccCorrectedErrors = correctable,
            EccUncorrectedErrors = uncorrectable,
        };
    }

    /// <summary>pwm1 over pwm1_max (255 when the file is missing); null without a PWM fan (passive or firmware-only control).</summary>
    private double? FanPercent(AmdgpuCard card)
    {
        if (Integer(card.Pwm) is not { } pwm)
        {
            return null;
        }

        var max = Integer(card.PwmMax) is > 0 and { } m ? m : 255;
        return Math.Round(pwm * 100.0 / max, 1);
    }

    private int? Dpm(KernelFile file) => file.TryRead(ref _buffer, out var content) ? DpmClockParser.CurrentMhz(content) : null;

    private int? Mhz(KernelFile? file) => Integer(file) is { } hertz ? (int)(hertz / 1_000_000) : null;

    /// <summary><c>ras/umc_err_count</c>: "ue: N" and "ce: N" lines, on boards with ECC memory.</summary>
    private (long? Correctable, long? Uncorrectable) Ras(KernelFile file)
    {
        if (!file.TryRead(ref _buffer, out var content))
        {
            return (null, null);
        }

        long? ce = null, ue = null;
        foreach (var range in content.Split((byte)'\n'))
        {
            var tokens = new AsciiTokens(content[range]);
            if (tokens.TryNext(out var key) && tokens.TryNextLong(out var count))
            {
                if (key.SequenceEqual("ce:"u8))
                {
                    ce = count;
                }
                else if (key.SequenceEqual("ue:"u8))
                {
                    ue = count;
                }
            }
        }

        return (ce, ue);
    }

    private long? Integer(KernelFile? file) =>
        file is not null && file.TryRead(ref _buffer, out var content) && AsciiTokens.TryParseLong(content.Trim(" \n"u8), out var value) ? value : null;

    private void DisposeCards()
    {
        foreach (var card in _cards)
        {
            card.Dispose();
        }

        _cards = [];
    }
}
