namespace Aura.Core.Model;

/// <summary>tegrastats' <c>lfb NxZ</c>: <see cref="Count"/> free blocks of the largest size; IRAM prints the size alone.</summary>
public readonly record struct JetsonFreeBlock(long? Count, long SizeBytes);
