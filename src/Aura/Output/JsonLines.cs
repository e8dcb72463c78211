using System.Text.Encodings.Web;
using System.Text.Json;

namespace Aura.Output;

internal static class JsonLines
{
    /// <summary>
    /// Terminal and pipe output, never HTML: keep series keys such as <c>cpu="0"</c> readable (<c>\"</c>, not
    /// <c>\u0022</c>) while still escaping everything JSON requires.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
