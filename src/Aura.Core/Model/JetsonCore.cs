namespace Aura.Core.Model;

/// <summary>One CPU core as tegrastats reports it; an <c>off</c> core is offline and has neither load nor frequency.</summary>
public readonly record struct JetsonCore(int Index, bool Online, double? LoadPercent, double? FrequencyMhz);
