namespace Aura.Core.Model;

/// <summary>The values of <see cref="GpuSample.Vendor"/>.</summary>
public static class GpuVendors
{
    public const string Nvidia = "nvidia";
    public const string Amd = "amd";
}
