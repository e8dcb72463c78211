using System.Collections.Immutable;
using System.Globalization;
using Aura.Agent.Actions;
using Aura.Core.Events;

namespace Aura.Agent.Server;

/// <summary>
/// Writes every action, carried out or refused, as an <c>agent.action</c> audit event (source <c>aura</c>). Typed text is
/// recorded by length only: it may be a password.
/// </summary>
internal static class AgentAudit
{
    public const string EventType = "agent.action";

    public static async ValueTask RecordAsync(IAuditTrail? audit, string display, string who, string action, AgentAction? parsed, ActionAnswer answer, CancellationToken cancellationToken)
    {
        if (audit is null)
        {
            return;
        }

        var data = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        data["action"] = action;
        data["success"] = answer.Success ? "true" : "false";
        data["display"] = display;
        data["client"] = who;
        if (answer.Error is not null)
        {
            data["error"] = answer.Error;
            data["field"] = answer.Field ?? "";
        }

        var detail = Detail(parsed);
        if (detail.Length > 0)
        {
            data["target"] = detail;
        }

        var message = answer.Success
            ? $"agent {action}{(detail.Length > 0 ? " " + detail : "")} on {display} by {who}"
            : $"agent {action} refused for {who}: {answer.Error}";
        try
        {
            await audit.RecordAsync(new AuditEvent(EventType, answer.Success ? EventLevel.Info : EventLevel.Warn, message, data.ToImmutable()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException or Aura.Storage.Events.EventLogException)
        {
            // The event log is closing or failing; the action's answer still goes out.
        }
    }

    private static string Detail(AgentAction? action) => action switch
    {
        null => "",
        { Kind: ActionKind.Type } => string.Create(CultureInfo.InvariantCulture, $"({action.Text.Length} characters)"),
        { Kind: ActionKind.Key } => action.Key,
        { Kind: ActionKind.Wait } => string.Create(CultureInfo.InvariantCulture, $"{action.Duration} s"),
        { HasPoint: true } => string.Create(CultureInfo.InvariantCulture, $"({action.X},{action.Y})"),
        _ => "",
    };
}
