namespace Aura.Server.Otlp;

/// <summary>The <c>InstrumentationScope</c> of every export: Aura, at its version.</summary>
internal static class OtlpScope
{
    public const string Name = "aura";

    public static void Write(ProtoWriter writer, int field, string version)
    {
        writer.BeginMessage(field);
        writer.String(1, Name);
        writer.String(2, version);
        writer.EndMessage();
    }
}
