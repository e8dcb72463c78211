using System.Buffers.Text;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>Reads the real uid, the first of the four ids on the `Uid:` line of /proc/[pid]/status.</summary>
internal static class ProcessStatusParser
{
    public static bool TryParseRealUid(ReadOnlySpan<byte> content, out uint uid)
    {
        uid = 0;
        foreach (var line in new AsciiLines(content))
        {
            if (!line.StartsWith("Uid:"u8))
            {
                continue;
            }

            var tokens = new AsciiTokens(line["Uid:".Length..]);
            return tokens.TryNext(out var token) && Utf8Parser.TryParse(token, out uid, out var used) && used == token.Length;
        }

        return false;
    }
}
