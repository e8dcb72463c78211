namespace Aura.Testing;

/// <summary>
/// A private copy of a fixture root (so controls may write to its sysfs files) plus a bin directory of stand-in
/// <c>nvpmodel</c> and <c>jetson_clocks</c> scripts that append their arguments, one run per line, to <c>calls.log</c>
/// and keep the state they change in files next to them, as the real tools keep it in the kernel.
/// </summary>
public sealed class JetsonBench : IDisposable
{
    private const string Nvpmodel = """
        #!/bin/sh
        dir=$(dirname "$0")
        echo "nvpmodel $*" >> "$dir/calls.log"
        if [ -f "$dir/nvpmodel.fail" ]; then echo "NVPM ERROR: failed to set power mode" >&2; exit 3; fi
        case "$1" in
          -q) id=$(cat "$dir/nvpmodel.mode"); echo "NV Fan Mode:quiet"; echo "NV Power Mode: PRINTED_$id"; echo "$id" ;;
          -m) echo "$2" > "$dir/nvpmodel.mode" ;;
          *) exit 1 ;;
        esac
        """;

    private const string JetsonClocks = """
        #!/bin/sh
        dir=$(dirname "$0")
        echo "jetson_clocks $*" >> "$dir/calls.log"
        state=$(cat "$dir/clocks.state")
        case "$1" in
          --show)
            if [ "$state" = on ]; then min=1510400; gmin=1020000000; else min=729600; gmin=306000000; fi
            echo "SOC family:tegra234  Machine:NVIDIA Jetson Orin Nano Developer Kit"
            echo "Online CPUs: 0-5"
            for c in 0 1 2 3 4 5; do echo "cpu$c: Online=1 Governor=schedutil MinFreq=$min MaxFreq=1510400 CurrentFreq=1510400 IdleStates: WFI=1 c7=1"; done
            echo "cpu6: Online=0 Governor=schedutil MinFreq=1 MaxFreq=2 CurrentFreq=1"
            echo "GPU MinFreq=$gmin MaxFreq=1020000000 CurrentFreq=$gmin"
            echo "EMC MinFreq=204000000 MaxFreq=3199000000 CurrentFreq=3199000000 FreqOverride=0"
            echo "NV Power Mode: 15W" ;;
          --store) echo "stored $state" > "$2" ;;
          --restore) [ -f "$2" ] || exit 1; echo off > "$dir/clocks.state" ;;
          "") echo on > "$dir/clocks.state" ;;
          *) exit 1 ;;
        esac
        """;

    public JetsonBench(string fixture = "jetson-orin-nano", bool tools = true)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("aura-controls-").FullName;
        Root = Path.Combine(Directory, "root");
        Bin = Path.Combine(Directory, "bin");
        System.IO.Directory.CreateDirectory(Bin);
        var source = Path.Combine(AppContext.BaseDirectory, "fixtures", "roots", fixture);
        System.IO.Directory.Exists(source).ShouldBeTrue($"fixture tree {source} is missing");
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        if (tools)
        {
            Script("nvpmodel", Nvpmodel);
            Script("jetson_clocks", JetsonClocks);
            File.WriteAllText(Path.Combine(Bin, "nvpmodel.mode"), "0\n");
            File.WriteAllText(Path.Combine(Bin, "clocks.state"), "off\n");
        }
    }

    public string Directory { get; }

    public string Root { get; }

    public string Bin { get; }

    public string StorePath => Path.Combine(Directory, "state", "l4t_dfs.conf");

    /// <summary>Each tool run, as "tool args".</summary>
    public string[] Calls => File.Exists(Path.Combine(Bin, "calls.log")) ? File.ReadAllLines(Path.Combine(Bin, "calls.log")) : [];

    public string ReadRoot(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public string ReadBin(string name) => File.ReadAllText(Path.Combine(Bin, name)).Trim();

    public void WriteBin(string name, string content) => File.WriteAllText(Path.Combine(Bin, name), content);

    public void Dispose()
    {
        // A stand-in tool the stopped server killed may still be exiting and append to calls.log while bin is removed
        // (seen once in a full run): try again briefly before giving up.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System).GetAwaiter().GetResult();
            }
        }
    }

    private void Script(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, body.Replace("\r", "", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
