using System.Collections.Immutable;
using System.Text.Json;
using Aura.Core.Model;
using Aura.Tui.Data;

namespace Aura.Tui;

/// <summary>Everything one frame is drawn from. Only the UI loop changes it; background work posts updates to it.</summary>
internal sealed class TopState
{
    public const int ViewCount = 6;

    public static readonly string[] ViewNames = ["Dashboard", "Processes", "GPU Engines", "Clocks/Governors", "Events", "History"];

    public TopView View { get; set; }

    public Snapshot? Live { get; set; }

    /// <summary>The recorded moment every view shows while frozen; null when live.</summary>
    public Snapshot? Frozen { get; set; }

    public DateTimeOffset? FrozenAt { get; set; }

    public Snapshot? Shown => FrozenAt is null ? Live : Frozen;

    public string Source { get; set; } = "connecting";

    public bool IsDaemon { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    public ProcessSort Sort { get; set; } = ProcessSort.Cpu;

    public string Filter { get; set; } = "";

    /// <summary>True when the Processes view shows children under their parents (`e`).</summary>
    public bool Tree { get; set; }

    /// <summary>True while `/` is typing into the process (or event) filter.</summary>
    public bool Editing { get; set; }

    public int Selected { get; set; }

    public int Scroll { get; set; }

    public bool ShowHelp { get; set; }

    public string Status { get; set; } = "";

    public bool StatusIsError { get; set; }

    public PendingAction? Confirm { get; set; }

    public ImmutableArray<TopControl> Controls { get; set; } = [];

    public string? ControlsProblem { get; set; } = "controls go through a daemon: none answers";

    public ImmutableArray<JsonElement> Events { get; set; } = [];

    public string? EventsProblem { get; set; }

    public HistoryTier Tier { get; set; } = HistoryTier.Tick;

    public int HistorySeries { get; set; }

    public History.TopTimeline? Timeline { get; set; }

    public string? HistoryProblem { get; set; }

    /// <summary>Processes shown in the Processes view after filter and sort, as last drawn (for k/K and clicks).</summary>
    public ImmutableArray<ProcessSample> VisibleProcesses { get; set; } = [];

    public SeriesRing CpuTotal { get; } = new();

    public SeriesRing Memory { get; } = new();

    public List<SeriesRing> Cores { get; } = [];

    public List<SeriesRing> GpuLoad { get; } = [];

    public bool Quit { get; set; }

    public int ExitCode { get; set; }

    public void SetStatus(string text, bool error = false)
    {
        Status = text;
        StatusIsError = error;
    }

    /// <summary>Keeps the live sparklines: total CPU, memory, each core, each GPU.</summary>
    public void Record(Snapshot snapshot)
    {
        Live = snapshot;
        CpuTotal.Add(snapshot.Cpu.Total?.Busy ?? double.NaN);
        Memory.Add(snapshot.Memory.UsedRatio);
        var cores = snapshot.Cpu.Cores;
        while (Cores.Count < cores.Length)
        {
            Cores.Add(new SeriesRing());
        }

        for (var i = 0; i < cores.Length; i++)
        {
            Cores[i].Add(cores[i].Times?.Busy ?? double.NaN);
        }

        var gpus = snapshot.Gpus;
        while (GpuLoad.Count < gpus.Length)
        {
            GpuLoad.Add(new SeriesRing());
        }

        for (var i = 0; i < gpus.Length; i++)
        {
            GpuLoad[i].Add(gpus[i].UtilizationPercent is { } u ? u / 100 : double.NaN);
        }
    }
}
