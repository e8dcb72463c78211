namespace Aura.Storage.Dvr.Processes;

/// <summary>
/// What process fields are kept at: CPU to 0.1 % (what top shows), resident memory to the KiB (the kernel counts
/// pages, so this is lossless), memory share to 0.01 %.
/// </summary>
internal static class ProcessPrecision
{
    public const double CpuUnitsPerPercent = 10;
    public const long RssBytes = 1024;
    public const double MemoryUnitsPerPercent = 100;
}
