using Aura.Tui.Input;
using Aura.Tui.Views;

namespace Aura.Tui;

/// <summary>JetsonScope's keys with their meanings, then what btop/htop users expect.</summary>
internal sealed partial class TopApp
{
    private static readonly double[] Intervals = [0.25, 0.5, 1, 2, 5, 10];

    private void OnKey(InputEvent key)
    {
        if (key.Kind == InputKind.CtrlC)
        {
            _state.Quit = true;
            _state.ExitCode = Cli.ExitCodes.Interrupted;
            return;
        }

        if (_state.Confirm is { } pending)
        {
            _state.Confirm = null;
            if (key.Kind == InputKind.Char && key.Char is 'y' or 'Y')
            {
                _state.SetStatus(pending.Question.TrimEnd('?') + " …");
                RunInBackground(pending.Run);
            }
            else
            {
                _state.SetStatus("cancelled");
            }

            return;
        }

        if (_state.Editing)
        {
            EditFilter(key);
            return;
        }

        if (_state.ShowHelp && !(key.Kind == InputKind.Char && key.Char is 'q'))
        {
            _state.ShowHelp = false;
            return;
        }

        _state.SetStatus("");
        switch (key.Kind)
        {
            case InputKind.Char: OnChar(key.Char); break;
            case InputKind.Tab: ShowView((int)_state.View + 1); break;
            case InputKind.BackTab: ShowView((int)_state.View - 1); break;
            case InputKind.Left when _state.View == TopView.History: Step(back: true); break;
            case InputKind.Right when _state.View == TopView.History: Step(back: false); break;
            case InputKind.Left: ShowView((int)_state.View - 1); break;
            case InputKind.Right: ShowView((int)_state.View + 1); break;
            case InputKind.Up: _state.Selected--; break;
            case InputKind.Down: _state.Selected++; break;
            case InputKind.PageUp: _state.Selected -= Math.Max(1, _screen.Height - 6); break;
            case InputKind.PageDown: _state.Selected += Math.Max(1, _screen.Height - 6); break;
            case InputKind.Home: _state.Selected = 0; break;
            case InputKind.End: GoLive(); break;
            case InputKind.Escape: _state.Filter = ""; break;
            case InputKind.Click: Click(key.X, key.Y); break;
        }

        _state.Selected = Math.Max(0, _state.Selected);
    }

    private void OnChar(char c)
    {
        switch (c)
        {
            case 'q': _state.Quit = true; break;
            case 'v': ShowView((int)_state.View + 1); break;
            case >= '1' and <= '6': ShowView(c - '1'); break;
            case 'h' or '?': _state.ShowHelp = true; break;
            case 's':
                _state.Sort = _state.Sort == ProcessSort.Cpu ? ProcessSort.Memory : ProcessSort.Cpu;
                _state.SetStatus("processes sorted by " + ProcessesView.Name(_state.Sort));
                break;
            case 'e':
                _state.Tree = !_state.Tree;
                _state.SetStatus(_state.Tree ? "processes as a tree: children under their parents" : "processes as a list");
                break;
            case 'r': Reconnect(); break;
            case 'c': AskJetsonClocks(); break;
            case 'm': AskNvpmodel(); break;
            case 'f': AskFan(); break;
            case '/':
                _state.Editing = true;
                _state.Filter = "";
                break;
            case 'k': AskSignal(15, "SIGTERM"); break;
            case 'K': AskSignal(9, "SIGKILL"); break;
            case '+': ChangeInterval(+1); break;
            case '-': ChangeInterval(-1); break;
            case '[': Step(back: true); break;
            case ']': Step(back: false); break;
            case 'l': GoLive(); break;
            case 't':
                _state.Tier = (HistoryTier)(((int)_state.Tier + 1) % 3);
                _state.SetStatus("[ ] now step by " + HistoryView.TierName(_state.Tier, _state.Interval));
                LoadTimeline();
                break;
            case 'g':
                _state.HistorySeries = (_state.HistorySeries + 1) % HistoryView.Series.Length;
                LoadTimeline();
                break;
        }
    }

    private void EditFilter(InputEvent key)
    {
        switch (key.Kind)
        {
            case InputKind.Char when _state.Filter.Length < 64: _state.Filter += key.Char; break;
            case InputKind.Backspace when _state.Filter.Length > 0: _state.Filter = _state.Filter[..^1]; break;
            case InputKind.Enter: _state.Editing = false; break;
            case InputKind.Escape:
                _state.Editing = false;
                _state.Filter = "";
                break;
        }

        _state.Selected = 0;
    }

    private void ShowView(int index)
    {
        _state.View = (TopView)(((index % TopState.ViewCount) + TopState.ViewCount) % TopState.ViewCount);
        if (_state.View == TopView.History)
        {
            LoadTimeline();
        }
        else if (_state.View == TopView.Clocks && _socketClient)
        {
            RefreshControls();
        }
    }

    private void Click(int x, int y)
    {
        if (_lastFrame is null)
        {
            return;
        }

        foreach (var hit in _lastFrame.Hits)
        {
            if (y == hit.Y && x >= hit.X && x < hit.X + hit.Width)
            {
                switch (hit.Target)
                {
                    case HitTarget.Tab: ShowView(hit.Value); break;
                    case HitTarget.SortColumn:
                        _state.Sort = (ProcessSort)hit.Value;
                        _state.SetStatus("processes sorted by " + ProcessesView.Name(_state.Sort));
                        break;
                    case HitTarget.Row: _state.Selected = hit.Value; break;
                }

                return;
            }
        }
    }

    private void ChangeInterval(int direction)
    {
        var current = Interval.TotalSeconds;
        var next = current;
        if (direction > 0)
        {
            next = Intervals.FirstOrDefault(i => i > current + 1e-9, Intervals[^1]);
        }
        else
        {
            next = Intervals.LastOrDefault(i => i < current - 1e-9, Intervals[0]);
        }

        Interlocked.Exchange(ref _intervalTicks, TimeSpan.FromSeconds(next).Ticks);
        _state.Interval = TimeSpan.FromSeconds(next);
        _state.SetStatus(Views.Fmt.Inv($"refreshing every {next:0.0#} s"));
    }
}
