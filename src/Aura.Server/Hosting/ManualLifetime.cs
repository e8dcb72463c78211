using Microsoft.Extensions.Hosting;

namespace Aura.Server.Hosting;

/// <summary>
/// Replaces the console lifetime: whoever hosts the server (the `aura serve` command, a test, a benchmark) decides when
/// it stops, so a library host never installs its own SIGINT/SIGTERM handlers.
/// </summary>
internal sealed class ManualLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
