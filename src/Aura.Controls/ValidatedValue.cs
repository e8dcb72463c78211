namespace Aura.Controls;

/// <summary>A requested value after validation: what to apply, or why it cannot be.</summary>
internal readonly record struct ValidatedValue(string? Value, string? Problem)
{
    public static ValidatedValue Ok(string value) => new(value, null);

    public static ValidatedValue Bad(string problem) => new(null, problem);
}
