using System.Net.Sockets;
using Aura.Core.Config;

namespace Aura.Server.Jetson;

/// <summary>
/// Binds the UNIX socket: makes its directory (0700) when missing, replaces a stale socket file left by a server that
/// died, refuses to take over one a live server still answers on, and sets the socket to 0660.
/// </summary>
internal static class SocketListener
{
    public const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <exception cref="ConfigException">The path is a directory, or another server is listening on it.</exception>
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

        if (File.Exists(path))
        {
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
