using Aura.Core.Config;
using Aura.Server.History;
using Aura.Server.Sampling;
using Aura.Storage.Dvr;

namespace Aura.Cli;

/// <summary>
/// The DVR behind `aura serve`: a writer that records every tick, and a reader for the history API. An explicitly chosen
/// database that cannot be written is an error (exit 2); the default one only costs a warning, and the daemon then still
/// serves history from the file if another process is recording it.
/// </summary>
internal sealed class ServeRecording : IDisposable
{
    private ServeRecording(DvrWriter? writer, DvrHistory? history, string summary)
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

    public static ServeRecording Open(AuraConfig config, TimeProvider clock, TextWriter warnings)
    {
        if (config.DbPath is not { } path)
        {
            return new ServeRecording(null, null, "off: no default DVR location (no home directory); use --db-path");
        }

        DvrWriter? writer = null;
        string? notWriting = null;
        try
        {
            writer = DvrWriter.Open(Recording.Options(config, path), clock, new WarningLogger(warnings));
        }
        catch (Exception e) when (Recording.IsUnusable(e))
        {
            if (config.DbPathIsExplicit)
            {
                throw new UsageException($"{Recording.DbPathOrigin(config)}: cannot record into DVR database {path}: {e.Message}");
            }

            notWriting = e.Message;
            warnings.WriteLine($"aura: warning: not recording: the default DVR {path} cannot be written ({e.Message})");
        }

        var history = OpenHistory(path, warnings);
        var summary = writer is not null ? $"recording to {path}"
            : history is not null ? $"reading {path} (not recording: {notWriting})"
            : $"off: {notWriting}";
        return new ServeRecording(writer, history, summary);
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
        catch (Exception e) when (Recording.IsUnusable(e))
        {
            warnings.WriteLine($"aura: warning: history is unavailable: cannot read {path} ({e.Message})");
            return null;
        }
    }
}
