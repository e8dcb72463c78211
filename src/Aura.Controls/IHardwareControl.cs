namespace Aura.Controls;

/// <summary>One control: reads its state, checks a requested value and applies it. The service checks support and root first.</summary>
internal interface IHardwareControl
{
    string Name { get; }

    ValueTask<ControlInfo> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The value to apply (normalised, e.g. a mode name turned into its id), or an English reason it is not valid.</summary>
    ValidatedValue Validate(string value, ControlInfo current);

    /// <summary>Applies a validated value; null on success, else why it failed.</summary>
    ValueTask<string?> ApplyAsync(string value, ControlInfo current, CancellationToken cancellationToken);
}
