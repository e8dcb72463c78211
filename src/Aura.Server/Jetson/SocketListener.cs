using System.Net.Sockets;
using Aura.Core.Config;

namespace Aura.Server.Jetson;

/// <summary>
/// Binds the UNIX socket: makes its directory (0700) when missing, replaces a stale socket (one of this user's that
/// nobody answers on) left by a server that died, refuses anything else at the path and a socket a live server still
/// answers on, and sets the socket to 0660.
/// </summary>
internal static class SocketListener
{
    public const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <exception cref="ConfigException">The path is a directory or not a socket of ours, or another server is listening on it.</exception>
    public static Socket Bind(string path, int backlog)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, DirectoryMode);
            }
        }

        if (Directory.Exists(path))
        {
            throw new ConfigException($"--socket: '{path}' is a directory");
        }

        if (File.Exists(path) || IsDanglingLink(path))
        {
            // Only a socket of ours that nobody answers on is a leftover of a server that died; anything else at the
            // path (a file someone meant to keep, a link, another user's socket) is the user's mistake, not ours to delete.
            if (!FileKind.IsOwnSocket(path))
            {
                throw new ConfigException($"--socket: '{path}' exists and is not a socket of this user's; refusing to replace it (choose another path or remove it yourself)");
            }

            if (IsLive(path))
            {
                throw new ConfigException($"--socket: another server is already listening on '{path}'");
            }

            File.Delete(path);
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, SocketMode);
            }
            listener.Listen(backlog);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    private static bool IsDanglingLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static bool IsLive(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
