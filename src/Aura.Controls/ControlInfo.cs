using System.Collections.Immutable;

namespace Aura.Controls;

/// <summary>JetsonScope's <c>ControlInfo</c>, field for field: a hardware control and its current state.</summary>
public sealed record ControlInfo(
    string Name,
    string Description,
    string Value,
    ImmutableArray<string> Options,
    bool Readonly,
    uint? Min,
    uint? Max,
    uint? Step,
    bool RequiresSudo,
    bool Supported,
    string? Unit);
