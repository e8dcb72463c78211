using System.Globalization;

namespace Aura.Telemetry.Tests.Gpu;

/// <summary>A stand-in for nvidia-smi or rocm-smi: a shell script in a temporary directory that records its arguments.</summary>
internal sealed class StandInTool : IDisposable
{
    private StandInTool(string directory, string path)
    {
        Directory = directory;
        Path = path;
    }

    public string Directory { get; }

    public string Path { get; }

    public string ArgumentsLog => System.IO.Path.Join(Directory, "calls.log");

    /// <summary>Writes <paramref name="name"/> with a body that runs after the arguments are appended to calls.log, one call per line.</summary>
    public static StandInTool Create(string name, string body)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("aura-standin-").FullName;
        var path = System.IO.Path.Join(directory, name);
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"#!/bin/sh\necho \"$*\" >> '{directory}/calls.log'\n{body}\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new StandInTool(directory, path);
    }

    public string[] Calls() => File.Exists(ArgumentsLog) ? File.ReadAllLines(ArgumentsLog) : [];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
