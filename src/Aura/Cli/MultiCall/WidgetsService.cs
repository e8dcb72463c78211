using System.Globalization;

namespace Aura.Cli.MultiCall;

/// <summary>
/// ClaraVerse's <c>widgets-service [PORT]</c>: the daemon on 127.0.0.1 at that port (default 8765), as ClaraVerse starts
/// and stops it. Its defaults are Aura's own (loopback, port 8765, the live stats open on loopback to any local page).
/// </summary>
internal static class WidgetsService
{
    public static string[] Rewrite(string[] args)
    {
        if (args is [var first, .. var rest] && !first.StartsWith('-'))
        {
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
                ? ["serve", "--port", first, .. rest]
                : throw new UsageException($"widgets-service: the port must be a whole number from 0 to 65535, not '{first}'");
        }

        return ["serve", .. args];
    }
}
