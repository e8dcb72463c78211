namespace Aura.Agent.Screen;

/// <summary>Capture then diff, frame after frame, on one display; reports in AuraOS's shape.</summary>
internal sealed class DiffSession : IDisposable
{
    private readonly ScreenCapture _capture;
    private readonly GridDiff _diff;
    private readonly TesseractOcr? _ocr;

    public DiffSession(ScreenCapture capture, DiffSettings settings, TesseractOcr? ocr)
    {
        _capture = capture;
        _diff = new GridDiff(capture.Width, capture.Height, settings);
        _ocr = ocr;
    }

    public ScreenCapture Capture => _capture;

    public GridDiff Diff => _diff;

    public bool UsesOcr => _ocr is not null;

    /// <param name="display">The X display to watch.</param>
    /// <param name="ocrSearchPath">Where to look for tesseract (the executable's PATH); null for no OCR.</param>
    public static DiffSession Open(string display, string? ocrSearchPath) =>
        new(ScreenCapture.Open(display), DiffSettings.AuraOs, ocrSearchPath is null ? null : TesseractOcr.Find(ocrSearchPath));

    /// <summary>Captures and diffs one frame without building a report (allocation-free).</summary>
    public void Step() => _diff.Compare(_capture.Capture());

    /// <summary>Captures, diffs and reports one frame; OCR reads only changed regions of a later frame.</summary>
    public DiffReport Next()
    {
        var frame = _capture.Capture();
        _diff.Compare(frame);
        var regions = _diff.Regions;
        var text = _ocr is not null && !_diff.IsFirstFrame && !regions.IsEmpty ? _ocr.Read(frame, regions) : null;
        return Report(text);
    }

    /// <summary>The current frame's pixels, for a screenshot or a vision model's crops; valid until the next capture.</summary>
    public byte[] Png(Region? area = null)
    {
        var frame = _capture.Capture();
        return PngWriter.Encode(frame, area ?? new Region(0, 0, frame.Width, frame.Height));
    }

    public void Dispose() => _capture.Dispose();

    private DiffReport Report(string? text) => DiffReports.From(_diff, text);
}
