using System.Diagnostics;
using System.Text;

namespace Aura.Agent.Screen;

/// <summary>
/// Reads text from changed regions with the <c>tesseract</c> program when it is installed: each crop goes to a private
/// temporary PNG and tesseract runs with an argument list (never a shell line).
/// </summary>
internal sealed class TesseractOcr(string executable)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Crops smaller than this (either side) are skipped: tesseract finds no text in a sliver.</summary>
    public const int MinimumSide = 16;

    /// <summary>tesseract in one of <paramref name="searchPath"/>'s directories (the executable's PATH); null when it is in none.</summary>
    public static TesseractOcr? Find(string? searchPath)
    {
        foreach (var directory in (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "tesseract");
            if (File.Exists(candidate))
            {
                return new TesseractOcr(candidate);
            }
        }

        return null;
    }

    /// <summary>The text in the regions, joined by " | "; null when none was read.</summary>
    public string? Read(ScreenFrame frame, ReadOnlySpan<Region> regions)
    {
        var texts = new List<string>();
        foreach (var region in regions)
        {
            if (region.Width < MinimumSide || region.Height < MinimumSide)
            {
                continue;
            }

            var text = ReadOne(PngWriter.Encode(frame, region));
            if (!string.IsNullOrWhiteSpace(text))
            {
                texts.Add(text.ReplaceLineEndings(" ").Trim());
            }
        }

        return texts.Count == 0 ? null : string.Join(" | ", texts);
    }

    private string? ReadOne(byte[] png)
    {
        var path = Path.Combine(Path.GetTempPath(), $"aura-ocr-{Environment.ProcessId}-{Guid.NewGuid():N}.png");
        try
        {
            using (var file = PrivateFiles.Create(path))
            {
                file.Write(png);
            }

            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
            start.ArgumentList.Add(path);
            start.ArgumentList.Add("stdout");
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 ? output.GetAwaiter().GetResult() : null;
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
