namespace Aura.Core.Config;

/// <summary>A TOML document that is not valid in the subset Aura reads; the message starts with "line L, column C:".</summary>
public sealed class TomlException : FormatException
{
    public TomlException()
    {
    }

    public TomlException(string message)
        : base(message)
    {
    }

    public TomlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TomlException(int line, int column, string reason)
        : base($"line {line}, column {column}: {reason}")
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The 1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (in UTF-16 code units) of the error.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; } = "";
}
