using System.Security.Cryptography;

namespace Aura.Server.Auth;

/// <summary>
/// Random bytes from the kernel's generator (<c>/dev/urandom</c>), for the login token the daemon makes at start-up.
/// <see cref="RandomNumberGenerator"/> would do, but its first call initialises OpenSSL (libcrypto and libssl, about
/// 4 MB resident) in a daemon that may never hash anything: a scrape-only daemon never loads them now.
/// </summary>
internal static class KernelRandom
{
    private const string Device = "/dev/urandom";

    public static byte[] GetBytes(int count)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Device))
        {
            return RandomNumberGenerator.GetBytes(count);
        }

        var bytes = new byte[count];
        using var device = new FileStream(Device, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        device.ReadExactly(bytes);
        return bytes;
    }
}
