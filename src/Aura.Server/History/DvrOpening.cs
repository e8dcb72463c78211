using Aura.Storage.Dvr;

namespace Aura.Server.History;

/// <summary>What <see cref="DvrFiles.OpenWriter"/> opened: the writer, or why there is none.</summary>
public readonly record struct DvrOpening(DvrWriter? Writer, string? NotRecording);
