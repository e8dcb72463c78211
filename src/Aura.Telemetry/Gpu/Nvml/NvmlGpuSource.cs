using System.Collections.Immutable;
using System.Text;
using Aura.Core.Model;

namespace Aura.Telemetry.Gpu.Nvml;

/// <summary>
/// NVIDIA GPUs through NVML. Devices, names and UUIDs are found once (NVML's handles stay valid while it is
/// initialised); each read asks every device for its readings. A call that fails (NOT_SUPPORTED on a consumer board,
/// NO_PERMISSION in a container) leaves that reading null, never 0.
/// </summary>
internal sealed class NvmlGpuSource : IGpuSource
{
    private const int TextBufferSize = 96; // NVML_DEVICE_NAME_V2_BUFFER_SIZE and NVML_DEVICE_UUID_V2_BUFFER_SIZE
    private const int UnknownPerformanceState = 32;

    private readonly INvml _nvml;
    private readonly IDisposable? _owned;
    private readonly List<GpuProcess> _processes = [];
    private NvmlProcessInfo[] _infos = new NvmlProcessInfo[64];
    private Device[]? _devices;

    /// <param name="nvml">The NVML to call.</param>
    /// <param name="owned">Disposed with this source (the real library, to shut NVML down).</param>
    public NvmlGpuSource(INvml nvml, IDisposable? owned = null)
    {
        _nvml = nvml;
        _owned = owned;
    }

    public ImmutableArray<GpuSample> Read(int firstIndex)
    {
        _devices ??= Discover();
        if (_devices.Length == 0)
        {
            return [];
        }

        var gpus = ImmutableArray.CreateBuilder<GpuSample>(_devices.Length);
        foreach (var device in _devices)
        {
            gpus.Add(ReadDevice(device, firstIndex + device.Index));
        }

        return gpus.MoveToImmutable();
    }

    public void Dispose() => _owned?.Dispose();

    private Device[] Discover()
    {
        if (_nvml.DeviceGetCount(out var count) != NvmlReturn.Success)
        {
            return [];
        }

        var devices = new List<Device>((int)count);
        Span<byte> text = stackalloc byte[TextBufferSize];
        for (uint i = 0; i < count; i++)
        {
            // A GPU the process may not open (cgroups, a lost GPU) is left out rather than shown without readings.
            if (_nvml.DeviceGetHandleByIndex(i, out var handle) != NvmlReturn.Success)
            {
                continue;
            }

            text.Clear();
            var name = (_nvml.DeviceGetName(handle, text) == NvmlReturn.Success ? Text(text) : null) ?? "NVIDIA GPU";
            text.Clear();
            var uuid = _nvml.DeviceGetUuid(handle, text) == NvmlReturn.Success ? Text(text) : null;
            devices.Add(new Device((int)i, handle, name, uuid));
        }

        return [.. devices];
    }

    private GpuSample ReadDevice(Device device, int index)
    {
        var h = device.Handle;
        var utilization = _nvml.DeviceGetUtilizationRates(h, out var rates) == NvmlReturn.Success ? rates : (NvmlUtilization?)null;
        var memory = _nvml.DeviceGetMemoryInfo(h, out var m) == NvmlReturn.Success ? m : (NvmlMemory?)null;
        return new GpuSample
        {
            Index = index,
            Name = device.Name,
            Uuid = device.Uuid,
            Vendor = GpuVendors.Nvidia,
            Source = GpuSources.Nvml,
            UtilizationPercent = utilization?.Gpu,
            MemoryUtilizationPercent = utilization?.Memory,
            EncoderUtilizationPercent = Value(_nvml.DeviceGetEncoderUtilization(h, out var encoder), encoder),
            DecoderUtilizationPercent = Value(_nvml.DeviceGetDecoderUtilization(h, out var decoder), decoder),
            MemoryTotalBytes = Bytes(memory?.Total),
            MemoryUsedBytes = Bytes(memory?.Used),
            MemoryFreeBytes = Bytes(memory?.Free),
            TemperatureCelsius = Value(_nvml.DeviceGetTemperature(h, out var celsius), celsius),
            FanPercent = Value(_nvml.DeviceGetFanSpeed(h, out var fan), fan),
            PowerWatts = Watts(_nvml.DeviceGetPowerUsage(h, out var power), power),
            PowerLimitWatts = Watts(_nvml.DeviceGetEnforcedPowerLimit(h, out var limit), limit),
            GraphicsClockMhz = Clock(h, NvmlClock.Graphics),
            SmClockMhz = Clock(h, NvmlClock.Sm),
            MemoryClockMhz = Clock(h, NvmlClock.Memory),
            PerformanceState = _nvml.DeviceGetPerformanceState(h, out var state) == NvmlReturn.Success && state is >= 0 and < UnknownPerformanceState ? state : null,
            ThrottleReasons = _nvml.DeviceGetCurrentClocksThrottleReasons(h, out var reasons) == NvmlReturn.Success ? reasons : null,
            EccCorrectedErrors = Count(_nvml.DeviceGetTotalEccErrors(h, NvmlEccError.Corrected, out var corrected), corrected),
            EccUncorrectedErrors = Count(_nvml.DeviceGetTotalEccErrors(h, NvmlEccError.Uncorrected, out var uncorrected), uncorrected),
            Processes = Processes(h),
        };
    }

