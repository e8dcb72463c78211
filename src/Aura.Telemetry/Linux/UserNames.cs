using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Aura.Telemetry.Procfs;

namespace Aura.Telemetry.Linux;

/// <summary>
/// Maps a uid to its name through {root}/etc/passwd, caching every answer, so each distinct uid costs one read of
/// the file and one string. A uid not in passwd is named by its number (as ps does); users known only through NSS
/// (LDAP, systemd-homed) show as numbers too, and a user added after its uid was first looked up stays a number.
/// </summary>
internal sealed class UserNames
{
    private readonly string _passwdPath;
    private byte[] _buffer = new byte[4096];
    private readonly Dictionary<uint, string> _names = [];

    public UserNames(string root) => _passwdPath = Path.Join(root, "etc", "passwd");

    public string Resolve(uint uid)
    {
        if (!_names.TryGetValue(uid, out var name))
        {
            name = Lookup(uid) ?? uid.ToString(CultureInfo.InvariantCulture);
            _names.Add(uid, name);
        }

        return name;
    }

    private string? Lookup(uint uid)
    {
        if (!KernelFile.TryRead(_passwdPath, ref _buffer, out var content))
        {
            return null;
        }

        // name:password:uid:gid:gecos:home:shell
        foreach (var line in new AsciiLines(content))
        {
            var nameEnd = line.IndexOf((byte)':');
            if (nameEnd <= 0 || line[0] is (byte)'#' or (byte)'+' or (byte)'-')
            {
                continue;
            }

            var afterName = line[(nameEnd + 1)..];
            var passwordEnd = afterName.IndexOf((byte)':');
            var uidField = passwordEnd < 0 ? default : afterName[(passwordEnd + 1)..];
            var uidEnd = uidField.IndexOf((byte)':');
            if (uidEnd >= 0
                && Utf8Parser.TryParse(uidField[..uidEnd], out uint value, out var used)
                && used == uidEnd
                && value == uid)
            {
                return Encoding.UTF8.GetString(line[..nameEnd]);
            }
        }

        return null;
    }
}
