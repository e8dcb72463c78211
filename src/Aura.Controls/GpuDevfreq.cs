namespace Aura.Controls;

/// <summary>The Jetson GPU's devfreq device under <c>sys/class/devfreq</c> (<c>17000000.gpu</c>, <c>.ga10b</c>, <c>.gv11b</c>, <c>.gp10b</c>, <c>57000000.gpu</c>).</summary>
internal static class GpuDevfreq
{
    private static readonly string[] Suffixes = [".gpu", ".ga10b", ".gv11b", ".gp10b", ".gm20b"];

    public static string? Find(SysfsWriter sysfs)
    {
        var devfreq = sysfs.FullPath("sys/class/devfreq");
        if (!Directory.Exists(devfreq))
        {
            return null;
        }

        foreach (var directory in Directory.EnumerateDirectories(devfreq).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            if (Suffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)))
            {
                return "sys/class/devfreq/" + name;
            }
        }

        return null;
    }
}
