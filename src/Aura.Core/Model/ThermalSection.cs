using System.Collections.Immutable;

namespace Aura.Core.Model;

public sealed record ThermalSection(ImmutableArray<TemperatureSensor> Sensors)
{
    public static readonly ThermalSection Empty = new([]);

    /// <summary>The hottest sensor, or null when there are none.</summary>
    public TemperatureSensor? Hottest
    {
        get
        {
            TemperatureSensor? hottest = null;
            foreach (var sensor in Sensors)
            {
                if (hottest is null || sensor.Celsius > hottest.Value.Celsius)
                {
                    hottest = sensor;
                }
            }

            return hottest;
        }
    }
}
