using Microsoft.AspNetCore.Http;

namespace Aura.Server.Hosting;

/// <summary>
/// An endpoint another part of Aura adds to the server (the desktop agent's <c>/ws/agent</c>). It is open at the HTTP
/// layer and authenticates its clients itself; a key presented on the request is still checked by the server.
/// </summary>
/// <param name="Pattern">The route, e.g. <c>/ws/agent</c>.</param>
/// <param name="Handler">Handles a request; the token ends when the server stops.</param>
public sealed record ExtraEndpoint(string Pattern, Func<HttpContext, CancellationToken, Task> Handler);
