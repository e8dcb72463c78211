using System.Collections.Immutable;
using Aura.Core.Events;
using Aura.Server.Hosting;
using Aura.Storage.Events;

using Aura.Controls;

namespace Aura.Server.Controls;

/// <summary>
/// Where the socket and HTTP hand control changes: it sets through the control service and writes every change and
/// every refusal (bad value, unsupported, not root, missing key or scope) to the audit trail as <c>control.set</c> or
/// <c>control.refused</c> under source <c>aura</c>. A failure to record is counted, never turned into a failed change.
/// Refusals are recorded one by one up to <see cref="RefusalBudget.PerMinute"/> a minute; beyond that they are counted.
/// </summary>
internal sealed class ControlGate(ServerState state)
{
    private readonly RefusalBudget _refusals = new(state.Clock);

    public async ValueTask<ControlResult> SetAsync(string control, string value, string via, string who, CancellationToken cancellationToken)
    {
        var result = await state.Controls.SetAsync(control, value, cancellationToken);
        if (result.State is { } changed)
        {
            state.ControlStates.Update(changed);
            var was = result.Previous is null ? "" : $" (was {result.Previous})";
            await RecordAsync("control.set", EventLevel.Info, $"{control} set to {changed.Value}{was} over {via} by {who}",
                Data(control, value, via, who).Add("result", changed.Value).Add("previous", result.Previous ?? ""), cancellationToken);
        }
        else
        {
            await RefuseAsync(control, value, via, who, result.Reason ?? ControlReasons.Failed, result.ErrorMessage ?? "", cancellationToken);
        }

        return result;
    }

    public async ValueTask RefuseAsync(string control, string value, string via, string who, string reason, string message, CancellationToken cancellationToken)
    {
        var (record, droppedBefore) = _refusals.Take();
        if (droppedBefore > 0)
        {
            await RecordAsync("control.refused", EventLevel.Warn,
                $"{droppedBefore} more control refusals in the previous minute were not recorded one by one (over {RefusalBudget.PerMinute} a minute)",
                ImmutableDictionary<string, string>.Empty.Add("reason", "over_budget").Add("count", droppedBefore.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                cancellationToken);
        }

        if (record)
        {
            await RecordAsync("control.refused", EventLevel.Warn, $"{(control.Length > 0 ? control : "a control")} not set over {via} by {who}: {message}",
                Data(control, value, via, who).Add("reason", reason).Add("error", message), cancellationToken);
        }
    }

    private static ImmutableDictionary<string, string> Data(string control, string value, string via, string who) =>
        ImmutableDictionary<string, string>.Empty.Add("control", control).Add("value", value).Add("via", via).Add("by", who);

    private async ValueTask RecordAsync(string type, EventLevel level, string message, ImmutableDictionary<string, string> data, CancellationToken cancellationToken)
    {
        if (state.Audit is not { } audit)
        {
            return;
        }

        try
        {
            await audit.RecordAsync(new AuditEvent(type, level, Bounded(message), data), cancellationToken);
        }
        catch (Exception e) when (e is EventLogException or ObjectDisposedException)
        {
            state.Counters.CountError($"could not record {type}: {e.Message}");
        }
    }

    /// <summary>Argus caps messages at 2000 characters; a long tool error must not make the audit event invalid.</summary>
    private static string Bounded(string message) => message.Length <= 2000 ? message : message[..1997] + "...";
}