    /// <summary>Compute and graphics contexts merged by pid (a process can hold both; NVML reports one memory figure for it).</summary>
    private ImmutableArray<GpuProcess>? Processes(nint handle)
    {
        _processes.Clear();
        var compute = AddProcesses(handle, graphics: false);
        var graphics = AddProcesses(handle, graphics: true);
        if (!compute && !graphics)
        {
            return null;
        }

        return _processes.Count == 0 ? [] : [.. _processes];
    }

    private bool AddProcesses(nint handle, bool graphics)
    {
        var status = Query(handle, graphics, out var count);
        if (status == NvmlReturn.InsufficientSize && count > _infos.Length)
        {
            // More processes than the buffer: NVML said how many; a few more may have started since.
            _infos = new NvmlProcessInfo[(int)count + 16];
            status = Query(handle, graphics, out count);
        }

        if (status != NvmlReturn.Success)
        {
            return false;
        }

        for (var i = 0; i < (int)Math.Min(count, (uint)_infos.Length); i++)
        {
            var info = _infos[i];
            long? used = info.UsedGpuMemory == NvmlProcessInfo.NotAvailable || info.UsedGpuMemory > long.MaxValue ? null : (long)info.UsedGpuMemory;
            Merge((int)info.Pid, used);
        }

        return true;
    }

    private NvmlReturn Query(nint handle, bool graphics, out uint count) => graphics
        ? _nvml.DeviceGetGraphicsRunningProcesses(handle, _infos, out count)
        : _nvml.DeviceGetComputeRunningProcesses(handle, _infos, out count);

    private void Merge(int pid, long? used)
    {
        for (var i = 0; i < _processes.Count; i++)
        {
            if (_processes[i].Pid == pid)
            {
                if (used is { } u && (_processes[i].UsedMemoryBytes is not { } known || u > known))
                {
                    _processes[i] = new GpuProcess(pid, u);
                }

                return;
            }
        }

        _processes.Add(new GpuProcess(pid, used));
    }

    private int? Clock(nint handle, NvmlClock clock) =>
        _nvml.DeviceGetClockInfo(handle, clock, out var mhz) == NvmlReturn.Success ? (int)mhz : null;

    private static double? Value(NvmlReturn status, uint value) => status == NvmlReturn.Success ? value : null;

    private static double? Watts(NvmlReturn status, uint milliwatts) => status == NvmlReturn.Success ? milliwatts / 1000.0 : null;

    private static long? Count(NvmlReturn status, ulong count) => status == NvmlReturn.Success && count <= long.MaxValue ? (long)count : null;

    private static long? Bytes(ulong? bytes) => bytes is { } b && b <= long.MaxValue ? (long)b : null;

    /// <summary>The NUL-terminated text NVML wrote, or null when it is empty.</summary>
    private static string? Text(ReadOnlySpan<byte> buffer)
    {
        var end = buffer.IndexOf((byte)0);
        var text = (end < 0 ? buffer : buffer[..end]).Trim((byte)' ');
        return text.IsEmpty ? null : Encoding.UTF8.GetString(text);
    }

    private sealed record Device(int Index, nint Handle, string Name, string? Uuid);
}
