using Aura.Telemetry.Procfs;

namespace Aura.Controls;

/// <summary>
/// The one way controls write to sysfs: an existing file under the root, a path with no <c>..</c>, the value and a
/// newline written as <c>echo value &gt; file</c> would. Never creates files.
/// </summary>
internal sealed class SysfsWriter(string root)
{
    public string Root => root;

    public string FullPath(string relative) => Path.Combine(root, relative);

    /// <summary>Null on success, else an English reason naming the file.</summary>
    public string? Write(string relative, string value)
    {
        if (Path.IsPathRooted(relative) || relative.Split('/').Contains("..") || value.Contains('\n', StringComparison.Ordinal))
        {
            return $"refused to write '{value}' to '{relative}': not a plain path under the root";
        }

        var path = FullPath(relative);
        if (!File.Exists(path))
        {
            return $"{path} does not exist";
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite);
            stream.Write(System.Text.Encoding.ASCII.GetBytes(value + "\n"));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"writing '{value}' to {path} failed: {e.Message}";
        }
    }

    /// <summary>The file's first line trimmed, or null when it cannot be read.</summary>
    public string? Read(string relative)
    {
        if (KernelFile.ReadText(FullPath(relative)) is not { } text)
        {
            return null;
        }

        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return (newline >= 0 ? text[..newline] : text).Trim();
    }
}
