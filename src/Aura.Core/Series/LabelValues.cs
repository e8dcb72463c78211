using System.Globalization;

namespace Aura.Core.Series;

/// <summary>Label values for small integers (core ids), made once so flattening a tick allocates no strings.</summary>
public static class LabelValues
{
    private static readonly string[] Small = Build(1024);

    public static string Of(int value) =>
        (uint)value < (uint)Small.Length ? Small[value] : value.ToString(CultureInfo.InvariantCulture);

    private static string[] Build(int count)
    {
        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
