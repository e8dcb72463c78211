using Aura.Controls;
using Aura.Server.Auth;
using Aura.Server.ClaraVerse;
using Aura.Server.Hosting;

namespace Aura.Server.Jetson;

/// <summary>Answers one socket request from the latest tick. SetControl needs a key with the control scope (or JetsonScope's auth token).</summary>
internal sealed class SocketRequestHandler(ServerState state)
{
    public const string Source = "aura";

    public async ValueTask<SocketResponse> HandleAsync(SocketRequest request, CancellationToken cancellationToken)
    {
        state.Counters.CountSocketRequest();
        var latest = state.Hub.Latest;
        switch (request.Kind)
        {
            case SocketRequestKind.GetStats:
                return new SocketResponse.Stats(latest?.Snapshot.Jetson?.Source ?? Source, latest is null ? null : JetsonViews.Stats(latest.Snapshot), latest?.Snapshot);
            case SocketRequestKind.GetMeta:
                return latest is null ? Error("no_sample", "the sampler has not taken its first snapshot yet") : new SocketResponse.Meta(JetsonViews.Hardware(latest.Snapshot, state.Hardware, state.ControlStates.Latest));
            case SocketRequestKind.ListControls:
                var controls = await state.Controls.ListAsync(cancellationToken);
                state.ControlStates.Set(controls);
                return new SocketResponse.Controls([.. controls]);
            case SocketRequestKind.GetHealth:
                return new SocketResponse.Health(Health(state));
            case SocketRequestKind.SetControl:
                return await SetControlAsync(request, cancellationToken);
            default:
                return Error("invalid_request", $"unknown request {request.Kind}");
        }
    }

    public static DaemonHealthView Health(ServerState state)
    {
        var http = ClaraEndpoints.HealthOf(state);
        var counters = state.Counters;
        return new DaemonHealthView(
            (ulong)state.Uptime.TotalSeconds,
            (ulong)counters.SocketRequests,
            (ulong)(counters.Errors + state.Storage.Errors),
            state.Storage.LastError ?? counters.LastError,
            counters.ConnectedClients,
            (ulong)state.Hub.Ticks,
            http.Status,
            http.Version,
            http.Interval,
            http.Timestamp,
            http.Reason);
    }

    public SocketResponse Error(string code, string message)
    {
        state.Counters.CountError(message);
        return new SocketResponse.Failure(new ErrorInfo(code, message));
    }

    private async ValueTask<SocketResponse> SetControlAsync(SocketRequest request, CancellationToken cancellationToken)
    {
        var control = request.Control ?? "";
        var value = request.Value ?? "";
        if (Authorised(request.Token) is not { } who)
        {
            var message = state.Options.Keys.AnyAllows(ApiScopes.Control) || state.ControlSecret is not null
                ? "SetControl needs a token: an API key with the 'control' scope"
                : "SetControl needs a token, and no key with the 'control' scope is configured: add one to aura.toml ([server.keys] control = [...])";
            await state.ControlGate.RefuseAsync(control, value, "socket", "an unauthorised client", ControlReasons.Unauthorised, message, cancellationToken);
            return Error("auth_failed", message);
        }

        var result = await state.ControlGate.SetAsync(control, value, "socket", who, cancellationToken);
        return result.State is { } changed
            ? new SocketResponse.ControlState(changed)
            : Error(result.ErrorCode ?? "control_error", result.ErrorMessage ?? "the control could not be set");
    }

    /// <summary>Who the token is (a key's name, or JetsonScope's auth token), or null when it may not set controls.</summary>
    private string? Authorised(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (state.ControlSecret is { } control && control.Matches(Secret.Digest(token)))
        {
            return "the JetsonScope auth token";
        }

        return state.Options.Keys.Find(token) is { } key && key.Allows(ApiScopes.Control) ? $"key '{key.Name}'" : null;
    }
}
