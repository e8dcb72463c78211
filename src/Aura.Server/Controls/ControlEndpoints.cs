using Aura.Server.Api;
using Aura.Server.Auth;
using Aura.Server.Events;
using Aura.Server.Hosting;
using Aura.Server.Jetson;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using Aura.Controls;

namespace Aura.Server.Controls;

/// <summary>
/// <c>GET /api/v1/controls</c> (read key): every control and its state. <c>POST /api/v1/controls</c> (control key)
/// <c>{control, value}</c>: 200 with the new state; 400/422 naming the field, 409 unsupported, 403 not root or no
/// control scope, 500 when the tool or sysfs write failed. Every change and refusal is audited. <c>GET /api/v1/meta</c>:
/// the board (JetsonScope's GetMeta).
/// </summary>
internal static class ControlEndpoints
{
    private const int MaxBody = 4096;
    private static readonly AccessRule SetRule = new(ApiScopes.Control, AuditRefusals: true);

    public static void Map(IEndpointRouteBuilder app, ServerState state)
    {
        app.MapGet("/api/v1/controls", async context =>
        {
            var controls = await state.Controls.ListAsync(context.RequestAborted);
            state.ControlStates.Set(controls);
            await TypedResults.Json([.. controls], SocketJsonContext.Default.ImmutableArrayControlInfo).ExecuteAsync(context);
        });
        app.MapPost("/api/v1/controls", context => SetAsync(context, state)).WithMetadata(SetRule);
        app.MapGet("/api/v1/meta", () => state.Hub.Latest is { } frame
            ? TypedResults.Json(JetsonViews.Hardware(frame.Snapshot, state.Hardware, state.ControlStates.Latest), SocketJsonContext.Default.JetsonHardwareView)
            : Problems.NoSampleYet());
    }

    private static async Task SetAsync(HttpContext context, ServerState state)
    {
        ControlRequest? request;
        string field, problem;
        using (var body = await RequestBody.ReadAsync(context.Request, MaxBody, context.RequestAborted))
        {
            if (body is null)
            {
                await Problems.PayloadTooLarge($"the body is larger than {MaxBody} bytes").ExecuteAsync(context);
                return;
            }

            request = ControlRequest.Parse(body.Span, out field, out problem);
        }

        var who = Who(context, state);
        if (request is not { } wanted)
        {
            await state.ControlGate.RefuseAsync("", "", "http", who, ControlReasons.InvalidValue, $"{field}: {problem}", context.RequestAborted);
            await (field == "body" ? Problems.BadRequest(field, problem) : Problems.Invalid(field, problem)).ExecuteAsync(context);
            return;
        }

        var result = await state.ControlGate.SetAsync(wanted.Control, wanted.Value, "http", who, context.RequestAborted);
        if (result.State is { } changed)
        {
            await TypedResults.Json(changed, SocketJsonContext.Default.ControlInfo).ExecuteAsync(context);
            return;
        }

        var message = result.ErrorMessage ?? "the control could not be set";
        var answer = result.Reason switch
        {
            ControlReasons.UnknownControl => Problem("Unknown control", StatusCodes.Status422UnprocessableEntity, message, "control", result.Reason),
            ControlReasons.InvalidValue => Problem("Invalid value", StatusCodes.Status422UnprocessableEntity, message, "value", result.Reason),
            ControlReasons.Unsupported => Problem("Unsupported control", StatusCodes.Status409Conflict, message, "control", result.Reason),
            ControlReasons.RequiresRoot => Problem("Forbidden", StatusCodes.Status403Forbidden, message, null, result.Reason),
            _ => Problem("Control failed", StatusCodes.Status500InternalServerError, message, null, ControlReasons.Failed),
        };
        await answer.ExecuteAsync(context);
    }

    private static IResult Problem(string title, int status, string detail, string? field, string code) =>
        Problems.Result(new ApiProblem(title, status, detail, field, code));

    private static string Who(HttpContext context, ServerState state)
    {
        var apiKey = context.Request.Headers[AccessGuard.ApiKeyHeader].ToString();
        var authorization = context.Request.Headers.Authorization.ToString();
        var presented = apiKey.Length > 0 ? apiKey
            : authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
        return presented is not null && state.Options.Keys.Find(presented) is { } key ? $"key '{key.Name}'" : "a signed-in browser";
    }
}
