using System.Collections.Immutable;
using Aura.Core.Model;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Temperatures from every <c>{root}/sys/class/thermal/thermal_zoneN/temp</c> and every
/// <c>{root}/sys/class/hwmon/hwmonN/tempK_input</c>, in °C. Which files exist, their labels and thresholds are
/// discovered on the first read and again every <see cref="RediscoverEvery"/> reads (about a minute at 1 Hz:
/// sensors rarely come and go, and a directory walk per tick would cost more than reading them); in between only
/// the temperature files are read. A sensor whose file cannot be read or whose value is outside
/// <see cref="ThermalRange"/> is left out of that read. Not thread-safe.
/// </summary>
public sealed class ThermalReader
{
    /// <summary>How many reads a discovery is trusted for.</summary>
    public const int RediscoverEvery = 60;

    private readonly string _root;
    private byte[] _buffer = new byte[256];
    private ThermalSource[] _sources = [];
    private TemperatureSensor[] _scratch = [];
    private int _readsSinceDiscovery = RediscoverEvery;

    public ThermalReader(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = root;
    }

    public ThermalSection Read()
    {
        if (_readsSinceDiscovery >= RediscoverEvery)
        {
            Discover();
        }

        _readsSinceDiscovery++;
        var count = 0;
        foreach (var source in _sources)
        {
            if (ThermalSysfs.TryReadMillidegrees(source.TempPath, ref _buffer, out var millidegrees)
                && ThermalRange.Reading(millidegrees) is { } celsius)
            {
                _scratch[count++] = new TemperatureSensor(source.Id, source.Label, celsius, source.HighCelsius, source.CriticalCelsius);
            }
        }

        return count == 0 ? ThermalSection.Empty : new ThermalSection(ImmutableArray.Create(_scratch, 0, count));
    }

    private void Discover()
    {
        var sources = new List<ThermalSource>();
        ThermalZoneDiscovery.Discover(_root, ref _buffer, sources);
        ThermalHwmonDiscovery.Discover(_root, ref _buffer, sources);
        _sources = [.. sources];
        _scratch = new TemperatureSensor[_sources.Length];
        _readsSinceDiscovery = 0;
    }
}
