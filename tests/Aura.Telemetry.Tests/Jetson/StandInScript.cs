namespace Aura.Telemetry.Tests.Jetson;

/// <summary>An executable shell script in a temp directory, standing in for tegrastats or an emulator command.</summary>
internal sealed class StandInScript : IDisposable
{
    public StandInScript(string name, string body)
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aura-standin-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, name);
        File.WriteAllText(Path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
