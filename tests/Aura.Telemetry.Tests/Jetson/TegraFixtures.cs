namespace Aura.Telemetry.Tests.Jetson;

/// <summary>The captured tegrastats lines under tests/fixtures/tegrastats (one line per file).</summary>
internal static class TegraFixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "tegrastats");

    public static string Line(string file)
    {
        var lines = Lines(file);
        lines.Length.ShouldBe(1, $"{file} should hold one line");
        return lines[0];
    }

    public static string[] Lines(string file)
    {
        var path = Path.Combine(Directory, file);
        File.Exists(path).ShouldBeTrue($"tegrastats fixture {path} is missing");
        return File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
    }

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in System.IO.Directory.GetFiles(Directory, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }
}
