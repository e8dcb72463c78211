using System.Text;
using Aura.Core.Model;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Host identity from procfs, sysfs and os-release. The kernel, OS, CPU and boot time cannot change while the
/// machine runs and are read once; the hostname and uptime are read on every call. Not thread-safe.
/// </summary>
public sealed class HostReader
{
    private const string Unknown = "unknown";

    private readonly string _root;
    private byte[] _buffer = new byte[4096];
    private HostFixedInfo? _fixed;
    private string _hostname = Unknown;
    private byte[] _hostnameBytes = [];

    /// <param name="root">The filesystem root holding proc/, sys/ and etc/: "/" in production, a fixture tree in tests.</param>
    public HostReader(string root) => _root = root;

    /// <summary>Missing parts read as "unknown" (the OS as "Linux", as os-release(5) says), 0, or null.</summary>
    public HostInfo Read()
    {
        var host = _fixed ??= ReadFixed();
        return new HostInfo(ReadHostname(), host.Os, host.Kernel, ReadUptime(), host.BootTime, host.CpuModel, host.CpuCount);
    }

    private HostFixedInfo ReadFixed()
    {
        var kernel = TryRead("proc/sys/kernel/osrelease", out var release) && Trim(release) is { IsEmpty: false } name
            ? Encoding.UTF8.GetString(name)
            : Unknown;
        var os = TryRead("etc/os-release", out var osRelease) || TryRead("usr/lib/os-release", out osRelease)
            ? HostOsRelease.PrettyName(osRelease)
            : HostOsRelease.Fallback;
        var cpu = TryRead("proc/cpuinfo", out var cpuinfo) ? HostCpuInfo.Parse(cpuinfo) : default;
        var stat = TryRead("proc/stat", out var statContent) ? HostStat.Parse(statContent) : default;

        // Present CPUs, offline ones included; cpuinfo and /proc/stat list only the online ones.
        var count = TryRead("sys/devices/system/cpu/present", out var present)
            && CpuRangeList.TryCount(present, CpuRangeList.MaxCpus, out var presentCount) && presentCount > 0
            ? presentCount
            : cpu.Processors > 0 ? cpu.Processors : stat.Cpus;
        return new HostFixedInfo(os, kernel, stat.BootTime, cpu.Model ?? Unknown, count);
    }

    /// <summary>The hostname can change at run time; the string is made again only when it did.</summary>
    private string ReadHostname()
    {
        if (!TryRead("proc/sys/kernel/hostname", out var content) || Trim(content) is not { IsEmpty: false } name)
        {
            return Unknown;
        }

        if (!name.SequenceEqual(_hostnameBytes))
        {
            _hostnameBytes = name.ToArray();
            _hostname = Encoding.UTF8.GetString(name);
        }

        return _hostname;
    }

    private double ReadUptime()
    {
        if (!TryRead("proc/uptime", out var content))
        {
            return 0;
        }

        var tokens = new AsciiTokens(content);
        return tokens.TryNextDouble(out var seconds) && seconds >= 0 ? seconds : 0;
    }

    private bool TryRead(string relativePath, out ReadOnlySpan<byte> content) =>
        KernelFile.TryRead(Path.Combine(_root, relativePath), ref _buffer, out content);

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => text.Trim(" \t\r\n"u8);
}
