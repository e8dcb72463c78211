using Aura.Core.Config;
using Aura.Server.History;
using Aura.Server.Sampling;
using Aura.Storage.Dvr;

namespace Aura.Server.Hosting;

/// <summary>
/// The daemon's DVR: a writer that records every tick (opened by <see cref="DvrFiles"/>, the policy `aura` shares), and
/// a reader for the history API, which still serves the file when another process is recording it.
/// </summary>
internal sealed class DaemonRecording : IDisposable
{
    private DaemonRecording(DvrWriter? writer, DvrHistory? history, string summary)
    {
        Writer = writer;
        History = history;
        Summary = summary;
    }

    public DvrWriter? Writer { get; }

    public DvrHistory? History { get; }

    public ISnapshotRecorder? Recorder => Writer is null ? null : new DvrRecorder(Writer);

    /// <summary>One line for the banner: where history goes, or why it does not.</summary>
    public string Summary { get; }

    /// <exception cref="ConfigException">An explicitly chosen DVR cannot be written.</exception>
    public static DaemonRecording Open(AuraConfig config, TimeProvider clock, TextWriter warnings)
    {
        var (writer, notRecording) = DvrFiles.OpenWriter(config, clock, warnings, "serving live");
        var history = config.DbPath is { } path ? OpenHistory(path, warnings) : null;
        var summary = writer is not null ? $"recording to {config.DbPath}"
            : history is not null ? $"reading {config.DbPath} (not recording: {notRecording})"
            : $"off: {notRecording}";
        return new DaemonRecording(writer, history, summary);
    }

    /// <summary>Closes the reader, then the writer, which writes out what is left and seals the open block.</summary>
    public void Dispose()
    {
        History?.Dispose();
        Writer?.Dispose();
    }

    private static DvrHistory? OpenHistory(string path, TextWriter warnings)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return new DvrHistory(DvrReader.Open(path));
        }
        catch (Exception e) when (DvrFiles.IsUnusable(e))
        {
            warnings.WriteLine($"aura: warning: history is unavailable: cannot read {path} ({e.Message})");
            return null;
        }
    }
}
