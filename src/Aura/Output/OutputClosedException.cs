namespace Aura.Output;

/// <summary>Standard output was closed by its reader (a broken pipe): a quiet, successful end.</summary>
internal sealed class OutputClosedException(IOException inner) : IOException("standard output was closed", inner);
