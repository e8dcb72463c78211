namespace Aura.Server.Metrics;

/// <summary>Up to two labels written after a sample's own; a null value is left out.</summary>
internal readonly record struct ExtraLabels(string? Name1, string? Value1, string? Name2, string? Value2);
