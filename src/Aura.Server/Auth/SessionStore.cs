using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Aura.Server.Auth;

/// <summary>
/// Browser sessions made from the login link. The cookie holds a random token; the server keeps only its digest and the
/// scopes it grants, for <see cref="Lifetime"/>.
/// </summary>
internal sealed class SessionStore(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private const int MaxSessions = 1024;

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <summary>A new session's cookie value.</summary>
    public string Create(ApiScopes scopes)
    {
        if (_sessions.Count >= MaxSessions)
        {
            Prune();
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        _sessions[Key(token)] = new Session(scopes, clock.GetUtcNow() + Lifetime);
        return token;
    }

    /// <summary>The scopes of a live session, or null for an unknown or expired one.</summary>
    public ApiScopes? Find(string token)
    {
        if (!_sessions.TryGetValue(Key(token), out var session))
        {
            return null;
        }

        if (session.Expires > clock.GetUtcNow())
        {
            return session.Scopes;
        }

        _sessions.TryRemove(Key(token), out _);
        return null;
    }

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Key(string token) => Convert.ToHexString(Secret.Digest(token));

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, session) in _sessions)
        {
            if (session.Expires <= now)
            {
                _sessions.TryRemove(key, out _);
            }
        }

        // Still full: the oldest sessions give way rather than the server refusing to sign anyone in.
        while (_sessions.Count >= MaxSessions)
        {
            var oldest = _sessions.MinBy(pair => pair.Value.Expires);
            _sessions.TryRemove(oldest.Key, out _);
        }
    }

    private readonly record struct Session(ApiScopes Scopes, DateTimeOffset Expires);
}
