namespace Aura.Storage.Dvr.Codecs;

/// <summary>Zig-zag mapping, so small negative numbers stay small when written as unsigned varints.</summary>
internal static class VarInt
{
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
