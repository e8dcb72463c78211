using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace Aura.Cli.Events;

/// <summary>
/// `aura events post|query|tail|sources|types`: Argus's client commands against a running daemon, with the key from
/// <c>AURA_API_KEY</c> or <c>aura.toml</c>. A missing or refused key, or no daemon, is one line on stderr and exit 1.
/// </summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var events = new Command("events", "Post, query and tail application events on the running Aura daemon.");
        events.Subcommands.Add(Post());
        events.Subcommands.Add(Query());
        events.Subcommands.Add(EventsTail.Create());
        events.Subcommands.Add(Names("sources", "List every event source stored, sorted.", "/sources", "sources"));
        events.Subcommands.Add(Names("types", "List every event type stored, sorted.", "/event-types", "event_types"));
        return events;
    }

    public static async Task<int> GuardAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (EventsClientException e)
        {
            await Console.Error.WriteLineAsync($"aura: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static Command Post()
    {
        var client = new EventsClientOptions();
        var source = new Option<string>("--source") { Description = "The event's source (^[a-z][a-z0-9-]*$).", Required = true, HelpName = "source" };
        var type = new Option<string>("--type", "--event-type") { Description = "The event's type (^[a-z][a-z0-9_.]*$).", Required = true, HelpName = "type" };
        var level = new Option<string?>("--level") { Description = "debug, info (default), warn or error.", HelpName = "level" };
        var message = new Option<string?>("--message") { Description = "One human-readable line (up to 2000 characters).", HelpName = "text" };
        var data = new Option<string?>("--data") { Description = "A JSON object of details, e.g. '{\"tokens\":12}'.", HelpName = "json" };
        var timestamp = new Option<string?>("--timestamp") { Description = "ISO 8601 with Z or an offset (default: the daemon's time).", HelpName = "time" };
        var command = new Command("post", "Post one event; prints its id once the daemon has stored it durably.");
        client.AddTo(command);
        command.Options.Add(source);
        command.Options.Add(type);
        command.Options.Add(level);
        command.Options.Add(message);
        command.Options.Add(data);
        command.Options.Add(timestamp);
        command.SetAction((parse, cancellationToken) => GuardAsync(async () =>
        {
            var body = Body(parse.GetValue(source)!, parse.GetValue(type)!, parse.GetValue(level), parse.GetValue(message), parse.GetValue(data), parse.GetValue(timestamp));
            var daemon = EventsDaemon.Resolve(parse.GetValue(client.Host), parse.GetValue(client.Port), parse.GetValue(client.Config), "ingest");
            var answer = await EventsHttp.SendAsync(daemon, HttpMethod.Post, "/events", body, cancellationToken);
            await Console.Out.WriteLineAsync(parse.GetValue(client.Json) ? answer.GetRawText() : $"captured event {answer.GetProperty("event_id").GetInt64()}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Body(string source, string type, string? level, string? message, string? data, string? timestamp)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("source", source);
            writer.WriteString("event_type", type);
            Optional(writer, "level", level);
            Optional(writer, "message", message);
            Optional(writer, "timestamp", timestamp);
            if (data is not null)
            {
                try
                {
                    using var parsed = JsonDocument.Parse(data);
                    if (parsed.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new UsageException("--data must be a JSON object, e.g. '{\"tokens\":12}'");
                    }

                    writer.WritePropertyName("data");
                    parsed.RootElement.WriteTo(writer);
                }
                catch (JsonException e)
                {
                    throw new UsageException($"--data is not valid JSON: {e.Message}");
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static Command Query()
    {
        var client = new EventsClientOptions();
        var filters = new EventsFilterOptions();
        var since = new Option<string?>("--since") { Description = "Only events at or after this time (ISO 8601 with Z or an offset, or epoch seconds).", HelpName = "time" };
        var until = new Option<string?>("--until") { Description = "Only events at or before this time.", HelpName = "time" };
        var limit = new Option<string?>("--limit") { Description = "At most this many events, newest first (1-1000, default 100).", HelpName = "n" };
        var before = new Option<string?>("--before-id") { Description = "Continue after this event id (paging).", HelpName = "id" };
        var command = new Command("query", "Print stored events, newest first: a table, or JSON lines with --json.");
        client.AddTo(command);
        filters.AddTo(command);
        command.Options.Add(since);
        command.Options.Add(until);
        command.Options.Add(limit);
        command.Options.Add(before);
        command.SetAction((parse, cancellationToken) => GuardAsync(async () =>
        {
            var query = new StringBuilder("/events?");
            foreach (var (name, value) in new[]
            {
                ("source", parse.GetValue(filters.Source)), ("event_type", parse.GetValue(filters.Type)), ("level", parse.GetValue(filters.Level)),
                ("since", parse.GetValue(since)), ("until", parse.GetValue(until)), ("limit", parse.GetValue(limit)), ("before_id", parse.GetValue(before)),
            })
            {
                if (value is not null)
                {
                    query.Append(name).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
                }
            }

            var daemon = EventsDaemon.Resolve(parse.GetValue(client.Host), parse.GetValue(client.Port), parse.GetValue(client.Config), "read");
            var answer = await EventsHttp.SendAsync(daemon, HttpMethod.Get, query.ToString().TrimEnd('&', '?'), null, cancellationToken);
            var json = parse.GetValue(client.Json);
            if (!json)
            {
                await Console.Out.WriteLineAsync(EventsText.Header);
            }

            foreach (var e in answer.GetProperty("events").EnumerateArray())
            {
                await Console.Out.WriteLineAsync(json ? e.GetRawText() : EventsText.Line(e));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Names(string name, string description, string path, string property)
    {
        var client = new EventsClientOptions();
        var command = new Command(name, description);
        client.AddTo(command);
        command.SetAction((parse, cancellationToken) => GuardAsync(async () =>
        {
            var daemon = EventsDaemon.Resolve(parse.GetValue(client.Host), parse.GetValue(client.Port), parse.GetValue(client.Config), "read");
            var answer = await EventsHttp.SendAsync(daemon, HttpMethod.Get, path, null, cancellationToken);
            if (parse.GetValue(client.Json))
            {
                await Console.Out.WriteLineAsync(answer.GetRawText());
                return ExitCodes.Ok;
            }

            foreach (var item in answer.GetProperty(property).EnumerateArray())
            {
                await Console.Out.WriteLineAsync(item.GetString());
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
