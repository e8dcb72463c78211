using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Aura.Storage.Dvr;
using Aura.Tui.Data;
using Aura.Tui.Terminal;
using Aura.Tui.Views;

namespace Aura.Tui;

/// <summary>What the keys do beyond moving around: controls, signals, reconnecting and rewinding.</summary>
internal sealed partial class TopApp
{
    private void RunInBackground(Func<CancellationToken, Task<string>> action)
    {
        _ = Task.Run(async () =>
        {
            string outcome;
            try
            {
                outcome = await action(_stopping);
            }
            catch (Exception e) when (e is TopFeedException or IOException)
            {
                outcome = e.Message;
            }

            _messages.Writer.TryWrite(TopMessage.Update(s => s.SetStatus(outcome, error: outcome.Contains("refused", StringComparison.Ordinal) || outcome.Contains("not ", StringComparison.Ordinal))));
            if (_socketClient)
            {
                RefreshControls();
            }
        });
    }

    private void Reconnect()
    {
        // Probing a socket answers at once (or refuses at once); the frame after it shows the outcome.
        ConnectAsync(_stopping).GetAwaiter().GetResult();
        if (_state.IsDaemon)
        {
            _state.SetStatus($"connected to the daemon on {_feed!.Address}");
        }
        else if (!_state.StatusIsError)
        {
            _state.SetStatus($"no daemon answers on {options.SocketPath} or at {options.Http.Url}: sampling locally");
        }
    }

    private void RefreshControls()
    {
        var socket = options.SocketPath;
        _ = Task.Run(async () =>
        {
            try
            {
                var controls = await DaemonControls.ListAsync(socket, _stopping);
                _messages.Writer.TryWrite(TopMessage.Update(s =>
                {
                    s.Controls = controls;
                    s.ControlsProblem = controls.IsEmpty ? "the daemon offers no controls" : null;
                }));
            }
            catch (TopFeedException e)
            {
                _messages.Writer.TryWrite(TopMessage.Update(s => s.ControlsProblem = e.Message));
            }
        });
    }

    private TopControl? UsableControl(string name)
    {
        if (!_socketClient)
        {
            _state.SetStatus($"{name}: {_state.ControlsProblem} (start `aura serve`; r reconnects)", error: true);
            return null;
        }

        foreach (var control in _state.Controls)
        {
            if (control.Name == name)
            {
                if (!control.Supported)
                {
                    _state.SetStatus($"{name} is not supported here: {control.Reason}", error: true);
                    return null;
                }

                return control;
            }
        }

        _state.SetStatus($"{name} is not supported here: the daemon does not offer it{(_state.ControlsProblem is { } p ? " (" + p + ")" : "")}", error: true);
        return null;
    }

    private void AskJetsonClocks()
    {
        if (UsableControl("jetson_clocks") is { } control)
        {
            AskControl(control.Name, control.Value == "on" ? "off" : "on");
        }
    }

    private void AskNvpmodel()
    {
        if (UsableControl("nvpmodel") is not { } control)
        {
            return;
        }

        if (control.Options.IsEmpty)
        {
            _state.SetStatus("nvpmodel is not supported here: the daemon lists no power modes", error: true);
            return;
        }

        var at = control.Options.IndexOf(control.Value);
        AskControl(control.Name, control.Options[(at + 1) % control.Options.Length]);
    }

    private void AskFan()
    {
        if (UsableControl("fan") is { } control)
        {
            AskControl(control.Name, "80");
        }
    }

    private void AskControl(string name, string value)
    {
        var socket = options.SocketPath;
        var configFile = options.ConfigFile;
        _state.Confirm = new PendingAction(
            $"Set {name} to {value}{(name == "fan" ? " %" : "")}?",
            cancellationToken => DaemonControls.SetAsync(socket, name, value, Cli.ControlsCommand.Key(configFile), cancellationToken));
    }

    private void AskSignal(int signal, string signalName)
    {
        if (_state.View != TopView.Processes)
        {
            _state.SetStatus("select a process in the Processes view (2) first");
            return;
        }

        if (_state.FrozenAt is not null)
        {
            _state.SetStatus("frozen: these processes are from the past; press l for live before sending a signal", error: true);
            return;
        }

        if (_state.Selected >= _state.VisibleProcesses.Length)
        {
            _state.SetStatus("no process selected", error: true);
            return;
        }

        var target = _state.VisibleProcesses[_state.Selected];
        _state.Confirm = new PendingAction($"Send {signalName} to {target.Pid} ({target.Name})?", _ => Task.FromResult(Send(target.Pid, target.Name, signal, signalName)));
    }

