using System.Runtime.InteropServices;
using System.Threading.Channels;
using Aura.Tui.Data;
using Aura.Tui.History;
using Aura.Tui.Input;
using Aura.Tui.Render;
using Aura.Tui.Terminal;
using Aura.Tui.Views;

namespace Aura.Tui;

/// <summary>
/// The `aura top` loop: one thread owns the state and the screen; input, readings and background answers arrive as
/// messages, and after each batch one frame is drawn, writing only the cells that changed.
/// </summary>
internal sealed partial class TopApp(TopOptions options, TimeProvider clock) : IDisposable
{
    private readonly Channel<TopMessage> _messages = Channel.CreateUnbounded<TopMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TopState _state = new() { Interval = options.Interval };
    private readonly FrameWriter _writer = new(options.Colors);
    private readonly DaemonHttp _http = new(options.Http);
    private ITopHistory _history = new TopHistory(options.DbPath);
    private ScreenBuffer _screen = new(80, 24);
    private DrawContext? _lastFrame;
    private TerminalSession? _session;
    private ITopFeed? _feed;
    private bool _socketClient;
    private CancellationTokenSource? _feedStop;
    private CancellationToken _stopping;
    private long _intervalTicks = options.Interval.Ticks;
    private DateTimeOffset _timelineLoaded;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stopping = stop.Token;
        _session = TerminalSession.Enter();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var resize = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGWINCH, context =>
        {
            context.Cancel = true;
            _messages.Writer.TryWrite(TopMessage.Resized);
        });
        try
        {
            InputReader.Start(_messages.Writer);
            Draw();
            await ConnectAsync(stop.Token);
            _ = Task.Run(() => EventsLoopAsync(stop.Token), stop.Token);
            while (!_state.Quit)
            {
                Handle(await _messages.Reader.ReadAsync(stop.Token));
                while (!_state.Quit && _messages.Reader.TryRead(out var next))
                {
                    Handle(next);
                }

                if (!_state.Quit)
                {
                    Draw();
                }
            }

            return _state.ExitCode;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // SIGTERM ends quietly; Ctrl-C sent as a signal (not a key) is the usual 130.
            return cancellationToken.IsCancellationRequested ? Cli.ExitCodes.Interrupted : Cli.ExitCodes.Ok;
        }
        finally
        {
            await StopFeedAsync();
            _session.Restore();
        }
    }

    public void Dispose()
    {
        _feedStop?.Dispose();
        _history.Dispose();
        _http.Dispose();
        _session?.Dispose();
    }

    private void Handle(TopMessage message)
    {
        switch (message.Kind)
        {
            case TopMessageKind.Input:
                OnKey(message.Key);
                break;
            case TopMessageKind.Reading:
                _state.Record(message.Reading!);
                if (_state.View == TopView.History && _state.FrozenAt is null && clock.GetUtcNow() - _timelineLoaded > TimeSpan.FromSeconds(5))
                {
                    LoadTimeline();
                }

                break;
            case TopMessageKind.Resize:
                _writer.Invalidate();
                break;
            case TopMessageKind.Apply:
                message.Apply!(_state);
                break;
        }
    }

    private void Draw()
    {
        var (width, height) = TerminalSession.Size();
        if (width != _screen.Width || height != _screen.Height)
        {
            _screen = new ScreenBuffer(width, height);
            _writer.Invalidate();
        }

        var frame = Render(_screen, _state, options.Theme, options.Graphs, clock.GetUtcNow());
        _lastFrame = frame;
        var bytes = _writer.Render(_screen);
        if (bytes.Length > 0)
        {
            try
            {
                _session!.Output.Write(bytes);
            }
            catch (IOException)
            {
                _state.Quit = true;
            }
        }
    }

    /// <summary>Draws one whole frame into <paramref name="screen"/> (also what the frame benchmark times).</summary>
    internal static DrawContext Render(ScreenBuffer screen, TopState state, Theme theme, GraphStyle graphs, DateTimeOffset now)
    {
        screen.Clear();
        var c = new DrawContext(screen, theme, graphs);
        Chrome.Header(c, state, now);
        Chrome.Tabs(c, state);
        var top = 3;
        var bottom = screen.Height - 1;
        var shown = state.Shown;
        if (state.View == TopView.Events)
        {
            EventsView.Draw(c, state, top, bottom);
        }
        else if (state.View == TopView.History)
        {
            HistoryView.Draw(c, state, shown, top, bottom);
        }
        else if (shown is null)
        {
            c.Text(0, top, state.FrozenAt is null ? "Waiting for the first snapshot…" : "Nothing recorded at this moment.", theme.Muted);
        }
        else
        {
            switch (state.View)
            {
                case TopView.Dashboard: DashboardView.Draw(c, state, shown, top, bottom); break;
                case TopView.Processes: ProcessesView.Draw(c, state, shown, top, bottom); break;
                case TopView.Engines: EnginesView.Draw(c, state, shown, top, bottom); break;
                default: ClocksView.Draw(c, state, shown, top, bottom); break;
            }
        }

        if (state.ShowHelp)
        {
            Chrome.Help(c);
        }

        Chrome.Status(c, state);
        return c;
    }

    private TimeSpan Interval => TimeSpan.FromTicks(Interlocked.Read(ref _intervalTicks));

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await StopFeedAsync();
        ITopFeed feed;
        string? refusal = null;
        if (!options.Local && await DaemonFeed.AnswersAsync(options.SocketPath, cancellationToken))
        {
            feed = new DaemonFeed(options.SocketPath);
        }
        else if (!options.Local && (refusal = await HttpFeed.ProbeAsync(_http, cancellationToken)) is null)
        {
            feed = new HttpFeed(_http);
        }
        else
        {
            feed = new LocalFeed(Aura.Server.Hosting.AuraSettingsResolver.Sampler(Cli.ProcessEnvironment.Current(), Interval), clock);
        }

        _feed = feed;
        _socketClient = feed is DaemonFeed;
        UseHistory(feed);
        _state.Source = feed.Description;
        _state.IsDaemon = feed.IsDaemon;
        _state.ControlsProblem = feed switch
        {
            DaemonFeed => "asking the daemon…",
            HttpFeed => $"controls go through the daemon's socket, and none answers on {options.SocketPath}",
            _ => $"controls go through the daemon, and none answers on {options.SocketPath}",
        };
        if (refusal is not null && refusal != HttpFeed.NoAnswer)
        {
            _state.SetStatus(refusal + ": sampling locally", error: true);
        }

        _feedStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = _feedStop.Token;
        _ = Task.Run(() => FeedLoopAsync(feed, token), token);
        if (_socketClient)
        {
            RefreshControls();
        }
    }

    /// <summary>
    /// A local DVR file when it can be read here; the daemon's over HTTP when `aura top` is its client and cannot read the
    /// file (another user's daemon), or reads it over HTTP (another host's), unless --db-path names a file.
    /// </summary>
    private void UseHistory(ITopFeed feed)
    {
        var overHttp = feed switch
        {
            HttpFeed => !options.DbPathGiven,
            DaemonFeed => !TopHistory.Readable(options.DbPath),
            _ => false,
        };
        if (_history is DaemonHistory == overHttp)
        {
            return;
        }

        _history.Dispose();
        _history = overHttp ? new DaemonHistory(_http) : new TopHistory(options.DbPath);
    }

    private async Task StopFeedAsync()
    {
        if (_feedStop is { } stop)
        {
            await stop.CancelAsync();
            stop.Dispose();
            _feedStop = null;
        }

        // The feed loop disposes its feed when it ends: a sample in progress must not lose its source under it.
        _feed = null;
    }

    private async Task FeedLoopAsync(ITopFeed feed, CancellationToken cancellationToken)
    {
        using var owned = feed;
        var failing = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await feed.ReadAsync(cancellationToken) is { } snapshot)
                {
                    _messages.Writer.TryWrite(TopMessage.Sample(snapshot));
                    if (failing)
                    {
                        failing = false;
                        _messages.Writer.TryWrite(TopMessage.Update(s => s.SetStatus("the daemon answers again")));
                    }
                }

                await Task.Delay(Interval, clock, cancellationToken);
            }
            catch (TopFeedException e)
            {
                failing = true;
                _messages.Writer.TryWrite(TopMessage.Update(s => s.SetStatus(e.Message + " · r reconnects", error: true)));
                await Task.Delay(Interval, clock, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
