using Aura.Agent.Screen;
using Aura.Agent.Tests.Support;

namespace Aura.Agent.Tests.Screen;

/// <summary>
/// The OCR path end to end: a real xterm on a private Xvfb, large DejaVu Sans Mono text (xterm's default font is too
/// small for tesseract), a word that appears between two frames, and the real tesseract reading the changed region.
/// </summary>
public sealed class TesseractOcrTests
{
    private const string Word = "Lighthouse";

    [RequiresToolFact("Xvfb", "xterm", "xdotool", "tesseract")]
    public async Task Next_WordAppearsInTerminal_TextAndSummaryContainIt()
    {
        var directory = Directory.CreateTempSubdirectory("aura-ocr-test-");
        var file = Path.Combine(directory.FullName, "lines.txt");
        File.WriteAllText(file, "");
        using var x = Xvfb.Start(800, 600);
        using var xterm = x.Run("xterm", "-geometry", "24x4+0+0", "-fa", "DejaVu Sans Mono", "-fs", "28", "-e", "tail", "-f", file);
        try
        {
            await Eventually.TrueAsync(async () => xterm.HasExited || (await x.XdotoolAsync("search", "--onlyvisible", "--class", "xterm")).Length > 0, "xterm's window is mapped", TimeSpan.FromSeconds(60));
            xterm.HasExited.ShouldBeFalse($"xterm exited with {(xterm.HasExited ? xterm.ExitCode : 0)}: {x.ErrorOutputOf(xterm)}");

            using var session = DiffSession.Open(x.Display, ocrSearchPath: Environment.GetEnvironmentVariable("PATH"));
            session.UsesOcr.ShouldBeTrue("tesseract is on PATH");
            session.Next().IsFirstFrame.ShouldBeTrue();

            // The window is mapped but may still be drawing: wait for a frame identical to the one before it.
            await Eventually.TrueAsync(() => session.Next().ChangedRegions.Count == 0, "the screen settles once xterm has drawn", TimeSpan.FromSeconds(60));

            await File.AppendAllTextAsync(file, Word + "\n");
            DiffReport? changed = null;
            await Eventually.TrueAsync(
                () =>
                {
                    var report = session.Next();
                    changed = report.ChangedRegions.Count > 0 ? report : null;
                    return changed is not null;
                },
                "the word's region changes",
                TimeSpan.FromSeconds(60));

            changed!.IsFirstFrame.ShouldBeFalse();
            changed.Text.ShouldNotBeNull("tesseract read text from the changed region");
            changed.Text.ShouldContain(Word, Case.Sensitive);
            changed.Summary.ShouldContain($"Text there: \"{changed.Text}\"");
        }
        finally
        {
            if (!xterm.HasExited)
            {
                xterm.Kill(entireProcessTree: true);
            }

            directory.Delete(recursive: true);
        }
    }
}
