using System.Net;
using System.Text.RegularExpressions;
using Aura.Server.Tests.Events;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Auth;

/// <summary>README's "Keys and access" table, row by row, against a running daemon: the documentation is the contract.</summary>
public sealed partial class KeysAndAccessReadmeTests
{
    [Fact]
    public async Task ReadmeTable_EveryRow_MatchesTheRunningDaemon()
    {
        var rows = ReadTable();
        rows.Count.ShouldBeGreaterThanOrEqualTo(20, "the table lists every endpoint");
        await using var server = await EventServer.StartAsync();
        var failures = new List<string>();

        foreach (var row in rows)
        {
            var anonymous = await SendAsync(server, row, key: null, host: null);
            if (row.WithoutKey.StartsWith("open on loopback", StringComparison.Ordinal))
            {
                Expect(failures, row, "no key, on loopback", anonymous, allowed: true);
                var foreign = await SendAsync(server, row, key: null, host: "aura.example");
                Expect(failures, row, "no key, Host aura.example", foreign, allowed: false);
            }
            else if (row.WithoutKey.StartsWith("open", StringComparison.Ordinal))
            {
                Expect(failures, row, "no key", anonymous, allowed: true);
            }
            else if (row.WithoutKey == "401")
            {
                if (anonymous != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{row.Method} {row.Path} without a key: {(int)anonymous}, the README says 401");
                }
            }
            else
            {
                failures.Add($"{row.Method} {row.Path}: unknown 'without a key' cell '{row.WithoutKey}'");
            }

            var scope = row.Scope.Split(',')[0].Trim();
            if (KeyWith(scope) is not { } allowedKey)
            {
                continue;
            }

            Expect(failures, row, $"a {scope} key", await SendAsync(server, row, allowedKey, host: null), allowed: true);
            if (row.WithoutKey == "401")
            {
                var other = await SendAsync(server, row, KeyWithout(scope), host: null);
                if (other != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{row.Method} {row.Path} with a key lacking {scope}: {(int)other}, expected 403");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    private static void Expect(List<string> failures, Row row, string how, HttpStatusCode status, bool allowed)
    {
        var refused = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
        if (refused == allowed)
        {
            failures.Add($"{row.Method} {row.Path} with {how}: {(int)status}, expected {(allowed ? "access" : "401/403")}");
        }
    }

    private static string? KeyWith(string scope) => scope switch
    {
        "read" => Keys.Read,
        "ingest" => Keys.Ingest,
        "control" => Keys.Control,
        _ => null,
    };

    private static string KeyWithout(string scope) => scope == "read" ? Keys.Ingest : Keys.Read;

    private static async Task<HttpStatusCode> SendAsync(EventServer server, Row row, string? key, string? host)
    {
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(row.Path, UriKind.Relative));
        if (row.Method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await server.Http.SendAsync(request);
        return response.StatusCode;
    }

    private static List<Row> ReadTable()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var start = Array.IndexOf(readme, "## Keys and access");
        start.ShouldBeGreaterThanOrEqualTo(0, "README.md has a '## Keys and access' section");
        var rows = new List<Row>();
        for (var i = start + 1; i < readme.Length && !readme[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            var match = RowPattern().Match(readme[i]);
            if (match.Success)
            {
                rows.Add(new Row(match.Groups["method"].Value, match.Groups["path"].Value, match.Groups["without"].Value.Trim(), match.Groups["scope"].Value.Trim()));
            }
        }

        return rows;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Aura.slnx")))
        {
            directory = directory.Parent;
        }

        directory.ShouldNotBeNull("the repository root (with Aura.slnx) is above the test assembly");
        return directory.FullName;
    }

    [GeneratedRegex(@"^\| `(?<method>GET|POST) (?<path>/[^`]*)` \| (?<without>[^|]+)\| (?<scope>[^|]+)\|$")]
    private static partial Regex RowPattern();

    private sealed record Row(string Method, string Path, string WithoutKey, string Scope);
}
