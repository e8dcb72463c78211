namespace Aura.Cli;

/// <summary>Bad arguments or an unusable path: printed as one line, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
