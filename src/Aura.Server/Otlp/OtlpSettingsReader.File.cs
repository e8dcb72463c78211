using System.Collections.Immutable;
using System.Globalization;
using Aura.Core.Config;

namespace Aura.Server.Otlp;

public static partial class OtlpSettingsReader
{
    /// <summary>The <c>[otlp]</c> table, if any, with errors that name the file, line and key.</summary>
    private sealed class FileSettings
    {
        private static readonly string[] Known =
            ["endpoint", "protocol", "headers", "timeout_seconds", "interval_seconds", "logs_delay_seconds", "resource", "service_name", "queue_batches", "queue_events"];

        private readonly string _file;
        private readonly TomlTable? _table;
        private readonly int? _line;

        public FileSettings(AuraConfig config)
        {
            _file = config.ConfigFile ?? "aura.toml";
            if (config.Toml.TryGetValue(Table, out var section))
            {
                _line = config.Toml.LineOf(Table);
                _table = section as TomlTable ?? throw new ConfigException($"{_file} line {config.Toml.LineOf(Table)}: {Table} must be a table");
                foreach (var key in _table.Keys)
                {
                    if (Array.IndexOf(Known, key) < 0)
                    {
                        throw Error(key, $"is not an [otlp] setting; use one of {string.Join(", ", Known)}");
                    }
                }
            }
        }

        public string Name(string key) => $"{_file} line {_table?.LineOf(key)}: {Table}.{key}";

        /// <summary>Settings without an endpoint would silently do nothing: say so instead.</summary>
        public void RejectWithoutEndpoint()
        {
            if (_table is { Count: > 0 })
            {
                throw new ConfigException($"{_file} line {_line}: [{Table}] has settings but no endpoint; set {Table}.endpoint (or {EndpointVariable}) to export");
            }
        }

        public string? String(string key)
        {
            if (_table is null || !_table.TryGetValue(key, out var value))
            {
                return null;
            }

            return value is string text && !string.IsNullOrWhiteSpace(text) ? text : throw Error(key, "must be a non-empty string");
        }

        public TimeSpan? Seconds(string key, TimeSpan min, TimeSpan max)
        {
            if (_table is null || !_table.TryGetValue(key, out var value))
            {
                return null;
            }

            double seconds = value switch
            {
                long integer => integer,
                double real => real,
                _ => throw Error(key, "must be a number of seconds"),
            };
            return double.IsFinite(seconds) && TimeSpan.FromSeconds(seconds) is var span && span >= min && span <= max
                ? span
                : throw Error(key, $"must be from {min.TotalSeconds.ToString(CultureInfo.InvariantCulture)} to {max.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds, not {seconds.ToString(CultureInfo.InvariantCulture)}");
        }

        public int? Integer(string key, int min, int max)
        {
            if (_table is null || !_table.TryGetValue(key, out var value))
            {
                return null;
            }

            return value is long n && n >= min && n <= max
                ? (int)n
                : throw Error(key, $"must be a whole number from {min} to {max}");
        }

        public ImmutableArray<KeyValuePair<string, string>>? StringTable(string key)
        {
            if (_table is null || !_table.TryGetValue(key, out var value))
            {
                return null;
            }

            if (value is not TomlTable table)
            {
                throw Error(key, $"must be a table of strings: [{Table}.{key}] with name = \"value\" lines");
            }

            var pairs = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
            foreach (var (name, item) in table)
            {
                pairs.Add(new(name, item as string ?? throw new ConfigException($"{_file} line {table.LineOf(name)}: {Table}.{key}.{name} must be a string")));
            }

            return pairs.ToImmutable();
        }

        private ConfigException Error(string key, string problem) => new($"{Name(key)} {problem}");
    }
}
