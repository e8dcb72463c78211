using System.Diagnostics.CodeAnalysis;

namespace Aura.Core.Config;

/// <summary>Lookups by dotted path such as <c>"persistence.db_path"</c>; each segment is one key, so keys that contain a dot need <see cref="TryGetValue"/> on their table.</summary>
public sealed partial class TomlTable
{
    /// <summary>Finds the value at a dotted path; false when any segment is missing or a parent is not a table.</summary>
    public bool TryGet(string path, [MaybeNullWhen(false)] out object value)
    {
        ArgumentNullException.ThrowIfNull(path);
        value = null;
        return TryFindParent(path, out var parent, out var key) && parent.TryGetValue(key, out value);
    }

    /// <summary>The 1-based line that defined the value at a dotted path, or null when it is absent.</summary>
    public int? LineAt(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryFindParent(path, out var parent, out var key) ? parent.LineOf(key) : null;
    }

    public bool TryGetString(string path, [NotNullWhen(true)] out string? value)
    {
        value = TryGet(path, out var found) ? found as string : null;
        return value is not null;
    }

    public bool TryGetInt64(string path, out long value)
    {
        if (TryGet(path, out var found) && found is long number)
        {
            value = number;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads a float, or an integer widened to a double, since TOML writes <c>86400</c> and <c>86400.0</c> differently.</summary>
    public bool TryGetDouble(string path, out double value)
    {
        TryGet(path, out var found);
        switch (found)
        {
            case double number:
                value = number;
                return true;
            case long integer:
                value = integer;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    public bool TryGetBoolean(string path, out bool value)
    {
        if (TryGet(path, out var found) && found is bool flag)
        {
            value = flag;
            return true;
        }

        value = false;
        return false;
    }

    public bool TryGetTable(string path, [NotNullWhen(true)] out TomlTable? value)
    {
        value = TryGet(path, out var found) ? found as TomlTable : null;
        return value is not null;
    }

    public bool TryGetArray(string path, [NotNullWhen(true)] out IReadOnlyList<object>? value)
    {
        value = TryGet(path, out var found) ? found as IReadOnlyList<object> : null;
        return value is not null;
    }

    private bool TryFindParent(string path, [NotNullWhen(true)] out TomlTable? parent, out string key)
    {
        parent = this;
        var start = 0;
        while (true)
        {
            var dot = path.IndexOf('.', start);
            if (dot < 0)
            {
                key = path[start..];
                return true;
            }

            if (!parent.TryGetValue(path[start..dot], out var next) || next is not TomlTable table)
            {
                parent = null;
                key = "";
                return false;
            }

            parent = table;
            start = dot + 1;
        }
    }
}
