using System.Collections.Immutable;
using System.Globalization;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Jetson;

/// <summary>Reads the power modes of <c>/etc/nvpmodel.conf</c>: lines <c>&lt; POWER_MODEL ID=0 NAME=MAXN &gt;</c>.</summary>
public static class NvpmodelConf
{
    public const string RelativePath = "etc/nvpmodel.conf";

    /// <summary>The modes under <paramref name="root"/>, in file order; empty when the file is missing or unreadable.</summary>
    public static ImmutableArray<NvpmodelMode> Read(string root)
    {
        var text = KernelFile.ReadText(Path.Combine(root, RelativePath));
        return text is null ? [] : Parse(text);
    }

    public static ImmutableArray<NvpmodelMode> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var modes = ImmutableArray.CreateBuilder<NvpmodelMode>();
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (!line.StartsWith('<') || !line.EndsWith('>'))
            {
                continue;
            }

            line = line[1..^1].Trim();
            if (!line.StartsWith("POWER_MODEL ", StringComparison.Ordinal))
            {
                continue;
            }

            int? id = null;
            string? name = null;
            foreach (var range in line["POWER_MODEL ".Length..].Split(' '))
            {
                var pair = line["POWER_MODEL ".Length..][range];
                if (pair.StartsWith("ID=", StringComparison.Ordinal)
                    && int.TryParse(pair[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    id = parsed;
                }
                else if (pair.StartsWith("NAME=", StringComparison.Ordinal) && pair.Length > 5)
                {
                    name = pair[5..].ToString();
                }
            }

            if (id is { } modeId && name is not null)
            {
                modes.Add(new NvpmodelMode(modeId, name));
            }
        }

        return modes.ToImmutable();
    }
}
