namespace Aura.Telemetry.Gpu.Amd;

/// <summary>
/// Parses amdgpu's <c>pp_dpm_sclk</c> / <c>pp_dpm_mclk</c>: one line per DPM level (<c>1: 1500Mhz *</c>), the current
/// one marked with <c>*</c>. Returns the marked level's MHz; null when no line is marked or it does not parse.
/// </summary>
internal static class DpmClockParser
{
    public static int? CurrentMhz(ReadOnlySpan<byte> content)
    {
        foreach (var range in content.Split((byte)'\n'))
        {
            var line = content[range];
            if (line.IndexOf((byte)'*') < 0)
            {
                continue;
            }

            var colon = line.IndexOf((byte)':');
            var rest = colon < 0 ? line : line[(colon + 1)..];
            rest = rest.TrimStart((byte)' ');
            var digits = 0;
            while (digits < rest.Length && rest[digits] is >= (byte)'0' and <= (byte)'9')
            {
                digits++;
            }

            var unit = rest[digits..];
            if (digits == 0 || !(unit.StartsWith("Mhz"u8) || unit.StartsWith("MHz"u8)))
            {
                return null;
            }

            var mhz = 0;
            foreach (var d in rest[..digits])
            {
                mhz = checked((mhz * 10) + (d - '0'));
            }

            return mhz;
        }

        return null;
    }
}