    private static string Send(int pid, string name, int signal, string signalName)
    {
        if (Libc.Kill(pid, signal) == 0)
        {
            return $"sent {signalName} to {pid} ({name})";
        }

        return Marshal.GetLastPInvokeError() switch
        {
            1 => $"not permitted: {pid} ({name}) belongs to another user",
            3 => $"{pid} ({name}) has already exited",
            var errno => $"{signalName} to {pid} failed: errno {errno.ToString(CultureInfo.InvariantCulture)}",
        };
    }

    private TimeSpan StepSize => _state.Tier switch
    {
        HistoryTier.Hour => TimeSpan.FromHours(1),
        HistoryTier.Minute => TimeSpan.FromMinutes(1),
        _ => _state.Interval,
    };

    private void Step(bool back)
    {
        var host = _state.Live?.Host;
        if (host is null)
        {
            _state.SetStatus("waiting for the first snapshot");
            return;
        }

        var from = _state.FrozenAt ?? _state.Live!.Timestamp;
        Core.Model.Snapshot? found;
        try
        {
            found = back
                ? _history.Back(from, StepSize, _state.Tier == HistoryTier.Tick, host)
                : _state.FrozenAt is null ? null : _history.Forward(from, StepSize, _state.Tier == HistoryTier.Tick, host);
        }
        catch (DvrException e)
        {
            _state.SetStatus(e.Message, error: true);
            return;
        }

        if (found is null)
        {
            if (back)
            {
                _state.SetStatus(Fmt.Inv($"nothing recorded at tick resolution before {from.ToLocalTime():yyyy-MM-dd HH:mm:ss} in {_history.Where}"), error: true);
            }
            else
            {
                GoLive();
            }

            return;
        }

        _state.Frozen = found;
        _state.FrozenAt = found.Timestamp;
        LoadTimeline();
    }

    private void GoLive()
    {
        if (_state.FrozenAt is not null)
        {
            _state.FrozenAt = null;
            _state.Frozen = null;
            _state.SetStatus("live");
            LoadTimeline();
        }
    }

    private void LoadTimeline()
    {
        if (_state.View != TopView.History)
        {
            return;
        }

        var now = clock.GetUtcNow();
        _timelineLoaded = now;
        var window = HistoryView.Window(_state.Tier);
        var end = now;
        var start = end - window;
        if (_state.FrozenAt is { } at && at < start)
        {
            start = at - (window / 2);
            end = start + window;
        }

        try
        {
            var (_, key) = HistoryView.Series[_state.HistorySeries % HistoryView.Series.Length];
            _state.Timeline = _history.Timeline(key, start, end, Math.Max(2, _screen.Width * 2));
            _state.HistoryProblem = null;
        }
        catch (DvrException e)
        {
            _state.Timeline = null;
            _state.HistoryProblem = e.Message;
        }
    }

    /// <summary>Polls the daemon's event log (read key from AURA_API_KEY or aura.toml) for the Events view and History's markers.</summary>
    private async Task EventsLoopAsync(CancellationToken cancellationToken)
    {
        Cli.Events.EventsDaemon daemon;
        try
        {
            daemon = Cli.Events.EventsDaemon.Resolve(null, null, options.ConfigFile, "read");
        }
        catch (Exception e) when (e is Cli.Events.EventsClientException or Cli.UsageException or Core.Config.ConfigException)
        {
            _messages.Writer.TryWrite(TopMessage.Update(s => s.EventsProblem = "events need the daemon's read key: " + e.Message));
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var answer = await Cli.Events.EventsHttp.SendAsync(daemon, HttpMethod.Get, "/events?limit=200", null, cancellationToken);
                var list = ImmutableArray.CreateBuilder<System.Text.Json.JsonElement>();
                foreach (var e in answer.GetProperty("events").EnumerateArray())
                {
                    list.Add(e.Clone());
                }

                var events = list.ToImmutable();
                _messages.Writer.TryWrite(TopMessage.Update(s =>
                {
                    s.Events = events;
                    s.EventsProblem = null;
                }));
            }
            catch (Cli.Events.EventsClientException e)
            {
                _messages.Writer.TryWrite(TopMessage.Update(s => s.EventsProblem = e.Message));
            }

            await Task.Delay(TimeSpan.FromSeconds(2), clock, cancellationToken);
        }
    }
}
