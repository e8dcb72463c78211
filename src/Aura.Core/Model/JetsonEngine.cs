namespace Aura.Core.Model;

/// <summary>
/// A hardware engine (GR3D_FREQ, EMC_FREQ, NVENC, APE, ISP_UTIL...) under the name tegrastats printed. <see cref="Off"/>
/// is an engine powered down (<c>NVDEC off</c>). <see cref="UsagePercent"/> and <see cref="FrequencyMhz"/> come from
/// <c>59%@1300</c> or <c>0%@[305]</c> (the first GPC's clock); a bare number (<c>APE 150</c>, <c>MC_FREQ 800</c>) is kept
/// as <see cref="Value"/>: NVIDIA documents it as a clock in MHz, but the line does not say so.
/// </summary>
public readonly record struct JetsonEngine(string Name, bool Off, double? UsagePercent, double? FrequencyMhz, double? Value);
