namespace Aura.Telemetry.Gpu.Nvml;

/// <summary>The nvmlReturn_t codes Aura tells apart; every other code is a failure too.</summary>
internal enum NvmlReturn
{
    Success = 0,
    Uninitialized = 1,
    InvalidArgument = 2,
    NotSupported = 3,
    NoPermission = 4,
    NotFound = 6,
    InsufficientSize = 7,
    DriverNotLoaded = 9,
    FunctionNotFound = 13,
    GpuIsLost = 15,
    Unknown = 999,
}
