using System.Text;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>The CPU model and processor count from /proc/cpuinfo ("key\t: value" lines, one block per online CPU).</summary>
internal readonly record struct HostCpuInfo(string? Model, int Processors)
{
    public static HostCpuInfo Parse(ReadOnlySpan<byte> content)
    {
        // x86 and most others say "model name"; ARM boards may only say "Model" (the board, from the device tree)
        // or "Hardware" (the SoC). The most specific to the CPU wins.
        ReadOnlySpan<byte> modelName = default, boardModel = default, hardware = default;
        var processors = 0;
        foreach (var line in new AsciiLines(content))
        {
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].TrimEnd(" \t"u8);
            var value = line[(colon + 1)..].Trim(" \t\r"u8);
            if (key.SequenceEqual("processor"u8)) processors++;
            else if (key.SequenceEqual("model name"u8) && modelName.IsEmpty) modelName = value;
            else if (key.SequenceEqual("Model"u8) && boardModel.IsEmpty) boardModel = value;
            else if (key.SequenceEqual("Hardware"u8) && hardware.IsEmpty) hardware = value;
        }

        var model = !modelName.IsEmpty ? modelName : !boardModel.IsEmpty ? boardModel : hardware;
        return new HostCpuInfo(model.IsEmpty ? null : Encoding.UTF8.GetString(model), processors);
    }
}
