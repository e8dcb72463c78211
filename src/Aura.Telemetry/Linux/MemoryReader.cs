using Aura.Core.Model;

using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>Memory and swap from /proc/meminfo. Reads allocate nothing. Not thread-safe: one reader per sampler.</summary>
public sealed class MemoryReader : IDisposable
{
    private readonly KernelFile _meminfo;
    private byte[] _buffer = new byte[8192];

    /// <param name="root">The filesystem root holding proc/: "/" in production, a fixture tree in tests.</param>
    public MemoryReader(string root) => _meminfo = new KernelFile(Path.Combine(root, "proc", "meminfo"));

    /// <summary>
    /// Reads /proc/meminfo once. Used is total minus available; cached includes reclaimable slab, as free(1) shows it.
    /// All zeros when the file is missing or has nothing usable.
    /// </summary>
    public MemorySection Read()
    {
        if (!_meminfo.TryRead(ref _buffer, out var content))
        {
            return default;
        }

        return MemoryFields.Parse(content).ToSection();
    }

    public void Dispose() => _meminfo.Dispose();
}
