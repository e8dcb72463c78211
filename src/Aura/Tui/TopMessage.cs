using Aura.Core.Model;
using Aura.Tui.Input;

namespace Aura.Tui;

/// <summary>What the UI loop handles, in arrival order: input, a new reading, a resize, or work to apply on the UI thread.</summary>
internal sealed record TopMessage(TopMessageKind Kind)
{
    public InputEvent Key { get; init; }

    public Snapshot? Reading { get; init; }

    public Action<TopState>? Apply { get; init; }

    public static TopMessage Input(InputEvent key) => new(TopMessageKind.Input) { Key = key };

    public static TopMessage Sample(Snapshot snapshot) => new(TopMessageKind.Reading) { Reading = snapshot };

    public static TopMessage Resized { get; } = new(TopMessageKind.Resize);

    public static TopMessage Update(Action<TopState> apply) => new(TopMessageKind.Apply) { Apply = apply };
}
