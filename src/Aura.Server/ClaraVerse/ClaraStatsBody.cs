using System.Text.Json;
using Aura.Server.Sampling;

namespace Aura.Server.ClaraVerse;

/// <summary>Renders a tick's <c>/api/stats</c> body; the REST route and the WebSocket share the cached result.</summary>
internal static class ClaraStatsBody
{
    public static byte[] Render(TickFrame frame) =>
        JsonSerializer.SerializeToUtf8Bytes(ClaraView.Stats(frame.Snapshot), ClaraJsonContext.Default.ClaraStats);
}
