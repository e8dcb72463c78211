using Aura.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Aura.Server.Api;

/// <summary>
/// A query that meets a damaged database page, or any other storage error, is answered with a problem body that says
/// which file and what to do, not an empty 500; damage also degrades the daemon's health until it is repaired.
/// </summary>
internal sealed class StorageFaults(ServerState state)
{
    // SQLITE_CORRUPT and SQLITE_NOTADB: the file's pages are not a valid database.
    private const int Corrupt = 11, NotADatabase = 26;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (SqliteException e) when (!context.Response.HasStarted)
        {
            var file = FileOf(context.Request.Path);
            if (e.SqliteErrorCode is Corrupt or NotADatabase)
            {
                var detail = $"{file} is damaged ({e.Message}). Stop `aura serve`, then run `aura db check` to see the damage and `aura db repair` to keep what can be read";
                state.Storage.ReportDamage($"{file} is damaged: {e.Message}");
                await Problems.ServerError("storage_damaged", detail).ExecuteAsync(context);
                return;
            }

            await Problems.ServerError("storage_failed", $"reading {file} failed: {e.Message}").ExecuteAsync(context);
        }
    }

    private string FileOf(PathString path)
    {
        var events = path.StartsWithSegments("/events") || path.StartsWithSegments("/sources") || path.StartsWithSegments("/event-types");
        return events
            ? $"the event log {state.Events?.Path}"
            : "the DVR" + (state.Recorder is Sampling.DvrRecorder dvr ? " " + dvr.Writer.Options.Path : "");
    }
}
